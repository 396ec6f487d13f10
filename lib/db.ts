// The one Prisma client: PostgreSQL when DATABASE_URL is set, else embedded PGlite under .data/.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client.ts';
import { applyMigrations, type SqlRunner } from '@/lib/migrations/apply.ts';

export type DbMode = 'postgres' | 'embedded';

export interface Database {
  prisma: PrismaClient;
  mode: DbMode;
  /** Where the data live: a redacted URL or the embedded data directory. */
  location: string;
  /** A driver-level runner for multi-statement SQL (migrations, bulk loads). */
  sql: SqlRunner;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent, the embedded database is used. */
  url?: string;
  /** Embedded data directory (default `.data/pglite`); `memory://` for a throwaway database. */
  dataDir?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export class DatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database at ${dataDir} is in use by process ${pid} (a running dashboard or CLI). ` +
        'Stop that process first, or set DATABASE_URL to use a PostgreSQL server that many processes can share.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), '.data/pglite');

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql://(unparseable URL)';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A live Node process holds the lock; a dead pid, or one the system reused for another program, does not. */
function holdsLock(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return /node|next|tsx/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    // No /proc (not Linux): trust the pid.
    return true;
  }
}

/** PGlite is single-process: a second opener would corrupt the data directory, so hold a pid lock. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockPath, { force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && holdsLock(pid))
        throw new DatabaseLockedError(dataDir, pid);
      // A stale lock from a process that died: take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}`);
}

async function openEmbedded(dataDir: string): Promise<Omit<Database, 'prisma'> & { adapter: PrismaPGlite }> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    const pglite = new PGlite(dataDir);
    await pglite.waitReady;
    const sql: SqlRunner = {
      exec: async (text) => {
        await pglite.exec(text);
      },
      query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
        (await pglite.query<T>(text, params)).rows,
    };
    return {
      mode: 'embedded',
      location: inMemory ? dataDir : path.relative(process.cwd(), dataDir) || dataDir,
      sql,
      adapter: new PrismaPGlite(pglite),
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<Omit<Database, 'prisma'> & { adapter: PrismaPg }> {
  // A dedicated client for scripts of many statements; Prisma keeps its own pool. When the server
  // restarts, the client is dropped (an unhandled 'error' event would kill the process) and the next
  // statement reconnects.
  let client: pg.Client | null = null;
  const connect = async (): Promise<pg.Client> => {
    const fresh = new pg.Client({ connectionString: url });
    fresh.on('error', () => {
      if (client === fresh) client = null;
      fresh.end().catch(() => {});
    });
    await fresh.connect();
    client = fresh;
    return fresh;
  };
  await connect();
  const current = async () => client ?? connect();
  const sql: SqlRunner = {
    exec: async (text) => {
      await (await current()).query(text);
    },
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await (await current()).query<T>(text, params)).rows,
  };
  return {
    mode: 'postgres',
    location: redact(url),
    sql,
    adapter: new PrismaPg({ connectionString: url }),
    close: async () => {
      const open = client;
      client = null;
      await open?.end();
    },
  };
}

/** Opens a database and applies pending migrations. Callers own the result and must close it. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url;
  const base = url ? await openPostgres(url) : await openEmbedded(options.dataDir ?? DEFAULT_DATA_DIR);
  try {
    if (options.migrate !== false) await applyMigrations(base.sql);
  } catch (error) {
    await base.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: base.adapter });
  return {
    prisma,
    mode: base.mode,
    location: base.location,
    sql: base.sql,
    close: async () => {
      await prisma.$disconnect();
      await base.close();
    },
  };
}

/** Options from the environment: DATABASE_URL, else the embedded database in MG_DATA_DIR or .data/pglite. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) return { url };
  return { dataDir: env.MG_DATA_DIR ? path.resolve(env.MG_DATA_DIR) : DEFAULT_DATA_DIR };
}

const globalForDb = globalThis as unknown as { modelGrowthDb?: Promise<Database> };

/** The process-wide database (opened once, migrated on first use; survives Next's dev reloads). */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.modelGrowthDb) {
    globalForDb.modelGrowthDb = openDatabase(optionsFromEnv()).catch((error: unknown) => {
      globalForDb.modelGrowthDb = undefined;
      throw error;
    });
  }
  return globalForDb.modelGrowthDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Closes the process-wide database, if open (CLI tools call this before exiting). */
export async function closeDatabase(): Promise<void> {
  const open = globalForDb.modelGrowthDb;
  globalForDb.modelGrowthDb = undefined;
  if (open) await (await open).close();
}
