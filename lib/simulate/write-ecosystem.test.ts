import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveSeries } from '@/lib/ingest/derive-series.ts';
import { hashValues } from '@/lib/ingest/values-hash.ts';
import { type SimulatedEcosystem, simulateEcosystem } from '@/lib/simulate/ecosystem.ts';
import { writeEcosystem } from '@/lib/simulate/write-ecosystem.ts';
import { createTestDb, TEST_DB_MODES, type TestDb } from '@/test/helpers/db.ts';

/** PostgreSQL's timestamp + k months: same day of month, clamped to the month's end, same time of day. */
function addMonths(date: Date, k: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + k;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(date);
  out.setUTCDate(1);
  out.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return out;
}

/** The monthly series of a base counted by hand from the simulated edges. */
function handCount(
  eco: SimulatedEcosystem,
  repoId: string,
  relation?: string,
): { values: number[]; partial: boolean } {
  const base = eco.models.find((m) => m.repoId === repoId);
  if (!base) throw new Error(repoId);
  const children = eco.edges.filter((e) => e.parent === repoId && (!relation || e.relation === relation));
  let full = 0;
  while (addMonths(base.createdAt, full + 1) <= eco.now) full++;
  const partial = addMonths(base.createdAt, full) < eco.now;
  const values: number[] = [];
  for (let k = 0; k <= full + (partial ? 1 : 0); k++) {
    const boundary = addMonths(base.createdAt, k);
    values.push(children.filter((c) => c.childCreatedAt < boundary).length);
  }
  return { values, partial };
}

describe.each(TEST_DB_MODES)('writeEcosystem and deriveSeries on %s', (mode) => {
  let db: TestDb;
  const eco = simulateEcosystem({
    seed: 5,
    orgs: 3,
    bases: 12,
    until: '2025-03',
    maxDerivativesPerBase: 400,
  });

  beforeAll(async () => {
    db = await createTestDb(mode);
  });
  afterAll(async () => {
    await db?.close();
  });

  test('writes the simulated tables and five monthly series per base plus downloads', async () => {
    const result = await writeEcosystem(db, eco);
    expect(result.series.monthly.inserted).toBe(12 * 5);
    expect(result.series.downloads.inserted).toBe(12);
    expect(await db.prisma.hubModel.count({ where: { source: 'simulated' } })).toBe(eco.models.length);
    expect(await db.prisma.lineageEdge.count({ where: { source: 'simulated' } })).toBe(eco.edges.length);
    expect(await db.prisma.downloadSnapshot.count()).toBe(eco.snapshots.length);
    const org3 = await db.prisma.organisation.findUniqueOrThrow({
      where: { slug: 'sim-org-3' },
      include: { authors: true },
    });
    expect(org3.authors.map((a) => a.author).sort()).toEqual(['sim-org-3', 'sim-org-3-research']);
    const setting = await db.prisma.setting.findUniqueOrThrow({ where: { key: 'source.simulated' } });
    expect(setting.value).toMatchObject({ seed: 5, orgs: 3, bases: 12, until: '2025-03' });
  });

  test('a base series derived in SQL equals a hand count from the edges', async () => {
    const busiest = [...eco.bases].sort((a, b) => b.derivatives - a.derivatives)[0];
    expect(busiest.derivatives).toBeGreaterThan(5);
    for (const metric of ['all', 'finetune', 'quantized', 'adapter', 'merge'] as const) {
      const series = await db.prisma.series.findFirstOrThrow({
        where: { model: { repoId: busiest.repoId }, metric },
      });
      const expected = handCount(eco, busiest.repoId, metric === 'all' ? undefined : metric);
      expect(series.values).toEqual(expected.values);
      expect(series.lastPartial).toBe(expected.partial);
      expect(series).toMatchObject({ granularity: 'month', source: 'simulated' });
      // The hash computed in SQL is the one JavaScript computes.
      expect(series.valuesHash).toBe(hashValues(series.values));
    }
    for (const base of eco.bases) {
      const series = await db.prisma.series.findFirstOrThrow({
        where: { model: { repoId: base.repoId }, metric: 'all' },
      });
      expect(series.values).toEqual(handCount(eco, base.repoId).values);
    }
  });

  test('download series follow the snapshots', async () => {
    const base = eco.bases[0].repoId;
    const series = await db.prisma.series.findFirstOrThrow({
      where: { model: { repoId: base }, metric: 'downloads' },
    });
    const snaps = eco.snapshots.filter((s) => s.repoId === base);
    expect(series.startDate.toISOString()).toBe(snaps[0].day.toISOString());
    expect(series.values).toEqual(snaps.map((s) => s.downloadsAllTime));
  });

  test('deriving again changes nothing; a new edge changes one base', async () => {
    expect(await deriveSeries(db, undefined, { now: eco.now })).toEqual({
      monthly: { inserted: 0, updated: 0 },
      downloads: { inserted: 0, updated: 0 },
    });
    const base = await db.prisma.hubModel.findFirstOrThrow({ where: { repoId: eco.bases[0].repoId } });
    const child = await db.prisma.hubModel.create({
      data: {
        repoId: 'sim-user-x/new-ft',
        author: 'sim-user-x',
        source: 'simulated',
        isBase: false,
        createdAt: new Date('2025-03-01T00:00:00Z'),
      },
    });
    await db.prisma.lineageEdge.create({
      data: {
        childId: child.id,
        parentId: base.id,
        relation: 'finetune',
        source: 'simulated',
        childCreatedAt: child.createdAt,
      },
    });
    const result = await deriveSeries(db, undefined, { now: eco.now });
    expect(result.monthly).toEqual({ inserted: 0, updated: 2 });
  });

  test('a new simulation replaces the previous one', async () => {
    const next = simulateEcosystem({ seed: 6, orgs: 2, bases: 4, until: '2025-03' });
    await writeEcosystem(db, next);
    expect(await db.prisma.hubModel.count({ where: { source: 'simulated' } })).toBe(next.models.length);
    expect(await db.prisma.series.count()).toBe(4 * 6);
    expect(await db.prisma.organisation.count()).toBe(2);
  });
});
