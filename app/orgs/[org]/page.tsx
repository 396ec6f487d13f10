import type { Metadata } from 'next';
import { OrgView } from '@/components/orgs/org-view.tsx';
import { orNotFound } from '@/components/page/load.ts';
import { getOrgDetailOrThrow } from '@/lib/data/orgs.ts';

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  return { title: `Organisation ${decodeURIComponent(org)}` };
}

export default async function OrgPage({ params }: Props) {
  const slug = decodeURIComponent((await params).org);
  const detail = await orNotFound(getOrgDetailOrThrow(slug));
  return <OrgView slug={detail.org.slug} initial={detail} />;
}
