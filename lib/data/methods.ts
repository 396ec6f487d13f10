import 'server-only';
import { cached } from '@/lib/data/cache.ts';
import { getDb } from '@/lib/db.ts';
import { currentPrior, usedValues } from '@/lib/fitting/index.ts';
import {
  type BacktestSummary as EngineSummary,
  METHOD_VERSION,
  naiveMethod,
  runBacktest,
  wsbMethod,
} from '@/lib/growth/index.ts';
import { hashParts } from '@/lib/ingest/values-hash.ts';
import type { BacktestSummary, Calibration, MethodsView, Source } from '@/lib/schemas/methods.ts';

export const BACKTEST_SETTING_KEY = 'backtest.summary';

type StoredBacktest = { backtest: BacktestSummary; calibration: Calibration };

const nullIfNaN = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function summariseMethod(s: EngineSummary): BacktestSummary['methods'][number] {
  return {
    method: s.method,
    cases: s.nCases,
    medianError: nullIfNaN(s.all.median),
    meanError: nullIfNaN(s.all.mean),
    byHorizon: Object.entries(s.byHorizon)
      .map(([h, e]) => ({ horizon: Number(h), cases: e.n, medianError: nullIfNaN(e.median) }))
      .sort((a, b) => a.horizon - b.horizon),
  };
}

/** Coverage of our 80% / 95% intervals over the backtest cases, overall and per horizon. */
export function calibrationOf(s: EngineSummary): Calibration {
  const share = (cases: EngineSummary['cases'], lo: 'lo80' | 'lo95', hi: 'hi80' | 'hi95') => {
    const withIv = cases.filter((c) => c.pred[lo] !== undefined && c.pred[hi] !== undefined);
    return withIv.length
      ? withIv.filter((c) => (c.pred[lo] ?? 0) <= c.actual && c.actual <= (c.pred[hi] ?? 0)).length /
          withIv.length
      : null;
  };
  const horizons = [...new Set(s.cases.map((c) => c.H))].sort((a, b) => a - b);
  return {
    cases: s.nCases,
    coverage80: s.coverage80,
    coverage95: s.coverage95,
    byHorizon: horizons.map((horizon) => {
      const cases = s.cases.filter((c) => c.H === horizon);
      return { horizon, coverage80: share(cases, 'lo80', 'hi80'), coverage95: share(cases, 'lo95', 'hi95') };
    }),
  };
}

/**
 * The leave-future-out backtest (growth-model.md) of our method and the naive baseline over every
 * stored monthly 'all' series, kept in Setting 'backtest.summary' and recomputed only when the
 * series, the engine version or the prior change.
 */
async function getBacktest(): Promise<StoredBacktest | null> {
  const prisma = await getDb();
  const prior = await currentPrior(prisma);
  const [{ hash, n }] = await prisma.$queryRaw<{ hash: string | null; n: number }[]>`
    SELECT encode(sha256(convert_to(string_agg(se."valuesHash", ',' ORDER BY se.id), 'UTF8')), 'hex') AS hash,
      count(*)::int AS n
    FROM "Series" se WHERE se.metric = 'all' AND se.granularity = 'month'`;
  if (!n || !hash) return null;
  const dataHash = hashParts([hash, METHOD_VERSION, JSON.stringify(prior)]);
  const stored = await prisma.setting.findUnique({ where: { key: BACKTEST_SETTING_KEY } });
  const value = stored?.value as StoredBacktest | null | undefined;
  if (value?.backtest?.dataHash === dataHash) return value;

  const rows = await prisma.series.findMany({
    where: { metric: 'all', granularity: 'month' },
    select: { id: true, values: true, lastPartial: true },
  });
  const series = rows.map((r) => ({ id: String(r.id), y: usedValues({ ...r, granularity: 'month' }) }));
  const ours = runBacktest(series, wsbMethod(prior));
  const naive = runBacktest(series, naiveMethod);
  const result: StoredBacktest = {
    backtest: {
      computedAt: new Date().toISOString(),
      dataHash,
      methodVersion: METHOD_VERSION,
      cutoffs: [...new Set(ours.cases.map((c) => c.K))].sort((a, b) => a - b),
      horizons: [...new Set(ours.cases.map((c) => c.H))].sort((a, b) => a - b),
      cases: ours.nCases,
      models: ours.nModels,
      methods: [summariseMethod(ours), summariseMethod(naive)],
    },
    calibration: calibrationOf(ours),
  };
  await prisma.setting.upsert({
    where: { key: BACKTEST_SETTING_KEY },
    create: { key: BACKTEST_SETTING_KEY, value: result },
    update: { value: result },
  });
  return result;
}

/** GET /api/methods: data sources with their freshness (Setting 'source.*') and the backtest. */
export function getMethods(): Promise<MethodsView> {
  return cached('methods', async () => {
    const prisma = await getDb();
    const settings = await prisma.setting.findMany({
      where: { key: { startsWith: 'source.' } },
      orderBy: { key: 'asc' },
    });
    const sources: Source[] = settings.map((s) => {
      const details =
        s.value && typeof s.value === 'object' && !Array.isArray(s.value)
          ? (s.value as Record<string, unknown>)
          : { value: s.value };
      const loadedAt = typeof details.loadedAt === 'string' ? details.loadedAt : s.updatedAt.toISOString();
      return { key: s.key.slice('source.'.length), loadedAt, details };
    });
    const backtest = await getBacktest();
    return {
      sources,
      methodVersion: METHOD_VERSION,
      backtest: backtest?.backtest ?? null,
      calibration: backtest?.calibration ?? null,
    };
  });
}
