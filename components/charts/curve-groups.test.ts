import { expect, test } from 'vitest';
import { bundleCurves, maxAge } from './curve-groups.ts';

test('bundleCurves separates curves of a group by a gap', () => {
  const groups = bundleCurves([
    { group: '2023', values: [0, 2, 5] },
    { group: '2024', values: [0, 1] },
    { group: '2023', values: [0, 4] },
  ]);
  expect([...groups.keys()]).toEqual(['2023', '2024']);
  expect(groups.get('2023')).toEqual([
    { x: 0, y: 0 },
    { x: 1, y: 2 },
    { x: 2, y: 5 },
    { x: 2, y: null },
    { x: 0, y: 0 },
    { x: 1, y: 4 },
    { x: 1, y: null },
  ]);
});

test.each([
  [[], 1],
  [[{ values: [0, 1, 2, 3] }, { values: [0] }], 3],
])('maxAge', (curves, expected) => {
  expect(maxAge(curves)).toBe(expected);
});
