import { expect, test } from 'vitest';
import { calendarMonth, monthOfCalendar } from './calendar.ts';

test.each([
  ['2024-03-05', 2024 * 12 + 2, '2024-03'],
  ['2023-12-31', 2023 * 12 + 11, '2023-12'],
  ['2025-01-01', 2025 * 12, '2025-01'],
])('%s ↔ %s', (date, month, label) => {
  expect(calendarMonth(date)).toBe(month);
  expect(monthOfCalendar(month)).toBe(label);
});
