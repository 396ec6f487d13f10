import { z } from 'zod';
import { fitGrowth } from './fit';
import { forecastGrowth } from './forecast';
import type { Prior } from './prior';
import type { ForecastPoint, GrowthFit } from './types';

/** One input line of `npm run forecast`: monthly cumulative counts from the release month. */
export const forecastInputSchema = z.object({
  id: z.string().min(1),
  y: z.array(z.number()).min(1),
});

export type ForecastFlags = { horizon: number; asof: number | null };

export const DEFAULT_HORIZON = 12;

export type ForecastOutput = {
  id: string;
  method: string;
  version: string;
  asof: number;
  status: GrowthFit['status'];
  reason?: string;
  params: (GrowthFit['params'] & { uncertainty: GrowthFit['uncertainty'] }) | null;
  fitted: number[];
  forecast: ForecastPoint[];
};

export type ForecastErrorLine = { line: number; error: { code: string; message: string } };

/**
 * Validates the raw flag values of the forecast CLI. `horizon` in months (default 12, 1..120),
 * `asof` the last month index to use (default: all data). Returns an error message instead of throwing.
 */
export function parseForecastFlags(raw: {
  horizon?: string;
  asof?: string;
}): { ok: true; flags: ForecastFlags } | { ok: false; message: string } {
  const int = (name: string, v: string, min: number, max: number): number | string => {
    if (!/^\d+$/.test(v)) return `--${name} must be a whole number, got "${v}"`;
    const n = Number(v);
    if (n < min || n > max) return `--${name} must be between ${min} and ${max}, got ${n}`;
    return n;
  };
  let horizon = DEFAULT_HORIZON;
  let asof: number | null = null;
  if (raw.horizon !== undefined) {
    const h = int('horizon', raw.horizon, 1, 120);
    if (typeof h === 'string') return { ok: false, message: h };
    horizon = h;
  }
  if (raw.asof !== undefined) {
    const a = int('asof', raw.asof, 0, 10000);
    if (typeof a === 'string') return { ok: false, message: a };
    asof = a;
  }
  return { ok: true, flags: { horizon, asof } };
}

function errorLine(line: number, code: string, message: string): ForecastErrorLine {
  return { line, error: { code, message } };
}

/**
 * Handles one line of forecast input: parse, validate, fit (wsb-eb) and forecast months K+1..K+horizon
 * where K = asof (or the last index). Blank lines give null (skipped); every other failure gives
 * an error object naming the 1-based line number, never an exception.
 */
export function processForecastLine(
  text: string,
  lineNo: number,
  flags: ForecastFlags,
  prior?: Prior,
): ForecastOutput | ForecastErrorLine | null {
  if (text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return errorLine(lineNo, 'invalid_json', `line is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return errorLine(lineNo, 'invalid_shape', 'line must be a JSON object {"id": ..., "y": [...]}');
  const obj = json as Record<string, unknown>;
  if (typeof obj.id !== 'string' || obj.id === '')
    return errorLine(lineNo, 'missing_id', '"id" must be a non-empty string');
  const parsed = forecastInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorLine(lineNo, 'invalid_counts', `${issue.path.join('.') || 'line'}: ${issue.message}`);
  }
  const { id, y } = parsed.data;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) return errorLine(lineNo, 'invalid_counts', `y[${i}] is not a finite number`);
    if (y[i] < 0) return errorLine(lineNo, 'negative_count', `y[${i}] = ${y[i]} is negative`);
    if (i > 0 && y[i] < y[i - 1])
      return errorLine(
        lineNo,
        'decreasing_counts',
        `cumulative counts decrease at y[${i}] (${y[i - 1]} → ${y[i]})`,
      );
  }
  const K = flags.asof ?? y.length - 1;
  if (K > y.length - 1)
    return errorLine(
      lineNo,
      'asof_beyond_data',
      `--asof ${K} but "${id}" has months 0..${y.length - 1} only`,
    );
  const seen = y.slice(0, K + 1);
  const fit = fitGrowth(seen, { prior });
  return {
    id,
    method: fit.method,
    version: fit.version,
    asof: K,
    status: fit.status,
    ...(fit.reason ? { reason: fit.reason } : {}),
    params: fit.params ? { ...fit.params, uncertainty: fit.uncertainty } : null,
    fitted: fit.fitted,
    forecast: forecastGrowth(seen, fit, flags.horizon),
  };
}
