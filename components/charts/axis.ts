/** Axis helpers shared by the charts (pure, tested). */

import type { XAxisProps, YAxisProps } from 'recharts';
import { addMonths, formatCount, formatDate, formatMonthShort } from '@/lib/format.ts';
import { AXIS_TICK, COLORS } from './chart-theme.ts';

/** Powers of ten covering [1, max]: 3 400 → [1, 10, 100, 1000, 10000]. */
export function logTicks(max: number): number[] {
  const ticks = [1];
  while ((ticks.at(-1) ?? 1) < max) ticks.push((ticks.at(-1) ?? 1) * 10);
  return ticks;
}

/** Upper end of a log axis: the next power of ten above the largest value (at least 10). */
export function logDomainMax(max: number): number {
  return logTicks(Math.max(10, max)).at(-1) ?? 10;
}

/** Largest finite number among the given values (0 when none). */
export function maxOf(values: Iterable<number | null | undefined>): number {
  let max = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v) && v > max) max = v;
  return max;
}

/** Date label of index k after startDate ("YYYY-MM-DD"): months → "Mar '24", days → "2024-03-05". */
export function indexLabel(startDate: string, index: number, granularity: 'month' | 'day'): string {
  if (granularity === 'month') return formatMonthShort(addMonths(startDate.slice(0, 7), index));
  const start = Date.UTC(
    Number(startDate.slice(0, 4)),
    Number(startDate.slice(5, 7)) - 1,
    Number(startDate.slice(8, 10)),
  );
  return new Date(start + index * 86_400_000).toISOString().slice(0, 10);
}

/** For log charts: zero and negative values cannot be drawn, so they become gaps. */
export function logSafe(value: number | null | undefined, log: boolean): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return log && value <= 0 ? null : value;
}

/** Powers of ten covering [min, max] (both > 0), thinned to at most `maxTicks`: (1e-15, 100) → [1e-15, 1e-12, …, 100]. */
export function decadeTicks(min: number, max: number, maxTicks = 7): number[] {
  if (!(min > 0) || !(max > 0)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const step = Math.max(1, Math.ceil((hi - lo) / (maxTicks - 1)));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += step) ticks.push(10 ** e);
  return ticks;
}

/** Props of the count (y) axis every growth chart shares: log from 1 to the next power of ten, or linear from 0. */
export function countAxisProps(max: number, log: boolean): YAxisProps {
  return {
    scale: log ? 'log' : 'linear',
    domain: log ? [1, logDomainMax(max)] : [0, 'auto'],
    ticks: log ? logTicks(max) : undefined,
    allowDataOverflow: log,
    tick: AXIS_TICK,
    tickFormatter: (v: number) => formatCount(v),
    stroke: COLORS.grid,
    width: 48,
  };
}

/** Props of the x axis of a series by index since release, labelled by calendar month (or day). */
export function indexAxisProps(startDate: string, granularity: 'month' | 'day'): XAxisProps {
  return {
    allowDecimals: false,
    dataKey: 'index',
    type: 'number',
    domain: ['dataMin', 'dataMax'],
    tick: AXIS_TICK,
    tickFormatter: (i: number) =>
      granularity === 'day' ? formatDate(indexLabel(startDate, i, 'day')) : indexLabel(startDate, i, 'month'),
    stroke: COLORS.grid,
    minTickGap: 24,
  };
}
