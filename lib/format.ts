/** Pure display formatting for the UI. The data layer returns numbers; only components call these. */

const DASH = '–';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** Trims "1.50" → "1.5" and "2.0" → "2" so compact numbers stay short. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Compact count: 999 → "999", 33 592 → "33.6k", 1 234 567 → "1.23M". */
export function formatCount(value: number | null | undefined): string {
  if (isMissing(value)) return DASH;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs < 1000)
    return sign + trimZeros(abs < 10 && !Number.isInteger(abs) ? abs.toFixed(1) : Math.round(abs).toString());
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size * 0.9995) {
      const scaled = abs / size;
      const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
      return `${sign}${trimZeros(scaled.toFixed(digits))}${suffix}`;
    }
  }
  return sign + Math.round(abs).toString();
}

/** Whole number with thousands separators: 33592 → "33,592". */
export function formatInteger(value: number | null | undefined): string {
  if (isMissing(value)) return DASH;
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A fitted parameter (λ, μ, σ): 3 significant digits, "≈0" for bound-hugging values (the paper's μ ~ 1e-15),
 * scientific notation for degenerate fits (λ ~ 3e5).
 */
export function formatParam(value: number | null | undefined): string {
  if (isMissing(value)) return DASH;
  const abs = Math.abs(value);
  if (abs < 5e-4) return '≈0';
  if (abs >= 1e4) {
    const [mantissa, exponent] = value.toExponential(1).split('e');
    return `${trimZeros(mantissa ?? '')}e${Number(exponent)}`;
  }
  if (abs >= 100) return Math.round(value).toString();
  return trimZeros(value.toPrecision(3));
}

/** Parameter with its uncertainty: "4.21 ± 0.35". */
export function formatParamWithError(
  value: number | null | undefined,
  error: number | null | undefined,
): string {
  if (isMissing(value)) return DASH;
  if (isMissing(error)) return formatParam(value);
  return `${formatParam(value)} ± ${formatParam(error)}`;
}

/** Fraction as a percentage: 0.8734 → "87%", with `digits` decimals. */
export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (isMissing(fraction)) return DASH;
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Signed relative change: 0.25 → "+25%", -0.031 → "-3.1%", 0 → "0%". */
export function formatChange(fraction: number | null | undefined): string {
  if (isMissing(fraction)) return DASH;
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞' : '-∞';
  const pct = fraction * 100;
  const text = trimZeros(Math.abs(pct) < 10 ? pct.toFixed(1) : pct.toFixed(0));
  if (text === '0' || text === '-0') return '0%';
  return `${pct > 0 ? '+' : ''}${text}%`;
}

/** Percentile 0..100 as an ordinal: 87 → "87th", 1 → "1st", 22 → "22nd", 99.6 → "99th" (never rounds up to 100). */
export function formatPercentile(percentile: number | null | undefined): string {
  if (isMissing(percentile)) return DASH;
  const n = Math.max(0, Math.min(99, Math.floor(percentile)));
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "2024-03" or an ISO date → "Mar 2024". */
export function formatMonth(value: string | null | undefined): string {
  if (!value) return DASH;
  const match = /^(\d{4})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${MONTHS[Number(match[2]) - 1] ?? '?'} ${match[1]}`;
}

/** "2024-03" → "Mar '24", for crowded axes. */
export function formatMonthShort(value: string | null | undefined): string {
  if (!value) return DASH;
  const match = /^(\d{2})(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${MONTHS[Number(match[3]) - 1] ?? '?'} '${match[2]}`;
}

/** ISO date or timestamp → "18 Feb 2025" (UTC, so server and browser agree). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return DASH;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? '?'} ${match[1]}`;
}

/** Month of an ISO date: "2025-02-18T10:00:00Z" → "2025-02". */
export function toMonthKey(value: string): string {
  return value.slice(0, 7);
}

/** Calendar month `months` after "YYYY-MM" (or an ISO date): ("2024-11", 3) → "2025-02". */
export function addMonths(month: string, months: number): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1 + months;
  const y = year + Math.floor(index / 12);
  const m = ((index % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Age in months since release: 0 → "release month", 1 → "1 month", 14 → "14 months". */
export function formatAge(months: number | null | undefined, unit: 'month' | 'day' = 'month'): string {
  if (isMissing(months)) return DASH;
  if (months === 0) return unit === 'month' ? 'release month' : 'release day';
  return `${months} ${unit}${months === 1 ? '' : 's'}`;
}

/** A duration in months with one decimal below 10: 3.24 → "3.2 months", 0.5 → "0.5 months", 27.4 → "27 months". */
export function formatMonths(value: number | null | undefined): string {
  if (isMissing(value)) return DASH;
  if (!Number.isFinite(value)) return '∞';
  const text = value < 10 ? trimZeros(value.toFixed(1)) : Math.round(value).toLocaleString('en-US');
  return `${text} month${text === '1' ? '' : 's'}`;
}

/** Interval of counts: (1200, 3400) → "1.2k–3.4k". */
export function formatRange(lo: number | null | undefined, hi: number | null | undefined): string {
  if (isMissing(lo) || isMissing(hi)) return DASH;
  return `${formatCount(lo)}–${formatCount(hi)}`;
}

/** Axis tick for counts on a log or linear scale: 1 → "1", 1000 → "1k". */
export function formatTick(value: number): string {
  return formatCount(value);
}

/** A safe file name from a title: "Qwen/Qwen1.5-0.5B cumulative" → "qwen-qwen1-5-0-5b-cumulative". */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart'
  );
}

/** Tick of a log axis spanning many decades: 1e-15 → "1e-15", 0.01 → "0.01", 150 → "150", 2e6 → "2e6". */
export function formatLogTick(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) {
    const [mantissa, exponent] = value.toExponential(1).split('e');
    const m = trimZeros(mantissa ?? '');
    return `${m === '1' ? '' : `${m}×`}1e${Number(exponent)}`.replace('×1e', 'e');
  }
  if (abs >= 100) return Math.round(value).toString();
  return trimZeros(value.toPrecision(3));
}
