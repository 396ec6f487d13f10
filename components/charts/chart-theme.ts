/** Colours (CSS variables, so light and dark themes and exports agree) and axis styling shared by the charts. */

export const COLORS = {
  data: 'var(--chart-data)',
  fit: 'var(--chart-fit)',
  forecast: 'var(--chart-forecast)',
  after: 'var(--chart-after)',
  paper: 'var(--chart-paper)',
  cohort: 'var(--chart-cohort)',
  grid: 'var(--chart-grid)',
  axis: 'var(--muted)',
} as const;

/** Categorical palette for many series (organisations, cohorts, compared models). */
export const PALETTE = Array.from({ length: 10 }, (_, i) => `var(--series-${i + 1})`);

export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? 'var(--series-1)';
}

export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 } as const;
export const DASH_FORECAST = '6 4';
export const DASH_PAPER = '2 3';
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 4 } as const;
export const FILL_100 = { width: '100%', height: '100%' } as const;
