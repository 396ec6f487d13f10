import { expect, test } from 'vitest';
import { histogram } from './histogram.ts';

test('linear bins put the maximum in the last bin', () => {
  expect(histogram([0, 1, 2, 3, 4], 2, false)).toEqual([
    { from: 0, to: 2, count: 2 },
    { from: 2, to: 4, count: 3 },
  ]);
});

test('log bins drop non-positive values', () => {
  const bins = histogram([1, 10, 100, 0, -3], 2, true);
  expect(bins.map((b) => b.count)).toEqual([1, 2]);
  expect(bins[0]?.from).toBe(0);
  expect(bins[1]?.to).toBe(2);
});

test.each([
  [[], 5, false],
  [[Number.NaN], 3, false],
  [[0, -1], 3, true],
])('nothing to bin: %j', (values, bins, log) => {
  expect(histogram(values, bins, log)).toEqual([]);
});

test('a single value gets a unit-wide range', () => {
  expect(histogram([3, 3], 1, false)).toEqual([{ from: 2.5, to: 3.5, count: 2 }]);
});
