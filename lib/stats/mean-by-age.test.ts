import { expect, test } from 'vitest';
import { meanByAge } from './mean-by-age.ts';

test.each([
  {
    name: 'ages observed by fewer than 3 models are left out',
    list: [
      [0, 2, 4],
      [0, 4, 8, 9],
      [0, 6, 12, 20, 30],
      [0, 8],
    ],
    want: [
      { age: 0, mean: 0, n: 4 },
      { age: 1, mean: 5, n: 4 },
      { age: 2, mean: 8, n: 3 },
    ],
  },
  { name: 'no series', list: [], want: [] },
  {
    name: 'a missing series or a non-finite value does not count',
    list: [null, [0, 3], [0, Number.NaN], [0, 6], [0, 9]],
    want: [
      { age: 0, mean: 0, n: 4 },
      { age: 1, mean: 6, n: 3 },
    ],
  },
])('$name', ({ list, want }) => {
  expect(meanByAge(list.map((observed) => ({ observed })))).toEqual(want);
});
