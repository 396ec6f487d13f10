import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect, test } from 'vitest';
import { closeDatabase } from '@/lib/db.ts';
import { healthSchema } from '@/lib/schemas/health.ts';
import { createScratchDatabase } from '@/test/helpers/db.ts';
import { GET } from './route.ts';

const saved = { url: process.env.DATABASE_URL, dir: process.env.MG_DATA_DIR };
const temp = mkdtempSync(path.join(tmpdir(), 'mg-health-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
afterEach(async () => {
  await closeDatabase();
  process.env.DATABASE_URL = saved.url;
  process.env.MG_DATA_DIR = saved.dir;
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  if (saved.dir === undefined) delete process.env.MG_DATA_DIR;
});

test('embedded mode: mode, migrations and row counts', async () => {
  delete process.env.DATABASE_URL;
  process.env.MG_DATA_DIR = path.join(temp, 'pglite');
  const res = await GET();
  expect(res.status).toBe(200);
  const body = healthSchema.parse(await res.json());
  expect(body.database.mode).toBe('embedded');
  expect(body.migrations.pending).toEqual([]);
  expect(body.migrations.applied.length).toBeGreaterThan(0);
  expect(body.rows.HubModel).toBe(0);
});

test('postgres mode answers from its own database', async () => {
  const scratch = await createScratchDatabase();
  try {
    process.env.DATABASE_URL = scratch.url;
    const res = await GET();
    expect(res.status).toBe(200);
    const body = healthSchema.parse(await res.json());
    expect(body.database.mode).toBe('postgres');
    expect(body.rows.Series).toBe(0);
  } finally {
    await closeDatabase();
    await scratch.drop();
  }
});

test('503 with the shared error shape when the database cannot be reached', async () => {
  process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nowhere';
  const res = await GET();
  expect(res.status).toBe(503);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('unavailable');
  expect(body.error.message).toMatch(/^The database cannot be reached: /);
});
