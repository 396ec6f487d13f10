// npm run backtest -- --paper-dir <dir> – leave-future-out backtest: ours vs the paper's method vs naive
import { parseArgs } from 'node:util';
import type { PaperMonthlyRow } from '@/lib/ingest/paper.ts';
import {
  type BacktestSummary,
  DEFAULT_PRIOR,
  estimatePrior,
  naiveMethod,
  type Prior,
  paperMethod,
  runBacktest,
  summariseCases,
  wsbMethod,
} from '../lib/growth';
import { loadPaperRows } from './paper-rows.ts';

const USAGE =
  'usage: npm run backtest -- --paper-dir <dir> [--prior estimate|default|cross] [--print-prior] [--no-paper]';

/** 2-fold cross-fitting: each half of the models is forecast with a prior estimated from the other half only. */
function crossFitted(rows: PaperMonthlyRow[]): BacktestSummary {
  const fold = (id: string): number => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 2;
  const halves = [rows.filter((r) => fold(r.id) === 0), rows.filter((r) => fold(r.id) === 1)];
  const parts = halves.map((test, i) =>
    runBacktest(test, wsbMethod(estimatePrior(halves[1 - i].map((r) => r.y)))),
  );
  return summariseCases(
    'wsb-eb',
    parts.flatMap((p) => p.cases),
  );
}

function row(name: string, s: BacktestSummary): string {
  const f = (x: number | null | undefined): string =>
    x === null || x === undefined || Number.isNaN(x) ? '   –  ' : x.toFixed(3).padStart(6);
  const pct = (x: number | null): string => (x === null ? '   –  ' : `${(100 * x).toFixed(1)}%`.padStart(6));
  return `| ${name.padEnd(28)} | ${f(s.all.median)} | ${f(s.byHorizon[3]?.median)} | ${f(s.byHorizon[6]?.median)} | ${f(s.byHorizon[12]?.median)} | ${f(s.all.mean)} | ${pct(s.coverage80)} | ${pct(s.coverage95)} |`;
}

async function main(): Promise<void> {
  let values: { 'paper-dir'?: string; prior?: string; 'print-prior'?: boolean; 'no-paper'?: boolean };
  try {
    values = parseArgs({
      options: {
        'paper-dir': { type: 'string' },
        prior: { type: 'string' },
        'print-prior': { type: 'boolean' },
        'no-paper': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`backtest: ${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const dir = values['paper-dir'];
  const priorMode = values.prior ?? 'estimate';
  if (!dir || !['estimate', 'default', 'cross'].includes(priorMode)) {
    process.stderr.write(
      `backtest: ${dir ? `unknown --prior ${priorMode}` : '--paper-dir is required'}\n${USAGE}\n`,
    );
    process.exit(2);
  }
  const rows = await loadPaperRows(dir);
  const t0 = performance.now();
  const prior: Prior = priorMode === 'default' ? DEFAULT_PRIOR : estimatePrior(rows.map((r) => r.y));
  if (values['print-prior']) process.stdout.write(`${JSON.stringify(prior, null, 2)}\n`);
  const ours = priorMode === 'cross' ? crossFitted(rows) : runBacktest(rows, wsbMethod(prior));
  const t1 = performance.now();
  const naive = runBacktest(rows, naiveMethod);
  const paper = values['no-paper'] ? null : runBacktest(rows, paperMethod);
  const t2 = performance.now();
  process.stdout.write(
    `${rows.length} series; ${ours.nCases} cases over ${ours.nModels} models (K ∈ {3,6,12}, H ∈ {3,6,12}, ≥ 10 derivatives at K)\n`,
  );
  process.stdout.write('error = |ln(1+pred) − ln(1+actual)|\n\n');
  process.stdout.write(
    '| method                       | median |    H=3 |    H=6 |   H=12 |   mean |  cov80 |  cov95 |\n',
  );
  process.stdout.write(
    '|------------------------------|--------|--------|--------|--------|--------|--------|--------|\n',
  );
  process.stdout.write(`${row(`${ours.method} (prior: ${priorMode})`, ours)}\n`);
  if (paper) process.stdout.write(`${row('paper (m=1, years, OLS, TRF)', paper)}\n`);
  process.stdout.write(`${row('naive (last value)', naive)}\n`);
  process.stdout.write(
    `\nours: prior + backtest ${((t1 - t0) / 1000).toFixed(1)} s; baselines ${((t2 - t1) / 1000).toFixed(1)} s\n`,
  );
}

await main();
