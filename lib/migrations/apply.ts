import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The minimum a migrator needs from a driver: run a script of many statements, and one parameterised query. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

// Resolved from the working directory (the repository root for npm scripts and `next start`): bundled
// server code has no import.meta.dirname.
export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma/migrations');

// The same bookkeeping table `prisma migrate deploy` keeps, so either tool accepts the other's work.
const BOOKKEEPING_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

// Prisma's own advisory lock key, so a concurrent `prisma migrate deploy` waits for us and vice versa.
const ADVISORY_LOCK_KEY = 72707369;

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function readApplied(db: SqlRunner): Promise<AppliedRow[]> {
  return db.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
}

/**
 * Applies every pending migration in order, each in its own transaction, and records it in
 * `_prisma_migrations` exactly as `prisma migrate deploy` would. Refuses to run over a failed migration.
 */
export async function applyMigrations(db: SqlRunner, dir: string = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const migrations = readMigrations(dir);
  await db.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(BOOKKEEPING_SQL);
    const applied = await readApplied(db);
    const failed = applied.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it with \`prisma migrate resolve\`.`,
      );
    }
    const done = new Set(applied.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
    const pending = migrations.filter((m) => !done.has(m.name));
    for (const migration of pending) {
      const id = randomUUID();
      // Bookkeeping and the migration commit together: a crash leaves neither behind.
      await db.exec('BEGIN');
      try {
        await db.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, migration.checksum, migration.name],
        );
        await db.exec(migration.sql);
        await db.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
          [id],
        );
        await db.exec('COMMIT');
      } catch (error) {
        await db.exec('ROLLBACK');
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`);
      }
    }
    return { applied: migrations.map((m) => m.name), pending: [] };
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
}

/** Which migrations of the folder the database has and lacks, without changing anything. */
export async function migrationStatus(db: SqlRunner, dir: string = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const migrations = readMigrations(dir);
  const exists = await db.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  const applied = exists[0]?.present ? await readApplied(db) : [];
  const done = new Set(applied.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
  return {
    applied: migrations.filter((m) => done.has(m.name)).map((m) => m.name),
    pending: migrations.filter((m) => !done.has(m.name)).map((m) => m.name),
  };
}
