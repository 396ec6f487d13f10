// CSV forms of the chart views: the same numbers as the JSON, one row per chart point.
import type { CompareView } from '@/lib/schemas/compare.ts';
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import type { OrgsCompare } from '@/lib/schemas/orgs.ts';
import type { ParametersView } from '@/lib/schemas/parameters.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';
import { type CsvCell, columnsOf, toCsv } from './csv.ts';

export function seriesCsv(view: SeriesView): string {
  return toCsv(columnsOf<SeriesView['points'][number]>(['index', 'date', 'value', 'increment']), view.points);
}

type ForecastRow = {
  index: number;
  date: string;
  fitted: number | null;
  mean: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
  actual: number | null;
  paper: number | null;
};

const FORECAST_COLUMNS = [
  'index',
  'date',
  'fitted',
  'mean',
  'lo80',
  'hi80',
  'lo95',
  'hi95',
  'actual',
  'paper',
] as const;

/** One row per index 0..asOf+horizon: fitted curve, forecast band, observed-after-asof and the paper's curve. */
function forecastRows(view: ForecastView): ForecastRow[] {
  const rows = new Map<number, ForecastRow>();
  const row = (index: number, date: string) => {
    const existing = rows.get(index);
    if (existing) return existing;
    const fresh: ForecastRow = {
      index,
      date,
      fitted: null,
      mean: null,
      lo80: null,
      hi80: null,
      lo95: null,
      hi95: null,
      actual: null,
      paper: null,
    };
    rows.set(index, fresh);
    return fresh;
  };
  for (const p of view.fitted) row(p.index, p.date).fitted = p.value;
  for (const p of view.forecast)
    Object.assign(row(p.index, p.date), {
      mean: p.mean,
      lo80: p.lo80,
      hi80: p.hi80,
      lo95: p.lo95,
      hi95: p.hi95,
    });
  for (const p of view.actual) row(p.index, p.date).actual = p.value;
  for (const p of view.paper?.fitted ?? []) {
    const existing = rows.get(p.index);
    if (existing) existing.paper = p.value;
  }
  return [...rows.values()].sort((a, b) => a.index - b.index);
}

export function forecastCsv(view: ForecastView): string {
  return toCsv(columnsOf<ForecastRow>([...FORECAST_COLUMNS]), forecastRows(view));
}

type CompareRow = { repoId: string } & Record<string, CsvCell>;

/** Long format: one row per model and index, observed value and (after the as-of index) the forecast band. */
export function compareCsv(view: CompareView): string {
  const rows: CompareRow[] = [];
  for (const model of view.models) {
    const byIndex = new Map<number, CompareRow>();
    for (const p of model.series.points)
      byIndex.set(p.index, { repoId: model.repoId, index: p.index, date: p.date, value: p.value });
    for (const p of model.forecast?.forecast ?? []) {
      const existing = byIndex.get(p.index) ?? {
        repoId: model.repoId,
        index: p.index,
        date: p.date,
        value: null,
      };
      byIndex.set(p.index, {
        ...existing,
        mean: p.mean,
        lo80: p.lo80,
        hi80: p.hi80,
        lo95: p.lo95,
        hi95: p.hi95,
      });
    }
    rows.push(...[...byIndex.values()].sort((a, b) => Number(a.index) - Number(b.index)));
  }
  return toCsv(
    columnsOf<CompareRow>(['repoId', 'index', 'date', 'value', 'mean', 'lo80', 'hi80', 'lo95', 'hi95']),
    rows,
  );
}

export function parametersCsv(view: ParametersView): string {
  return toCsv(
    columnsOf<ParametersView['items'][number]>([
      'repoId',
      'org',
      'lambda',
      'mu',
      'sigma',
      'm',
      'status',
      'failed',
      'derivatives',
      'asOf',
    ]),
    view.items,
  );
}

/** The densities of Fig. 3 (org, month, x = log10(1 + count), density); parameters are in the JSON. */
export function orgsCompareCsv(view: OrgsCompare): string {
  const rows = view.densities.flatMap((d) =>
    d.points.map((p) => ({ org: d.org, month: d.month, n: d.n, x: p.x, density: p.density })),
  );
  return toCsv(columnsOf<(typeof rows)[number]>(['org', 'month', 'n', 'x', 'density']), rows);
}
