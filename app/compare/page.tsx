import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { CompareView } from '@/components/compare/compare-view.tsx';
import { orNull } from '@/components/page/load.ts';
import { compareModelsOrThrow } from '@/lib/data/compare.ts';
import { loadCompareView } from '@/lib/url-state.ts';

type Props = { searchParams: Promise<SearchParams> };

/** A shared comparison link previews its chart: the Open Graph image is drawn from the same models. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const view = await loadCompareView(searchParams);
  if (view.m.length === 0) return { title: 'Compare models' };
  const query = new URLSearchParams({ m: view.m.join('~') });
  if (view.fc !== null) query.set('fc', String(view.fc));
  const image = `/api/compare/image?${query}`;
  const title = `Compare ${view.m.join(', ')}`;
  return {
    title,
    openGraph: { title, images: [{ url: image, width: 1200, height: 630 }] },
    twitter: { card: 'summary_large_image', images: [image] },
  };
}

export default async function ComparePage({ searchParams }: Props) {
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
