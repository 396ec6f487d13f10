import { type FitOptions, fitGrowth } from './fit';
import { forecastGrowth } from './forecast';
import { fitPaperMethod, paperPredict } from './paper';
import type { Prior } from './prior';

/** Cutoffs K (months of history seen: 0..K) of the leave-future-out protocol in growth-model.md. */
export const BACKTEST_CUTOFFS = [3, 6, 12] as const;
/** Horizons H (months after K) of the protocol. */
export const BACKTEST_HORIZONS = [3, 6, 12] as const;
/** Minimum derivatives at month K for a case to count. */
export const BACKTEST_MIN_COUNT = 10;

/** A prediction for one future month; intervals optional (naive and paper methods have none). */
export type BacktestPrediction = { mean: number; lo80?: number; hi80?: number; lo95?: number; hi95?: number };

/**
 * A forecasting method under test: given the observed prefix y[0..K] (months) it returns one
 * prediction per requested horizon (months after K).
 */
export type BacktestMethod = {
  name: string;
  predict: (prefix: readonly number[], horizons: readonly number[]) => BacktestPrediction[];
};

export type BacktestCase = {
  id: string;
  K: number;
  H: number;
  last: number;
  actual: number;
  pred: BacktestPrediction;
  error: number;
};

export type ErrorSummary = { n: number; median: number; mean: number };

/** Summary of one method on the protocol; errors are |ln(1 + pred) − ln(1 + actual)|. */
export type BacktestSummary = {
  method: string;
  nCases: number;
  nModels: number;
  all: ErrorSummary;
  byHorizon: Record<number, ErrorSummary>;
  byCutoff: Record<number, ErrorSummary>;
  /** Fraction of cases inside the interval; null when the method gives no intervals. */
  coverage80: number | null;
  coverage95: number | null;
  cases: BacktestCase[];
};

export type BacktestOptions = {
  cutoffs?: readonly number[];
  horizons?: readonly number[];
  minCount?: number;
};

/** Protocol cases: (series, K, H) with month K+H observed and ≥ minCount derivatives at month K. */
export function backtestCases(
  series: readonly { id: string; y: readonly number[] }[],
  opts: BacktestOptions = {},
): { id: string; y: readonly number[]; K: number; horizons: number[] }[] {
  const cutoffs = opts.cutoffs ?? BACKTEST_CUTOFFS;
  const horizons = opts.horizons ?? BACKTEST_HORIZONS;
  const minCount = opts.minCount ?? BACKTEST_MIN_COUNT;
  const out: { id: string; y: readonly number[]; K: number; horizons: number[] }[] = [];
  for (const s of series) {
    for (const K of cutoffs) {
      if (s.y.length <= K || s.y[K] < minCount) continue;
      const hs = horizons.filter((H) => s.y.length > K + H);
      if (hs.length) out.push({ id: s.id, y: s.y, K, horizons: hs });
    }
  }
  return out;
}

function summarise(errors: number[]): ErrorSummary {
  const n = errors.length;
  if (!n) return { n: 0, median: Number.NaN, mean: Number.NaN };
  const s = [...errors].sort((a, b) => a - b);
  const median = n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  return { n, median, mean: errors.reduce((a, b) => a + b, 0) / n };
}

/** Runs the leave-future-out backtest of growth-model.md for one method. */
export function runBacktest(
  series: readonly { id: string; y: readonly number[] }[],
  method: BacktestMethod,
  opts: BacktestOptions = {},
): BacktestSummary {
  const cases: BacktestCase[] = [];
  for (const c of backtestCases(series, opts)) {
    const prefix = c.y.slice(0, c.K + 1);
    const preds = method.predict(prefix, c.horizons);
    c.horizons.forEach((H, i) => {
      const actual = c.y[c.K + H];
      const pred = preds[i];
      cases.push({
        id: c.id,
        K: c.K,
        H,
        last: prefix[c.K],
        actual,
        pred,
        error: Math.abs(Math.log1p(Math.max(pred.mean, 0)) - Math.log1p(actual)),
      });
    });
  }
  return summariseCases(method.name, cases);
}

/** Summary statistics of scored cases (also used to merge cross-fitted runs). */
export function summariseCases(method: string, cases: BacktestCase[]): BacktestSummary {
  const byHorizon: Record<number, ErrorSummary> = {};
  const byCutoff: Record<number, ErrorSummary> = {};
  for (const H of new Set(cases.map((c) => c.H)))
    byHorizon[H] = summarise(cases.filter((c) => c.H === H).map((c) => c.error));
  for (const K of new Set(cases.map((c) => c.K)))
    byCutoff[K] = summarise(cases.filter((c) => c.K === K).map((c) => c.error));
  const cover = (lo: 'lo80' | 'lo95', hi: 'hi80' | 'hi95'): number | null => {
    const withIv = cases.filter((c) => c.pred[lo] !== undefined && c.pred[hi] !== undefined);
    if (!withIv.length) return null;
    return (
      withIv.filter((c) => (c.pred[lo] ?? 0) <= c.actual && c.actual <= (c.pred[hi] ?? 0)).length /
      withIv.length
    );
  };
  return {
    method,
    nCases: cases.length,
    nModels: new Set(cases.map((c) => c.id)).size,
    all: summarise(cases.map((c) => c.error)),
    byHorizon,
    byCutoff,
    coverage80: cover('lo80', 'hi80'),
    coverage95: cover('lo95', 'hi95'),
    cases,
  };
}

/** Naive baseline: the last observed count carried forward (method 'naive'). */
export const naiveMethod: BacktestMethod = {
  name: 'naive',
  predict: (prefix, horizons) => horizons.map(() => ({ mean: prefix[prefix.length - 1] })),
};

/** Our method ('wsb-eb'): fitGrowth with the given prior, then the anchored forecastGrowth. */
export function wsbMethod(prior?: Prior, fitOptions: Omit<FitOptions, 'prior'> = {}): BacktestMethod {
  return {
    name: 'wsb-eb',
    predict: (prefix, horizons) => {
      const fit = fitGrowth(prefix, { ...fitOptions, prior });
      const fc = forecastGrowth(prefix, fit, Math.max(...horizons));
      return horizons.map((H) => fc[H - 1]);
    },
  };
}

/** The paper's method ('paper'): fitPaperMethod on the prefix, its unanchored curve at month K+H (years = month/12, m = 1). */
export const paperMethod: BacktestMethod = {
  name: 'paper',
  predict: (prefix, horizons) => {
    const fit = fitPaperMethod(prefix);
    const K = prefix.length - 1;
    return horizons.map((H) => ({ mean: paperPredict(fit, K + H) }));
  },
};
