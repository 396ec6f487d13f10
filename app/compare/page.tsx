import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { CompareView } from '@/components/compare/compare-view.tsx';
import { orNull } from '@/components/page/load.ts';
import { compareModelsOrThrow } from '@/lib/data/compare.ts';
import { loadCompareView } from '@/lib/url-state.ts';

export const metadata: Metadata = { title: 'Compare models' };

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await loadCompareView(searchParams);
  const key = `${view.m.join('~')}|${view.metric}|${view.align}|${view.fc ?? ''}`;
  const data = view.m.length
    ? await orNull(
        compareModelsOrThrow({
          m: view.m,
          metric: view.metric,
          align: view.align,
          fc: view.fc ?? undefined,
          asof: undefined,
        }),
      )
    : null;
  return <CompareView initial={{ key, data }} />;
}
