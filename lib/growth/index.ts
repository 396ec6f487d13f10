/**
 * Growth engine: the Wang–Song–Barabási curve for derivative counts of base models, its fitting,
 * anchored forecasts with intervals, the paper's baseline and backtests. Pure maths, no I/O.
 * Units: month indices since release for derivative counts (m = M_MONTH = 30); day indices for
 * downloads (unit 'day', m = M_DAY = 100). The paper baseline uses years and m = 1.
 */

export {
  BACKTEST_CUTOFFS,
  BACKTEST_HORIZONS,
  BACKTEST_MIN_COUNT,
  type BacktestCase,
  type BacktestMethod,
  type BacktestPrediction,
  type BacktestSummary,
  backtestCases,
  type ErrorSummary,
  naiveMethod,
  paperMethod,
  runBacktest,
  summariseCases,
  wsbMethod,
} from './backtest';
export {
  DEFAULT_HORIZON,
  type ForecastErrorLine,
  type ForecastFlags,
  type ForecastOutput,
  forecastInputSchema,
  parseForecastFlags,
  processForecastLine,
} from './cli';
export { agingCdf, curve, eventualCount, halfLifeMonths, impactTime } from './curve';
export {
  calibrateIntervals,
  EB_ADJUSTMENT,
  type EstimatePriorOptions,
  estimatePrior,
} from './estimate-prior';
export {
  type FitOptions,
  fitGrowth,
  GrowthInputError,
  IMPACT_RATIO_LIMIT,
  METHOD_VERSION,
  MIN_COUNT,
  MIN_POINTS,
  validateSeries,
} from './fit';
export { type ForecastParts, forecastGrowth, forecastParts } from './forecast';
export { fitPaperMethod, PAPER_START, type PaperFit, paperCurve, paperPredict } from './paper';
export { erfc, Phi, PhiInv, phiDensity } from './phi';
export {
  DEFAULT_DAY_PRIOR,
  DEFAULT_PRIOR,
  type IntervalCalibration,
  M_DAY,
  M_MONTH,
  NORMAL_QUANTILES,
  type Prior,
  weakPrior,
} from './prior';
export { type FitArrivalsOptions, fitArrivals } from './rpp';
export { cumulativeByMonth, mulberry32, simulateArrivals } from './simulate';
export { type TrfOptions, type TrfResult, trfLeastSquares } from './trf';
export type { FitStatus, ForecastPoint, GrowthFit, GrowthParams, TimeUnit } from './types';
