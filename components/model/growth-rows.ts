/** Shapes a series and its forecast into the rows the growth chart draws and its table lists (pure). */
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';

export interface GrowthRow {
  [key: string]: string | number | null;
  index: number;
  date: string;
  /** Observed (complete) value the fit may use. */
  actual: number | null;
  /** The current, incomplete month (or day): shown, never fitted. */
  partial: number | null;
  /** Observed after the as-of month: what happened since a frozen forecast. */
  after: number | null;
  fitted: number | null;
  paper: number | null;
  mean: number | null;
  lo: number | null;
  hi: number | null;
}

export interface GrowthRowOptions {
  mode: 'cum' | 'new';
  band: 80 | 95;
  /** Keep indices ≤ this (null: all). */
  maxIndex: number | null;
  /** An asof forecast splits the observed points into "before" and "since". */
  frozen: boolean;
}

function diff(values: Map<number, number>, index: number, previous: number | undefined): number | null {
  const value = values.get(index);
  if (value === undefined || previous === undefined) return null;
  return value - previous;
}

export function buildGrowthRows(
  series: SeriesView,
  forecast: ForecastView | null,
  options: GrowthRowOptions,
): GrowthRow[] {
  const { mode, band, maxIndex, frozen } = options;
  const asOf = forecast?.asOf.index ?? null;
  const lastIndex = series.points.at(-1)?.index ?? -1;
  const observed = new Map(series.points.map((p) => [p.index, p.value]));
  const fitted = new Map((forecast?.fitted ?? []).map((p) => [p.index, p.value]));
  const paper = new Map((forecast?.paper?.fitted ?? []).map((p) => [p.index, p.value]));
  const means = new Map((forecast?.forecast ?? []).map((p) => [p.index, p.mean]));
  const rows = new Map<number, GrowthRow>();
  const row = (index: number, date: string): GrowthRow => {
    let existing = rows.get(index);
    if (!existing) {
      existing = {
        index,
        date,
        actual: null,
        partial: null,
        after: null,
        fitted: null,
        paper: null,
        mean: null,
        lo: null,
        hi: null,
      };
      rows.set(index, existing);
    }
    return existing;
  };

  for (const point of series.points) {
    const value = mode === 'cum' ? point.value : point.increment;
    const r = row(point.index, point.date);
    if (frozen && asOf !== null && point.index > asOf) r.after = value;
    else if (series.lastPartial && point.index === lastIndex) r.partial = value;
    else r.actual = value;
  }
  for (const point of forecast?.fitted ?? []) {
    row(point.index, point.date).fitted =
      mode === 'cum' ? point.value : diff(fitted, point.index, fitted.get(point.index - 1));
  }
  for (const point of forecast?.paper?.fitted ?? []) {
    const r = rows.get(point.index);
    if (!r) continue;
    r.paper = mode === 'cum' ? point.value : diff(paper, point.index, paper.get(point.index - 1));
  }
  for (const point of forecast?.forecast ?? []) {
    const r = row(point.index, point.date);
    if (mode === 'cum') {
      r.mean = point.mean;
      r.lo = band === 80 ? point.lo80 : point.lo95;
      r.hi = band === 80 ? point.hi80 : point.hi95;
    } else {
      // The first forecast month adds to what was observed at the as-of month.
      const previous =
        means.get(point.index - 1) ?? observed.get(point.index - 1) ?? fitted.get(point.index - 1);
      r.mean = previous === undefined ? null : point.mean - previous;
    }
  }
  return [...rows.values()]
    .filter((r) => maxIndex === null || r.index <= maxIndex)
    .sort((a, b) => a.index - b.index);
}
