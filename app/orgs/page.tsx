import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { OrgsCompareView } from '@/components/orgs/orgs-compare-view.tsx';
import { orNull } from '@/components/page/load.ts';
import { compareOrgs, listOrgs } from '@/lib/data/orgs.ts';
import { loadOrgsView } from '@/lib/url-state.ts';

export const metadata: Metadata = { title: 'Organisations' };

export default async function OrgsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { lmin, lmax } = await loadOrgsView(searchParams);
  const [orgs, data] = await Promise.all([
    listOrgs(),
    orNull(compareOrgs({ lambdaMin: lmin, lambdaMax: lmax, method: 'wsb-eb', orgs: undefined })),
  ]);
  return <OrgsCompareView orgs={orgs} initial={{ lmin, lmax, data }} />;
}
