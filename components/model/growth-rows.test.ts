import { describe, expect, test } from 'vitest';
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';
import { buildGrowthRows } from './growth-rows.ts';

const values = [0, 10, 30, 60, 80];
const series = (lastPartial: boolean): SeriesView => ({
  repoId: 'a/b',
  metric: 'all',
  granularity: 'month',
  source: 'paper',
  startDate: '2024-01-15',
  lastPartial,
  points: values.map((value, index) => ({
    index,
    date: `2024-0${index + 1}-15`,
    value,
    increment: index ? value - (values[index - 1] ?? 0) : value,
  })),
});

const forecast = (asOf: number): ForecastView => ({
  repoId: 'a/b',
  metric: 'all',
  granularity: 'month',
  startDate: '2024-01-15',
  asOf: { index: asOf, date: '' },
  horizon: 2,
  fit: {
    method: 'wsb-eb',
    version: '1',
    status: 'ok',
    reason: null,
    params: null,
    uncertainty: null,
    quality: {},
    eventual: null,
    impactTime: null,
    halfLife: null,
  },
  fitted: Array.from({ length: asOf + 1 }, (_, index) => ({ index, date: '', value: index * 11 })),
  forecast: [1, 2].map((h) => ({
    index: asOf + h,
    date: '',
    mean: 100 + h,
    lo80: 90 + h,
    hi80: 110 + h,
    lo95: 80 + h,
    hi95: 120 + h,
  })),
  actual: [],
  paper: {
    method: 'paper-published',
    lambda: 1,
    mu: 0,
    sigma: 1,
    status: 'ok',
    fitted: [{ index: 1, value: 5 }],
  },
});

describe('buildGrowthRows', () => {
  test('latest view: complete months are observed, the last incomplete one apart', () => {
    const rows = buildGrowthRows(series(true), forecast(3), {
      mode: 'cum',
      band: 80,
      maxIndex: null,
      frozen: false,
    });
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.actual)).toEqual([0, 10, 30, 60, null, null]);
    expect(rows[4]?.partial).toBe(80);
    expect(rows[4]).toMatchObject({ mean: 101, lo: 91, hi: 111 });
    expect(rows[1]?.paper).toBe(5);
    expect(rows[3]?.fitted).toBe(33);
  });

  test('asof view: what happened after the as-of month is kept apart', () => {
    const rows = buildGrowthRows(series(false), forecast(2), {
      mode: 'cum',
      band: 95,
      maxIndex: null,
      frozen: true,
    });
    expect(rows.map((r) => r.after)).toEqual([null, null, null, 60, 80]);
    expect(rows.map((r) => r.partial)).toEqual([null, null, null, null, null]);
    expect(rows[3]).toMatchObject({ mean: 101, lo: 81, hi: 121 });
  });

  test.each([
    [null, 6],
    [2, 3],
  ])('range maxIndex %s keeps %s rows', (maxIndex, n) => {
    expect(
      buildGrowthRows(series(true), forecast(3), { mode: 'cum', band: 80, maxIndex, frozen: false }),
    ).toHaveLength(n);
  });

  test('new per month: increments, and the forecast continues from the last observed value', () => {
    const rows = buildGrowthRows(series(false), forecast(4), {
      mode: 'new',
      band: 80,
      maxIndex: null,
      frozen: false,
    });
    expect(rows.map((r) => r.actual)).toEqual([0, 10, 20, 30, 20, null, null]);
    expect(rows[5]?.mean).toBe(101 - 80);
    expect(rows[6]?.mean).toBe(1);
    expect(rows[5]?.lo).toBeNull();
    expect(rows[2]?.fitted).toBe(11);
  });
});
