import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '@/lib/db.ts';
import { createTestDb, TEST_DB_MODES, type TestDb } from '@/test/helpers/db.ts';
import { applyMigrations, migrationStatus, readMigrations } from './apply.ts';

describe.each(TEST_DB_MODES)('migrations on %s', (mode) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(mode);
  });
  afterAll(async () => {
    await db?.close();
  });

  test('records every migration as prisma migrate deploy does', async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash('sha256').update(files[i].sql).digest('hex'));
      expect(row.applied_steps_count).toBe(1);
    }
  });

  test('applying again changes nothing', async () => {
    await applyMigrations(db.sql);
    const status = await migrationStatus(db.sql);
    expect(status.pending).toEqual([]);
    const rows = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(rows[0].n).toBe(readMigrations().length);
  });

  test('a failing migration is rolled back whole and named in the error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-migrations-'));
    for (const m of readMigrations()) {
      mkdirSync(path.join(dir, m.name));
      writeFileSync(path.join(dir, m.name, 'migration.sql'), m.sql);
    }
    const bad = '99990101000000_broken';
    mkdirSync(path.join(dir, bad));
    writeFileSync(
      path.join(dir, bad, 'migration.sql'),
      'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n',
    );
    try {
      await expect(applyMigrations(db.sql, dir)).rejects.toThrow(
        /99990101000000_broken failed and was rolled back/,
      );
      const left = await db.sql.query<{ present: boolean }>(
        `SELECT to_regclass('"half_done"') IS NOT NULL AS present`,
      );
      expect(left[0].present).toBe(false);
      const status = await migrationStatus(db.sql, dir);
      expect(status.pending).toEqual([bad]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a fresh embedded database on disk is migrated on open and reopens without work', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mg-embedded-'));
  const dataDir = path.join(root, 'pglite');
  try {
    const first = await openDatabase({ dataDir });
    await first.prisma.organisation.create({ data: { slug: 'meta', name: 'Meta' } });
    await first.close();
    const second = await openDatabase({ dataDir });
    expect(await second.prisma.organisation.count()).toBe(1);
    expect((await migrationStatus(second.sql)).pending).toEqual([]);
    await second.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
