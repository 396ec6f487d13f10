import { describe, expect, test } from 'vitest';
import {
  addMonths,
  formatAge,
  formatChange,
  formatCount,
  formatDate,
  formatInteger,
  formatLogTick,
  formatMonth,
  formatMonthShort,
  formatMonths,
  formatParam,
  formatParamWithError,
  formatPercent,
  formatPercentile,
  formatRange,
  slugify,
} from './format.ts';

describe('formatCount', () => {
  test.each([
    [0, '0'],
    [7, '7'],
    [2.5, '2.5'],
    [999, '999'],
    [999.6, '1000'],
    [1000, '1k'],
    [1234, '1.23k'],
    [33_592, '33.6k'],
    [100_000, '100k'],
    [999_999, '1M'],
    [1_234_567, '1.23M'],
    [2_500_000_000, '2.5B'],
    [-4200, '-4.2k'],
    [null, '–'],
    [undefined, '–'],
    [Number.NaN, '–'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('%s → %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
});

test.each([
  [33592, '33,592'],
  [0, '0'],
  [1234.6, '1,235'],
  [null, '–'],
])('formatInteger(%s) = %s', (value, expected) => {
  expect(formatInteger(value)).toBe(expected);
});

test.each([
  [21.23401120464903, '21.2'],
  [1.1823133229440615e-15, '≈0'],
  [3.9043959606622582, '3.9'],
  [0.2335, '0.234'],
  [312_345.6, '3.1e5'],
  [150.4, '150'],
  [-1.5, '-1.5'],
  [null, '–'],
])('formatParam(%s) = %s', (value, expected) => {
  expect(formatParam(value)).toBe(expected);
});

test.each([
  [4.213, 0.352, '4.21 ± 0.352'],
  [4.213, null, '4.21'],
  [null, 0.3, '–'],
])('formatParamWithError(%s, %s) = %s', (value, error, expected) => {
  expect(formatParamWithError(value, error)).toBe(expected);
});

test.each([
  [0.8734, 0, '87%'],
  [0.8734, 1, '87.3%'],
  [1, 0, '100%'],
  [null, 0, '–'],
])('formatPercent(%s, %s) = %s', (value, digits, expected) => {
  expect(formatPercent(value, digits)).toBe(expected);
});

test.each([
  [0.25, '+25%'],
  [-0.031, '-3.1%'],
  [0, '0%'],
  [0.0001, '0%'],
  [12.3, '+1230%'],
  [null, '–'],
])('formatChange(%s) = %s', (value, expected) => {
  expect(formatChange(value)).toBe(expected);
});

test.each([
  [87, '87th'],
  [1, '1st'],
  [2, '2nd'],
  [3, '3rd'],
  [11, '11th'],
  [12, '12th'],
  [13, '13th'],
  [21, '21st'],
  [22.9, '22nd'],
  [99.6, '99th'],
  [100, '99th'],
  [0, '0th'],
  [null, '–'],
])('formatPercentile(%s) = %s', (value, expected) => {
  expect(formatPercentile(value)).toBe(expected);
});

test.each([
  ['2024-03', 'Mar 2024'],
  ['2025-02-18T00:00:00.000Z', 'Feb 2025'],
  ['2023-12', 'Dec 2023'],
  [null, '–'],
  ['soon', 'soon'],
])('formatMonth(%s) = %s', (value, expected) => {
  expect(formatMonth(value)).toBe(expected);
});

test.each([
  ['2024-03', "Mar '24"],
  ['2025-12-01', "Dec '25"],
])('formatMonthShort(%s) = %s', (value, expected) => {
  expect(formatMonthShort(value)).toBe(expected);
});

test.each([
  ['2025-02-18T10:00:00Z', '18 Feb 2025'],
  ['2023-07-01', '1 Jul 2023'],
  [null, '–'],
])('formatDate(%s) = %s', (value, expected) => {
  expect(formatDate(value)).toBe(expected);
});

test.each([
  ['2024-11', 3, '2025-02'],
  ['2024-01', -1, '2023-12'],
  ['2024-01-15', 0, '2024-01'],
  ['2020-06', 30, '2022-12'],
])('addMonths(%s, %s) = %s', (month, n, expected) => {
  expect(addMonths(month, n)).toBe(expected);
});

test.each([
  [0, 'month', 'release month'],
  [1, 'month', '1 month'],
  [14, 'month', '14 months'],
  [3, 'day', '3 days'],
] as const)('formatAge(%s, %s) = %s', (value, unit, expected) => {
  expect(formatAge(value, unit)).toBe(expected);
});

test.each([
  [3.24, '3.2 months'],
  [1, '1 month'],
  [27.4, '27 months'],
  [Number.POSITIVE_INFINITY, '∞'],
])('formatMonths(%s) = %s', (value, expected) => {
  expect(formatMonths(value)).toBe(expected);
});

test('formatRange', () => {
  expect(formatRange(1200, 3400)).toBe('1.2k–3.4k');
  expect(formatRange(null, 3)).toBe('–');
});

test.each([
  ['Qwen/Qwen1.5-0.5B cumulative', 'qwen-qwen1-5-0-5b-cumulative'],
  ['  ', 'chart'],
])('slugify(%s) = %s', (value, expected) => {
  expect(slugify(value)).toBe(expected);
});

test.each([
  [1e-15, '1e-15'],
  [0.01, '0.01'],
  [150, '150'],
  [1000, '1000'],
  [2e6, '2e6'],
  [1e8, '1e8'],
  [3.16e-5, '3.2e-5'],
  [0, '0'],
])('formatLogTick(%s) = %s', (value, expected) => {
  expect(formatLogTick(value)).toBe(expected);
});
