/** Calendar months as numbers, so models released at different times share one x-axis (pure). */

/** "2024-03-05" → months since Jan 0000 (2024 × 12 + 2). */
export function calendarMonth(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Inverse of calendarMonth: 24290 → "2024-03". */
export function monthOfCalendar(value: number): string {
  const v = Math.round(value);
  return `${Math.floor(v / 12)}-${String((v % 12) + 1).padStart(2, '0')}`;
}
