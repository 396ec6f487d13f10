// Fault (c): `tsx scripts/import.ts paper <dir>` killed with SIGKILL at a random moment after it started
// writing, against a scratch PostgreSQL database: nothing is half-imported (every count is 0 or complete),
// and the next import completes.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPaperData } from '@/lib/ingest/paper.ts';
import { findDatedFolder } from '@/lib/ingest/paper-source.ts';
import { createScratchDatabase } from '@/test/helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAPER = process.env.PAPER_DATA ?? path.resolve(ROOT, '../shared/data/paper');
const missing = existsSync(PAPER) ? null : `no paper data at ${PAPER} (set PAPER_DATA)`;
if (missing) console.warn(`skipping the killed-import test: ${missing}`);

const TABLES = ['Organisation', 'OrgAuthor', 'HubModel', 'Series', 'Fit'] as const;
type Counts = Record<(typeof TABLES)[number], number>;

async function counts(url: string): Promise<Counts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const entries = await Promise.all(
      TABLES.map(async (t) => [t, (await client.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n]),
    );
    return Object.fromEntries(entries) as Counts;
  } finally {
    await client.end();
  }
}

/** True once the importer's write transaction is open (its connection is inside a transaction). */
async function writing(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
         AND state IN ('active', 'idle in transaction')`,
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

function startImport(url: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'paper', PAPER], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe.skipIf(missing !== null)('paper import killed with SIGKILL', () => {
  let complete: Counts;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    const dir = findDatedFolder(PAPER) ?? PAPER;
    const data = readPaperData(dir);
    complete = {
      Organisation: data.organisations.length,
      OrgAuthor: new Set(data.organisations.flatMap((o) => o.authors)).size,
      HubModel: data.models.length,
      Series: data.series.length,
      Fit: data.publishedFits.length,
    };
    scratch = await createScratchDatabase();
  }, 120_000);
  afterAll(async () => {
    await scratch?.drop();
  }, 60_000);

  test('killed at random points while writing: every table is empty or complete; the next import completes', async () => {
    const allowed = (c: Counts) =>
      TABLES.every((t) => c[t] === 0) || TABLES.every((t) => c[t] === complete[t]);
    const seen: string[] = [];
    // Two kills at random moments of the write transaction (the migrations are applied on the first start).
    for (let round = 0; round < 2; round++) {
      const child = startImport(scratch.url);
      let output = '';
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      const deadline = Date.now() + 120_000;
      while (!(await writing(scratch.url).catch(() => false))) {
        if (child.exitCode !== null) throw new Error(`the import ended before it wrote anything:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the import never started writing:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1500)));
      child.kill('SIGKILL');
      const { signal } = await exited(child);
      const after = await counts(scratch.url);
      seen.push(`${signal ?? 'exited'}: ${JSON.stringify(after)}`);
      expect(
        allowed(after),
        `half-imported after a kill: ${JSON.stringify(after)} (complete: ${JSON.stringify(complete)})`,
      ).toBe(true);
    }
    const child = startImport(scratch.url);
    const { code } = await exited(child);
    expect(code).toBe(0);
    expect(await counts(scratch.url), seen.join('\n')).toEqual(complete);
  }, 300_000);
});
