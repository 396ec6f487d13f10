import { describe, expect, test } from 'vitest';
import { addMonths, asofOfIndex, indexOfAsof, isoDateOfIndex, isoDay } from './month-index.ts';

const d = (iso: string) => new Date(iso);

describe('month index', () => {
  test.each([
    ['2023-01-31T10:00:00Z', 1, '2023-02-28'],
    ['2024-01-31T10:00:00Z', 1, '2024-02-29'],
    ['2023-03-15T00:00:00Z', 12, '2024-03-15'],
    ['2023-11-05T00:00:00Z', 3, '2024-02-05'],
  ])('addMonths(%s, %i) = %s', (start, k, expected) => {
    expect(isoDay(addMonths(d(start), k))).toBe(expected);
  });

  test.each([
    // created mid-month: by the end of September 6 whole months have passed
    ['2023-03-15T08:00:00Z', '2023-09', 6],
    ['2023-03-15T08:00:00Z', '2023-03', 0],
    ['2023-03-15T08:00:00Z', '2023-02', -1],
    // created on the 1st at midnight: the whole of March is month 1
    ['2023-03-01T00:00:00Z', '2023-03', 1],
    ['2023-01-31T12:00:00Z', '2023-02', 1], // point 1 is clamped to Feb 28
    ['2023-01-31T12:00:00Z', '2023-03', 2],
  ])('indexOfAsof(%s, %s) = %i', (start, asof, k) => {
    expect(indexOfAsof(d(start), asof, 'month')).toBe(k);
  });

  test('days: the index of the last day of the month', () => {
    expect(indexOfAsof(d('2024-09-02T00:00:00Z'), '2024-09', 'day')).toBe(28);
    expect(isoDateOfIndex(d('2024-09-02T00:00:00Z'), 28, 'day')).toBe('2024-09-30');
  });

  test.each([0, 1, 5, 11, 30])('asofOfIndex is the inverse of indexOfAsof on month %i', (k) => {
    for (const start of ['2023-03-15T08:00:00Z', '2023-03-01T00:00:00Z', '2022-12-31T23:00:00Z']) {
      expect(indexOfAsof(d(start), asofOfIndex(d(start), k, 'month'), 'month')).toBe(k);
    }
  });
});
