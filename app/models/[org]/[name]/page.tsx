import type { Metadata } from 'next';
import type { SearchParams } from 'nuqs/server';
import { ModelView } from '@/components/model/model-view.tsx';
import { orNotFound, orNull } from '@/components/page/load.ts';
import { getForecastViewOrThrow } from '@/lib/data/forecast.ts';
import { getModelDetailOrThrow } from '@/lib/data/models.ts';
import { getSeriesViewOrThrow } from '@/lib/data/series.ts';
import { loadModelView } from '@/lib/url-state.ts';

type Props = { params: Promise<{ org: string; name: string }>; searchParams: Promise<SearchParams> };

async function repoIdOf(params: Props['params']): Promise<string> {
  const { org, name } = await params;
  return `${decodeURIComponent(org)}/${decodeURIComponent(name)}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const repoId = await repoIdOf(params);
  return {
    title: repoId,
    description: `Derivatives of ${repoId} on Hugging Face: growth, fitted curve and forecast.`,
  };
}

export default async function ModelPage({ params, searchParams }: Props) {
  const repoId = await repoIdOf(params);
  const view = await loadModelView(searchParams);
  const detail = await orNotFound(getModelDetailOrThrow(repoId));
  const metric = detail.metrics.includes(view.metric) ? view.metric : (detail.metrics[0] ?? 'all');
  const [series, forecast] = await Promise.all([
    orNull(getSeriesViewOrThrow(detail.repoId, metric)),
    orNull(
      getForecastViewOrThrow(detail.repoId, {
        metric,
        fc: view.fc ?? undefined,
        asof: view.asof ?? undefined,
      }),
    ),
  ]);
  return (
    <ModelView repoId={detail.repoId} initial={{ view: { ...view, metric }, detail, series, forecast }} />
  );
}
