// A small, known dataset for API tests: two organisations, six base models with monthly series
// drawn from the growth curve, one download series, derivatives, a paper fit, a source and a job.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clearDataCache } from '@/lib/data/cache.ts';
import { closeDatabase, type Database, getDatabase } from '@/lib/db.ts';
import type { PrismaClient } from '@/lib/generated/prisma/client.ts';
import { curve } from '@/lib/growth/index.ts';
import { hashValues } from '@/lib/ingest/values-hash.ts';
import { createScratchDatabase } from '@/test/helpers/db.ts';

/** Cumulative counts c(k), k = 0..n−1, rounded and made non-decreasing. */
export function curveValues(n: number, lambda: number, mu: number, sigma: number, m = 30): number[] {
  return Array.from({ length: n }, (_, k) => Math.round(curve(k, { lambda, mu, sigma, m })));
}

export const SEED_MODELS = {
  llamaA: {
    repoId: 'meta-llama/Llama-A',
    createdAt: '2023-01-15T10:00:00Z',
    values: curveValues(20, 3, 1.8, 0.9),
  },
  llamaB: {
    repoId: 'meta-llama/Llama-B',
    createdAt: '2023-03-10T00:00:00Z',
    values: curveValues(18, 2, 2, 1),
  },
  opt: { repoId: 'facebook/opt-x', createdAt: '2022-12-05T00:00:00Z', values: curveValues(21, 1.2, 2.2, 1) },
  qwenA: { repoId: 'Qwen/Qwen-A', createdAt: '2023-02-20T00:00:00Z', values: curveValues(19, 4, 1.5, 0.8) },
  qwenOld: {
    repoId: 'Qwen/Qwen-old',
    createdAt: '2023-01-02T00:00:00Z',
    values: curveValues(20, 1.5, 1.2, 0.7),
  },
  young: { repoId: 'Qwen/Qwen-young', createdAt: '2024-06-01T00:00:00Z', values: [0, 1] },
} as const;

export const SEED_DOWNLOADS = {
  repoId: 'Qwen/Qwen-A',
  startDate: '2024-07-02T00:00:00Z',
  values: curveValues(60, 5, Math.log(20), 0.8, 100),
};

export const SEED_ALIAS = { oldRepoId: 'meta-llama/Llama-A-old', repoId: SEED_MODELS.llamaA.repoId };

async function addSeries(
  prisma: PrismaClient,
  modelId: number,
  metric: 'all' | 'finetune' | 'quantized' | 'downloads',
  startDate: string,
  values: number[],
): Promise<number> {
  const row = await prisma.series.create({
    data: {
      modelId,
      metric,
      granularity: metric === 'downloads' ? 'day' : 'month',
      source: 'paper',
      startDate: new Date(startDate),
      values,
      valuesHash: hashValues(values),
    },
  });
  return row.id;
}

/** Writes the seed dataset; returns model ids by key. */
export async function seedSmallDataset(
  prisma: PrismaClient,
): Promise<Record<keyof typeof SEED_MODELS, number>> {
  const meta = await prisma.organisation.create({ data: { slug: 'meta', name: 'Meta' } });
  const qwen = await prisma.organisation.create({ data: { slug: 'qwen', name: 'Qwen' } });
  await prisma.orgAuthor.createMany({
    data: [
      { author: 'meta-llama', orgId: meta.id },
      { author: 'facebook', orgId: meta.id },
      { author: 'Qwen', orgId: qwen.id },
    ],
  });
  const ids = {} as Record<keyof typeof SEED_MODELS, number>;
  for (const [key, spec] of Object.entries(SEED_MODELS) as [
    keyof typeof SEED_MODELS,
    (typeof SEED_MODELS)[keyof typeof SEED_MODELS],
  ][]) {
    const model = await prisma.hubModel.create({
      data: {
        repoId: spec.repoId,
        author: spec.repoId.split('/')[0],
        createdAt: new Date(spec.createdAt),
        source: 'paper',
        downloads30d: 1000n,
        downloadsAllTime: 5_000_000_000n,
        likes: 10,
      },
    });
    ids[key] = model.id;
    const seriesId = await addSeries(prisma, model.id, 'all', spec.createdAt, [...spec.values]);
    if (key === 'llamaA') {
      await addSeries(
        prisma,
        model.id,
        'finetune',
        spec.createdAt,
        spec.values.map((v) => Math.floor(v * 0.6)),
      );
      await addSeries(
        prisma,
        model.id,
        'quantized',
        spec.createdAt,
        spec.values.map((v) => Math.ceil(v * 0.4)),
      );
      await prisma.fit.create({
        data: {
          seriesId,
          method: 'paper-published',
          version: '2025-02-18',
          asOf: spec.values.length - 1,
          inputHash: 'seed',
          status: 'ok',
          lambda: 6.2,
          mu: 0.0,
          sigma: 1.1,
          m: 1,
          quality: { timeUnit: 'year' },
        },
      });
    }
  }
  await addSeries(prisma, ids.qwenA, 'downloads', SEED_DOWNLOADS.startDate, SEED_DOWNLOADS.values);
  await prisma.modelAlias.create({ data: { oldRepoId: SEED_ALIAS.oldRepoId, modelId: ids.llamaA } });
  const children = [
    { repoId: 'someone/llama-a-chat', relation: 'finetune', downloadsAllTime: 900n },
    { repoId: 'someone/llama-a-gguf', relation: 'quantized', downloadsAllTime: 5000n },
    { repoId: 'other/llama-a-lora', relation: 'adapter', downloadsAllTime: null },
  ] as const;
  for (const child of children) {
    const row = await prisma.hubModel.create({
      data: {
        repoId: child.repoId,
        author: child.repoId.split('/')[0],
        createdAt: new Date('2023-06-01T00:00:00Z'),
        source: 'hub',
        isBase: false,
        downloadsAllTime: child.downloadsAllTime,
        downloads30d: 10n,
        likes: 1,
      },
    });
    await prisma.lineageEdge.create({
      data: {
        childId: row.id,
        parentId: ids.llamaA,
        relation: child.relation,
        source: 'tags',
        childCreatedAt: row.createdAt,
      },
    });
  }
  await prisma.setting.create({
    data: {
      key: 'source.paper',
      value: { loadedAt: '2026-11-27T12:00:00.000Z', snapshot: '2025-02-18', models: 6 },
    },
  });
  await prisma.job.create({
    data: { kind: 'import', status: 'succeeded', params: { source: 'paper' }, done: 7, total: 7 },
  });
  return ids;
}

/**
 * Points the process database (lib/db.ts getDatabase, used by every route) at a fresh database
 * seeded with the small dataset: embedded in a temporary directory, or a scratch PostgreSQL
 * database when API_TEST_DB=postgres. Call `close()` after the tests.
 */
export async function openSeededDatabase(): Promise<{
  db: Database;
  ids: Record<keyof typeof SEED_MODELS, number>;
  close: () => Promise<void>;
}> {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.MG_DATA_DIR };
  const scratch = process.env.API_TEST_DB === 'postgres' ? await createScratchDatabase() : null;
  const tempDir = scratch ? null : mkdtempSync(path.join(tmpdir(), 'mg-api-'));
  if (scratch) process.env.DATABASE_URL = scratch.url;
  else {
    delete process.env.DATABASE_URL;
    process.env.MG_DATA_DIR = path.join(tempDir as string, 'pglite');
  }
  await closeDatabase();
  clearDataCache();
  const db = await getDatabase();
  const ids = await seedSmallDataset(db.prisma);
  return {
    db,
    ids,
    close: async () => {
      await closeDatabase();
      await scratch?.drop();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      clearDataCache();
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
      if (saved.dir === undefined) delete process.env.MG_DATA_DIR;
      else process.env.MG_DATA_DIR = saved.dir;
    },
  };
}
