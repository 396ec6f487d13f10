import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fitAllSeries, fitAndStoreSeries, PRIOR_SETTING_KEY } from '@/lib/fitting/index.ts';
import { METHOD_VERSION } from '@/lib/growth/index.ts';
import { simulateEcosystem } from '@/lib/simulate/ecosystem.ts';
import { writeEcosystem } from '@/lib/simulate/write-ecosystem.ts';
import { createTestDb, TEST_DB_MODES, type TestDb } from '@/test/helpers/db.ts';

describe.each(TEST_DB_MODES)('fitAllSeries on %s', (mode) => {
  let db: TestDb;
  // 8 bases → 40 monthly and 8 download series.
  const eco = simulateEcosystem({
    seed: 21,
    orgs: 2,
    bases: 8,
    until: '2025-03',
    maxDerivativesPerBase: 500,
  });

  beforeAll(async () => {
    db = await createTestDb(mode);
    await writeEcosystem(db, eco);
  });
  afterAll(async () => {
    await db?.close();
  });

  test('fits every series once, with forecasts, a prior and a job', async () => {
    const progress: number[] = [];
    const result = await fitAllSeries(db.prisma, {
      withPaperBaseline: true,
      onProgress: (done) => progress.push(done),
    });
    expect(result.series).toBe(48);
    // Ours on all 48 series, the paper's method on the 40 monthly ones.
    expect(result.fitted).toBe(88);
    expect(Object.values(result.byStatus['wsb-eb']).reduce((a, b) => a + b, 0)).toBe(48);
    expect(Object.values(result.byStatus.paper).reduce((a, b) => a + b, 0)).toBe(40);
    expect(progress.at(-1)).toBe(48);
    expect(await db.prisma.fit.count()).toBe(88);

    const busiest = [...eco.bases].sort((a, b) => b.derivatives - a.derivatives)[0];
    const series = await db.prisma.series.findFirstOrThrow({
      where: { model: { repoId: busiest.repoId }, metric: 'all' },
      include: { fits: true },
    });
    const ours = series.fits.find((f) => f.method === 'wsb-eb');
    if (!ours) throw new Error('no wsb-eb fit');
    // The running month is partial: it is kept out of the fit.
    expect(series.lastPartial).toBe(true);
    expect(ours).toMatchObject({ version: METHOD_VERSION, asOf: series.values.length - 2 });
    if (ours.lambda !== null) {
      const forecast = ours.forecast as { month: number }[];
      expect(forecast).toHaveLength(12);
      expect(forecast[0].month).toBe(series.values.length - 1);
    }
    const downloads = await db.prisma.fit.findFirstOrThrow({
      where: { series: { metric: 'downloads' }, method: 'wsb-eb' },
    });
    if (downloads.lambda !== null) expect(downloads.forecast).toHaveLength(75);
    expect(await db.prisma.setting.findUnique({ where: { key: PRIOR_SETTING_KEY } })).not.toBeNull();
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: result.jobId } });
    expect(job).toMatchObject({ kind: 'fit', status: 'succeeded', done: 48, total: 48 });
  });

  test('a second run refits nothing', async () => {
    const result = await fitAllSeries(db.prisma, { withPaperBaseline: true });
    expect(result).toMatchObject({ fitted: 0, unchanged: 88 });
    expect(await db.prisma.fit.count()).toBe(88);
  });

  test('fitAndStoreSeries fits one series as of an earlier month, and reuses a stored fit', async () => {
    const busiest = [...eco.bases].sort((a, b) => b.derivatives - a.derivatives)[0];
    const series = await db.prisma.series.findFirstOrThrow({
      where: { model: { repoId: busiest.repoId }, metric: 'all' },
    });
    const fits = await fitAndStoreSeries(db.prisma, series.id, { asOf: 4, methods: ['wsb-eb', 'paper'] });
    expect(fits.map((f) => [f.method, f.asOf])).toEqual([
      ['paper', 4],
      ['wsb-eb', 4],
    ]);
    const again = await fitAndStoreSeries(db.prisma, series.id, { asOf: 4, methods: ['wsb-eb', 'paper'] });
    expect(again.map((f) => f.id)).toEqual(fits.map((f) => f.id));
    // Latest fits are untouched by an as-of fit.
    expect(await db.prisma.fit.count({ where: { seriesId: series.id } })).toBe(4);
  });
});
