import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAPER_FIT_METHOD, readPaperData, runPaperImport, writePaperData } from '@/lib/ingest/paper.ts';
import { createTestDb, TEST_DB_MODES, type TestDb } from '@/test/helpers/db.ts';

const PAPER_DIR = path.resolve(process.cwd(), '../shared/data/paper');
const DATED = path.join(PAPER_DIR, '2025-02-18');

async function tableCounts(db: TestDb): Promise<Record<string, number>> {
  const [row] = await db.sql.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM "Organisation") AS orgs,
    (SELECT count(*)::int FROM "OrgAuthor") AS authors,
    (SELECT count(*)::int FROM "HubModel") AS models,
    (SELECT count(*)::int FROM "Series") AS series,
    (SELECT count(*)::int FROM "Fit") AS fits,
    (SELECT count(*)::int FROM "Setting") AS settings,
    (SELECT coalesce(sum(array_length("values", 1)), 0)::int FROM "Series") AS points`);
  return row;
}

describe.skipIf(!existsSync(DATED))('readPaperData (the shared copy)', () => {
  test('parses every file: 3,903 monthly and 830 download series, published fits classified', () => {
    const data = readPaperData(DATED);
    expect(data.series.filter((s) => s.metric === 'all')).toHaveLength(3903);
    expect(data.series.filter((s) => s.metric === 'downloads')).toHaveLength(830);
    const count = (status: string) => data.publishedFits.filter((f) => f.status === status).length;
    expect([count('ok'), count('start_point'), count('degenerate')]).toEqual([2554, 1128, 221]);
    expect(data.organisations.find((o) => o.slug === 'meta')?.authors.sort()).toEqual([
      'facebook',
      'meta-llama',
    ]);
  });
});

describe.skipIf(!existsSync(DATED)).each(TEST_DB_MODES)('paper import on %s', (mode) => {
  let db: TestDb;
  let scratch: string;

  beforeAll(async () => {
    db = await createTestDb(mode);
    scratch = mkdtempSync(path.join(os.tmpdir(), 'mg-paper-'));
  });
  afterAll(async () => {
    await db?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** A full copy of the dated folder in the temp dir, with one file changed by `edit`. */
  function corruptedCopy(name: string, file: string, edit: (text: string) => string): string {
    const dir = path.join(scratch, name, '2025-02-18');
    cpSync(DATED, dir, { recursive: true });
    const target = path.join(dir, file);
    const text = readFileSync(target, 'utf8');
    rmSync(target);
    writeFileSync(target, edit(text));
    return path.dirname(dir);
  }

  test('a failure before commit leaves nothing behind', async () => {
    // A small slice of the data (Qwen's models) keeps this fast; the write path is the same.
    const data = readPaperData(DATED);
    const keep = (repoId: string) => repoId.startsWith('Qwen/');
    const slice = {
      ...data,
      models: data.models.filter((m) => keep(m.repoId)),
      series: data.series.filter((s) => keep(s.repoId)),
      publishedFits: data.publishedFits.filter((f) => keep(f.repoId)),
    };
    const before = await tableCounts(db);
    const crash = () => {
      throw new Error('simulated crash before commit');
    };
    await expect(writePaperData(db, slice, { beforeCommit: crash })).rejects.toThrow(
      'simulated crash before commit',
    );
    expect(await tableCounts(db)).toEqual(before);
  });

  test('imports 3,903 monthly and 830 download series with the right values', async () => {
    const result = await runPaperImport(db, { source: PAPER_DIR });
    expect(result).toMatchObject({ monthlySeries: 3903, downloadSeries: 830, models: 4004 });
    expect(result.counts.series).toEqual({ created: 4733, updated: 0, unchanged: 0, kept: 0 });
    expect(
      await db.prisma.series.count({ where: { metric: 'all', granularity: 'month', source: 'paper' } }),
    ).toBe(3903);
    expect(await db.prisma.series.count({ where: { metric: 'downloads', granularity: 'day' } })).toBe(830);

    const qwen = await db.prisma.series.findFirstOrThrow({
      where: { model: { repoId: 'Qwen/Qwen1.5-0.5B' }, metric: 'all' },
      include: { model: true, fits: true },
    });
    expect(qwen.values[12]).toBe(33592);
    expect(qwen.values).toHaveLength(13);
    expect(qwen.startDate.toISOString()).toBe('2024-01-22T00:00:00.000Z');
    expect(qwen.model).toMatchObject({ author: 'Qwen', isBase: true, crawled: false, source: 'paper' });
    expect(qwen.fits).toHaveLength(1);
    expect(qwen.fits[0]).toMatchObject({
      method: PAPER_FIT_METHOD,
      version: '2025-02-18',
      status: 'ok',
      asOf: 12,
      m: 1,
    });
    expect(qwen.fits[0].lambda).toBeCloseTo(21.23401120464903, 10);

    const r1 = await db.prisma.series.findFirstOrThrow({
      where: { model: { repoId: 'deepseek-ai/DeepSeek-R1' }, metric: 'downloads' },
    });
    // First non-zero day 2025-01-21 (5,567) to the snapshot day 2025-02-18 (47,021,546).
    expect(r1.startDate.toISOString()).toBe('2025-01-21T00:00:00.000Z');
    expect(r1.values.slice(0, 2)).toEqual([5567, 25653]);
    expect(r1.values.at(-1)).toBe(47021546);
    expect(r1.values).toHaveLength(29);

    const stuck = await db.prisma.fit.findFirstOrThrow({
      where: { method: PAPER_FIT_METHOD, series: { model: { repoId: 'Qwen/Qwen2.5-7B' } } },
    });
    expect(stuck).toMatchObject({ status: 'start_point', lambda: 0.5, mu: 2, sigma: 0.5 });
    const whisper = await db.prisma.fit.findFirstOrThrow({
      where: { method: PAPER_FIT_METHOD, series: { model: { repoId: 'meta-llama/Llama-3.1-8B' } } },
    });
    expect(whisper).toMatchObject({ status: 'degenerate', quality: { doesNotFit: true } });

    const meta = await db.prisma.organisation.findUniqueOrThrow({
      where: { slug: 'meta' },
      include: { authors: true },
    });
    expect(meta.name).toBe('Meta');
    expect(meta.authors.map((a) => a.author).sort()).toEqual(['facebook', 'meta-llama']);
    const setting = await db.prisma.setting.findUniqueOrThrow({ where: { key: 'source.paper' } });
    expect(setting.value).toMatchObject({ snapshot: '2025-02-18', models: 4004, series: 4733 });
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: result.jobId } });
    expect(job).toMatchObject({ kind: 'import', status: 'succeeded', done: 4733, total: 4733 });
  });

  test('a second import changes nothing', async () => {
    const before = await tableCounts(db);
    const result = await runPaperImport(db, { source: DATED });
    expect(result.counts.series).toEqual({ created: 0, updated: 0, unchanged: 4733, kept: 0 });
    expect(result.counts.models).toEqual({ created: 0, updated: 0, unchanged: 4004 });
    expect(result.counts.fits).toEqual({ created: 0, updated: 0, unchanged: 3903 });
    expect(await tableCounts(db)).toEqual(before);
  });

  test.each([
    [
      'a bad number',
      'finetune/Meta.csv',
      (text: string) => {
        const lines = text.split('\n');
        const cells = lines[16].split(',');
        cells[13] = 'abc';
        lines[16] = cells.join(',');
        return lines.join('\n');
      },
      'Meta.csv line 17, column "12-month": "abc" is not a number',
    ],
    [
      'a missing column',
      'finetune/Google.csv',
      (text: string) => text.replace(',lambda_i,', ',lambda,'),
      'Google.csv line 1, column "lambda_i": missing column',
    ],
    [
      'a truncated file',
      'finetune/Qwen.csv',
      (text: string) => text.slice(0, text.indexOf('\n', 20_000) + 40),
      'Qwen.csv line 101: expected 45 columns, found 3 (is the file truncated?)',
    ],
    [
      'a bad download value',
      'download/DeepSeek.csv',
      (text: string) => text.replace('5567.0', '-5567.0'),
      'download/DeepSeek.csv line 2, column "2025-01-21 00:00:00": -5567 is negative',
    ],
  ])(
    'rejects %s with a precise message and keeps the data as they were',
    async (name, file, edit, message) => {
      const source = corruptedCopy(name.replace(/\s+/g, '-'), file, edit);
      const before = await tableCounts(db);
      await expect(runPaperImport(db, { source })).rejects.toThrow(message);
      expect(await tableCounts(db)).toEqual(before);
      const job = await db.prisma.job.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(job.status).toBe('failed');
      expect(job.error).toContain(message);
    },
  );
});
