import { expect, test } from 'vitest';
import { decadeTicks, indexLabel, logDomainMax, logSafe, logTicks, maxOf } from './axis.ts';

test.each([
  [1, [1]],
  [9, [1, 10]],
  [3400, [1, 10, 100, 1000, 10000]],
  [100, [1, 10, 100]],
])('logTicks(%s)', (max, expected) => {
  expect(logTicks(max)).toEqual(expected);
});

test.each([
  [0, 10],
  [33_592, 100_000],
  [1000, 1000],
])('logDomainMax(%s) = %s', (max, expected) => {
  expect(logDomainMax(max)).toBe(expected);
});

test('maxOf ignores gaps and non-finite values', () => {
  expect(maxOf([1, null, 7, undefined, Number.POSITIVE_INFINITY, 3])).toBe(7);
  expect(maxOf([])).toBe(0);
});

test.each([
  ['2024-02-05', 0, 'month', "Feb '24"],
  ['2024-02-05', 11, 'month', "Jan '25"],
  ['2024-02-28', 2, 'day', '2024-03-01'],
] as const)('indexLabel(%s, %s, %s) = %s', (start, index, granularity, expected) => {
  expect(indexLabel(start, index, granularity)).toBe(expected);
});

test.each([
  [0, true, null],
  [0, false, 0],
  [5, true, 5],
  [null, false, null],
] as const)('logSafe(%s, %s) = %s', (value, log, expected) => {
  expect(logSafe(value, log)).toBe(expected);
});

test.each([
  [1, 1000, [1, 10, 100, 1000]],
  [0.5, 20, [0.1, 1, 10, 100]],
  [1e-15, 100, [1e-15, 1e-12, 1e-9, 1e-6, 1e-3, 1]],
  [0, 10, []],
])('decadeTicks(%s, %s)', (min, max, expected) => {
  const ticks = decadeTicks(min, max);
  expect(ticks.length).toBe(expected.length);
  ticks.forEach((t, i) => {
    expect(t).toBeCloseTo(expected[i] ?? Number.NaN, 20);
  });
});
