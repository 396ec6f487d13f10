// Fitting stored series: the one entry point for the CLI, the demo and the route handlers.
export {
  computeFit,
  FORECAST_HORIZON,
  OUR_METHOD,
  PAPER_BASELINE_METHOD,
  usedValues,
} from '@/lib/fitting/compute-fits.ts';
export {
  currentPrior,
  type FitAllOptions,
  type FitAllResult,
  type FitSeriesOptions,
  fitAllSeries,
  fitAndStoreSeries,
  PRIOR_SETTING_KEY,
  refreshPrior,
} from '@/lib/fitting/fit-all.ts';
