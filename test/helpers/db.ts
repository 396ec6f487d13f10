// Fresh, migrated databases for integration tests: in-memory PGlite, or a database of its own on the
// PostgreSQL server (TEST_DATABASE_URL, default 127.0.0.1:5432) that is dropped on close.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '@/lib/db.ts';

export type TestDbMode = 'pglite' | 'postgres';
export const TEST_DB_MODES: TestDbMode[] = ['pglite', 'postgres'];

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDb extends Database {
  /** The PostgreSQL URL of this test database (postgres mode only). */
  url?: string;
}

/** A new empty database with all migrations applied. Always `await db.close()` (it drops the database). */
export async function createTestDb(mode: TestDbMode): Promise<TestDb> {
  if (mode === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const name = `mg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(ADMIN_URL, name);
  try {
    const db = await openDatabase({ url });
    return {
      ...db,
      url,
      close: async () => {
        await db.close();
        await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  } catch (error) {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw error;
  }
}

/** Create a PostgreSQL database by name for tests that spawn processes (returns its URL and a dropper). */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(ADMIN_URL, name),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
