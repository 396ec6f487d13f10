import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { ParametersView } from '@/components/parameters/parameters-view.tsx';
import { listParameters } from '@/lib/data/parameters.ts';
import { loadParametersView } from '@/lib/url-state.ts';

export const metadata: Metadata = { title: 'Growth parameters' };

export default async function ParametersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { method } = await loadParametersView(searchParams);
  const data = await listParameters({ method, metric: 'all', org: undefined });
  return <ParametersView initial={data} />;
}
