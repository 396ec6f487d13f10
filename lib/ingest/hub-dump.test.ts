import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { dumpRecord, type HubDumpRow, runHubDumpImport } from '@/lib/ingest/hub-dump.ts';
import { createTestDb, TEST_DB_MODES } from '@/test/helpers/db.ts';
import { generateHubDump } from '@/test/hub-dump/generate.ts';
import { writeHubDumpParquet } from '@/test/hub-dump/write-parquet.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'hub-dump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODELS = 3_000;
const BASES = 40;

describe('dumpRecord', () => {
  test.each<[string, HubDumpRow, number | null]>([
    ['a base', { id: 'org/base', tags: ['transformers'], baseModels: null }, 0],
    ['a child through tags', { id: 'u/a', tags: ['base_model:finetune:org/base'] }, 1],
    [
      'a merge through a JSON baseModels',
      { id: 'u/m', baseModels: '{"relation":"merge","models":[{"id":"a/b"},{"id":"c/d"}]}' },
      2,
    ],
    ['a row without an id', { id: null }, null],
    ['a row with a bad id', { id: 'not an id' }, null],
  ])('%s', (_name, row, edges) => {
    const parsed = dumpRecord(row);
    expect(parsed === null ? null : parsed.edges.length).toBe(edges);
  });

  test('the 2022-03-02 placeholder becomes an unknown creation date', () => {
    expect(
      dumpRecord({ id: 'a/b', createdAt: new Date('2022-03-02T23:29:04Z') })?.model.createdAt,
    ).toBeNull();
  });
});

describe.each(TEST_DB_MODES)('runHubDumpImport (%s)', (mode) => {
  test('streams a hub-stats shaped parquet into models, edges and series; a re-run changes nothing', async () => {
    const file = path.join(dir, `${mode}.parquet`);
    const rows = [...generateHubDump({ models: MODELS, bases: BASES, batchSize: 700 })];
    // One malformed row, as dumps have.
    rows[1].push({ ...rows[1][0], id: null, _id: 'ffffffffffffffffffffffff' });
    await writeHubDumpParquet(file, rows);
    const db = await createTestDb(mode);
    try {
      const progress: number[] = [];
      const result = await runHubDumpImport(db, file, {
        batchSize: 500,
        readSize: 400,
        onProgress: (p) => progress.push(p.rows),
      });
      expect(result.rows).toBe(MODELS + 1);
      expect(result.skipped).toBe(1);
      expect(progress.at(-1)).toBe(MODELS + 1);

      const all = rows.flat().filter((r) => typeof r.id === 'string');
      const expectedEdges = all.reduce((n, r) => n + (dumpRecord(r)?.edges.length ?? 0), 0);
      const [counts] = await db.sql.query<{ models: number; crawled: number; edges: number; bases: number }>(
        `SELECT (SELECT count(*)::int FROM "HubModel") AS models,
                (SELECT count(*)::int FROM "HubModel" WHERE source = 'hub_dump' AND crawled) AS crawled,
                (SELECT count(*)::int FROM "LineageEdge") AS edges,
                (SELECT count(*)::int FROM "HubModel" WHERE "isBase") AS bases`,
      );
      expect(counts).toEqual({ models: MODELS, crawled: MODELS, edges: expectedEdges, bases: BASES });

      // A base's 'all' series ends at its number of direct children with a known date.
      const [top] = await db.sql.query<{ id: number; children: number }>(
        `SELECT e."parentId" AS id, count(*)::int AS children FROM "LineageEdge" e JOIN "HubModel" h ON h.id = e."parentId"
         WHERE e."childCreatedAt" IS NOT NULL AND h."isBase" AND h."createdAt" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      );
      const [series] = await db.sql.query<{ values: number[] }>(
        `SELECT "values" FROM "Series" WHERE "modelId" = $1 AND metric = 'all'`,
        [top.id],
      );
      expect(series.values.at(-1)).toBe(top.children);
      const [{ n }] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Series" WHERE granularity = 'month'`,
      );
      // Bases with derivatives and a real creation date (one in a hundred has the placeholder) get five series.
      expect(n % 5).toBe(0);
      expect(n).toBeGreaterThan(0);
      const placeholder = await db.sql.query(
        `SELECT 1 FROM "HubModel" WHERE "repoId" = 'org0/base-0' AND "createdAt" IS NULL`,
      );
      expect(placeholder).toHaveLength(1);

      const snapshot = async () =>
        db.sql.query(
          `SELECT (SELECT count(*) FROM "HubModel")::int AS m, (SELECT count(*) FROM "LineageEdge")::int AS e,
                  (SELECT string_agg("valuesHash", ',' ORDER BY id) FROM "Series") AS s`,
        );
      const before = await snapshot();
      const again = await runHubDumpImport(db, file);
      expect(again.series.monthly).toEqual({ inserted: 0, updated: 0 });
      expect(await snapshot()).toEqual(before);
      const jobs = await db.sql.query<{ status: string }>(
        `SELECT status::text FROM "Job" WHERE kind = 'import' ORDER BY id`,
      );
      expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
      expect(again.resumedFrom).toBe(0);
    } finally {
      await db.close();
    }
  });

  test('an import stopped after its first merges resumes from its checkpoint and ends with the rows of an uninterrupted one', async () => {
    const file = path.join(dir, `${mode}-resume.parquet`);
    await writeHubDumpParquet(file, [...generateHubDump({ models: MODELS, bases: BASES, batchSize: 500 })]);
    const options = { batchSize: 250, readSize: 250, mergeEvery: 500 };
    const fingerprint = (db: Awaited<ReturnType<typeof createTestDb>>) =>
      db.sql.query(
        `SELECT (SELECT md5(string_agg(concat_ws('|', "repoId", "hubId", "createdAt", "isBase", likes), ',' ORDER BY "repoId"))
                 FROM "HubModel") AS models,
                (SELECT md5(string_agg(concat_ws('|', c."repoId", p."repoId", e.relation), ',' ORDER BY c."repoId", p."repoId"))
                 FROM "LineageEdge" e JOIN "HubModel" c ON c.id = e."childId" JOIN "HubModel" p ON p.id = e."parentId") AS edges,
                (SELECT md5(string_agg(concat_ws('|', h."repoId", s.metric, s."valuesHash"), ',' ORDER BY h."repoId", s.metric))
                 FROM "Series" s JOIN "HubModel" h ON h.id = s."modelId") AS series`,
      );
    const clean = await createTestDb(mode);
    const stopped = await createTestDb(mode);
    try {
      await runHubDumpImport(clean, file, options);
      const interrupted = runHubDumpImport(stopped, file, {
        ...options,
        onProgress: (p) => {
          if (p.phase === 'load' && p.rows >= MODELS / 2) throw new Error('stopped by the test');
        },
      });
      await expect(interrupted).rejects.toThrow('stopped by the test');
      const resumed = await runHubDumpImport(stopped, file, options);
      expect(resumed.resumedFrom).toBeGreaterThan(0);
      expect(await fingerprint(stopped)).toEqual(await fingerprint(clean));
    } finally {
      await clean.close();
      await stopped.close();
    }
  });
});
