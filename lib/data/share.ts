import 'server-only';
import { buildBadgeSvg, type ForecastBand } from '@/lib/charts/sparkline-svg.ts';
import { cached } from '@/lib/data/cache.ts';
import { buildForecastView } from '@/lib/data/forecast.ts';
import { getSeriesOrThrow } from '@/lib/data/series.ts';
import type { BadgeQuery } from '@/lib/schemas/badge.ts';

const LABELS: Record<BadgeQuery['metric'], string> = {
  all: 'derivatives',
  finetune: 'fine-tunes',
  adapter: 'adapters',
  quantized: 'quantizations',
  merge: 'merges',
};

/** What a badge or a preview image draws: complete-month history, forecast band, current count. */
export type ShareCard = {
  repoId: string;
  label: string;
  value: number;
  history: number[];
  forecast: ForecastBand[];
  /** Mean forecast at the end of the horizon, and the horizon in months. */
  forecastEnd: number | null;
  horizon: number;
};

/** The data of a model's badge or preview image; from our database only, never the Hub. */
export function getShareCardOrThrow(repoId: string, query: BadgeQuery): Promise<ShareCard> {
  return cached(`share:${repoId}:${query.metric}:${query.fc}`, async () => {
    const series = await getSeriesOrThrow(repoId, query.metric);
    const history = series.values.slice(0, Math.max(series.last, 0) + 1);
    const view =
      query.fc > 0 && series.last >= 0 ? await buildForecastView(series, series.last, query.fc, false) : null;
    const forecast = view?.forecast ?? [];
    return {
      repoId: series.model.repoId,
      label: LABELS[query.metric],
      value: history.at(-1) ?? 0,
      history,
      forecast,
      forecastEnd: forecast.at(-1)?.mean ?? null,
      horizon: forecast.length,
    };
  });
}

/** GET …/badge.svg: the model's badge as SVG text. */
export async function getBadgeSvgOrThrow(repoId: string, query: BadgeQuery): Promise<string> {
  const card = await getShareCardOrThrow(repoId, query);
  return buildBadgeSvg({ ...card, title: `${card.repoId}: ${card.value} ${card.label}` });
}
