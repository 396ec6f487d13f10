// Fault (a): PostgreSQL restarted in the middle of a crawl. A private cluster (never the shared server on
// 5432) is restarted after K Hub requests; the crawl fails, is resumed, and the database equals an
// uninterrupted crawl's: nothing lost, nothing duplicated.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCrawl } from '@/lib/crawl/crawl.ts';
import { parseCrawlArgs } from '@/lib/crawl/params.ts';
import { type Database, openDatabase } from '@/lib/db.ts';
import { HubClient } from '@/lib/hub/client.ts';
import { FakeClock } from '@/lib/hub/clock.ts';
import { generateMockModels, type MockHub, startMockHub } from '@/test/mock-hub/index.ts';
import { type PrivateCluster, privateClusterUnavailable, startPrivateCluster } from './private-postgres.ts';

const unavailable = privateClusterUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL restart test: ${unavailable}`);

// lib/db.ts's driver client (db.sql) has no 'error' listener: when the server goes away, pg emits an
// 'error' event nobody handles and the process dies (a server with DATABASE_URL would crash on a
// PostgreSQL restart). Proposed fix: a listener plus a reconnect in lib/db.ts (see the issue #7
// report). Until it lands, clients made here get a listener that records what the driver reports.
const driverErrors: string[] = [];
const connect = pg.Client.prototype.connect;
pg.Client.prototype.connect = function patchedConnect(this: pg.Client, ...args: unknown[]): unknown {
  if (this.listenerCount('error') === 0) this.on('error', (error: Error) => driverErrors.push(error.message));
  return (connect as unknown as (...a: unknown[]) => unknown).apply(this, args);
} as unknown as typeof connect;

const START = Date.UTC(2027, 5, 15, 12);
const PARAMS = parseCrawlArgs([
  '--author',
  'acme-ai',
  'nebula-labs',
  '--base',
  'orbit/orbit-1b',
  '--page-size',
  '3',
]).params;

async function dump(db: Database) {
  const q = (text: string) => db.sql.query(text);
  return {
    models:
      await q(`SELECT "repoId", "hubId", author, "createdAt"::text, "downloads30d"::text, "downloadsAllTime"::text,
      likes, tags, "childrenCount"::text, "isBase", crawled, source::text FROM "HubModel" ORDER BY "repoId"`),
    edges:
      await q(`SELECT c."repoId" AS child, p."repoId" AS parent, e.relation::text, e."childCreatedAt"::text
      FROM "LineageEdge" e JOIN "HubModel" c ON c.id = e."childId" JOIN "HubModel" p ON p.id = e."parentId" ORDER BY 1, 2`),
    snapshots: await q(`SELECT m."repoId", s.day::text, s."downloadsAllTime"::text FROM "DownloadSnapshot" s
      JOIN "HubModel" m ON m.id = s."modelId" ORDER BY 1, 2`),
    series: await q(`SELECT m."repoId", s.metric::text, s."startDate"::text, s."values", s."valuesHash"
      FROM "Series" s JOIN "HubModel" m ON m.id = s."modelId" ORDER BY 1, 2`),
    jobs: await q(`SELECT kind::text, status::text, done, total FROM "Job" ORDER BY id`),
  };
}

describe.skipIf(unavailable !== null)('PostgreSQL restarted during a crawl', () => {
  let cluster: PrivateCluster;
  let hub: MockHub;
  const clock = new FakeClock(START);
  const client = (fetchImpl?: typeof fetch) =>
    new HubClient({ endpoint: hub.url, clock, random: () => 0.5, timeoutMs: 10_000, fetch: fetchImpl });

  async function createDatabase(name: string): Promise<string> {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    return cluster.url(name);
  }

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    hub = await startMockHub({ models: generateMockModels(), quota: 1000, now: () => clock.now() });
  }, 180_000);
  afterAll(async () => {
    pg.Client.prototype.connect = connect;
    await hub?.close();
    cluster?.stop();
  }, 120_000);

  test.each([7, 19])(
    'restarted after %i Hub requests: the crawl fails and resumes (or reconnects), and ends with the rows of an uninterrupted one',
    async (restartAt) => {
      const reference = await openDatabase({ url: await createDatabase(`reference_${restartAt}`) });
      await runCrawl(reference, PARAMS, { client: client(), clock });
      const expected = await dump(reference);
      await reference.close();
      expect(expected.models.length).toBeGreaterThan(10);

      const url = await createDatabase(`restarted_${restartAt}`);
      const db = await openDatabase({ url });
      let n = 0;
      const restartingFetch: typeof fetch = (input, init) => {
        if (++n === restartAt) cluster.restart();
        return fetch(input, init);
      };
      const failure = await runCrawl(db, PARAMS, { client: client(restartingFetch), clock }).then(
        () => null,
        (error: unknown) => error,
      );
      // Connections die with the restart: the crawl stops with the driver's error (or, had it
      // reconnected by itself, would have finished). Either way the old connections are closed.
      await db.close().catch(() => {});
      const resumedDb = await openDatabase({ url });
      try {
        if (failure) {
          const resumed = await runCrawl(resumedDb, PARAMS, { client: client(), clock });
          expect(resumed.resumed).toBe(true);
        }
        expect(n).toBeGreaterThanOrEqual(restartAt);
        expect(await dump(resumedDb)).toEqual(expected);
      } finally {
        await resumedDb.close();
      }
    },
    240_000,
  );
});
