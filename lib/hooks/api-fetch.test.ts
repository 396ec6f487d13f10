import { expect, test } from 'vitest';
import { modelApiPath, queryString } from './api-fetch.ts';

test.each([
  [{}, ''],
  [{ metric: 'all', fc: undefined, asof: null }, '?metric=all'],
  [{ m: 'a/b~c/d', empty: '' }, '?m=a%2Fb%7Ec%2Fd'],
])('queryString(%o) = %s', (params, expected) => {
  expect(queryString(params)).toBe(expected);
});

test('modelApiPath keeps the slash between org and name', () => {
  expect(modelApiPath('Qwen/Qwen1.5-0.5B', '/series')).toBe('/api/models/Qwen/Qwen1.5-0.5B/series');
});
