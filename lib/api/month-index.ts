// Index k of a series ↔ calendar dates (UTC): point k is startDate + k months (or days for daily series).
import type { Granularity } from '@/lib/schemas/common.ts';

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of a date (UTC). */
export function isoDay(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 'YYYY-MM' of a date (UTC). */
export function isoMonth(date: Date): string {
  return isoDay(date).slice(0, 7);
}

/** start + k calendar months, the day clamped to the target month's length (Jan 31 + 1 → Feb 28/29). */
export function addMonths(start: Date, k: number): Date {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + k;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = new Date(start.getTime());
  out.setUTCFullYear(year, month, Math.min(start.getUTCDate(), lastDay));
  return out;
}

/** Date of point k of a series. */
export function dateOfIndex(start: Date, k: number, granularity: Granularity): Date {
  return granularity === 'day' ? new Date(start.getTime() + k * DAY_MS) : addMonths(start, k);
}

/** 'YYYY-MM-DD' of point k of a series. */
export function isoDateOfIndex(start: Date, k: number, granularity: Granularity): string {
  return isoDay(dateOfIndex(start, k, granularity));
}

/**
 * The last index whose point lies within the calendar month `asof` ('YYYY-MM') or before it:
 * for monthly series the number of whole months from start to the end of that month, for daily
 * series the index of the month's last day. Negative when the month ends before the start.
 */
export function indexOfAsof(start: Date, asof: string, granularity: Granularity): number {
  const [year, month] = asof.split('-').map(Number);
  const endExclusive = Date.UTC(year, month, 1);
  if (granularity === 'day') return Math.floor((endExclusive - DAY_MS - start.getTime()) / DAY_MS);
  let k = year * 12 + month - (start.getUTCFullYear() * 12 + start.getUTCMonth());
  while (k >= 0 && addMonths(start, k).getTime() > endExclusive) k--;
  return k;
}

/** The calendar month ('YYYY-MM') whose `asof` gives index k: the month of point k, or the one before it when point k falls exactly on the 1st at 00:00. */
export function asofOfIndex(start: Date, k: number, granularity: Granularity): string {
  const date = dateOfIndex(start, k, granularity);
  const onFirst = granularity === 'month' && date.getUTCDate() === 1 && date.getTime() % DAY_MS === 0;
  return isoMonth(onFirst ? new Date(date.getTime() - DAY_MS) : date);
}
