// Fault (b), what lib/crawl/crawl.test.ts does not cover yet: a Hub that answers very slowly (timeouts),
// list pages of the wrong JSON type, and detail answers that stay truncated or HTML past every retry.
// The crawl goes on, records each error with its reason, and keeps everything else.
import { afterAll, describe, expect, test } from 'vitest';
import { runCrawl } from '@/lib/crawl/crawl.ts';
import { parseCrawlArgs } from '@/lib/crawl/params.ts';
import { HubClient, type HubClientOptions } from '@/lib/hub/client.ts';
import { FakeClock } from '@/lib/hub/clock.ts';
import { createTestDb, type TestDb } from '@/test/helpers/db.ts';
import { generateMockModels, type MockFault, type MockHub, startMockHub } from '@/test/mock-hub/index.ts';

const START = Date.UTC(2027, 5, 15, 12);
const PARAMS = parseCrawlArgs(['--author', 'acme-ai', '--base', 'orbit/orbit-1b', '--page-size', '5']).params;

const open: { db: TestDb; hub: MockHub }[] = [];
afterAll(async () => {
  await Promise.all(open.map(async ({ db, hub }) => Promise.all([db.close(), hub.close()])));
});

async function crawl(faults: MockFault[], client: HubClientOptions = {}) {
  const db = await createTestDb('pglite');
  const clock = new FakeClock(START);
  const hub = await startMockHub({
    models: generateMockModels(),
    quota: 1000,
    now: () => clock.now(),
    faults,
  });
  open.push({ db, hub });
  const result = await runCrawl(db, PARAMS, {
    clock,
    client: new HubClient({ endpoint: hub.url, clock, random: () => 0.5, timeoutMs: 5_000, ...client }),
  });
  const models = await db.sql.query<{ repoId: string }>(
    'SELECT "repoId" FROM "HubModel" WHERE crawled ORDER BY 1',
  );
  const edges = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "LineageEdge"');
  return { result, models: models.map((m) => m.repoId), edges: edges[0].n, hub };
}

describe('a faulty Hub', () => {
  test('very slow answers time out, are retried, and the crawl ends with every row', async () => {
    const reference = await crawl([]);
    const slow = await crawl([{ on: (r) => r.n % 4 === 2, kind: 'slow', delayMs: 1_500, times: 3 }], {
      timeoutMs: 400,
    });
    expect(slow.result.counts.retries).toBeGreaterThanOrEqual(3);
    expect(slow.result.counts.errors).toEqual([]);
    expect(slow.models).toEqual(reference.models);
    expect(slow.edges).toBe(reference.edges);
  }, 120_000);

  test('list pages of the wrong JSON type are recorded and skipped; other relations and targets go on', async () => {
    const reference = await crawl([]);
    const wrongTypes: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(String(input));
      if (url.searchParams.get('filter')?.startsWith('base_model:finetune:orbit/')) {
        // Valid JSON, wrong shape: an object where the Hub sends an array.
        return new Response(JSON.stringify({ models: await response.json() }), {
          status: 200,
          headers: response.headers,
        });
      }
      return response;
    };
    const faulty = await crawl([], { fetch: wrongTypes });
    const reasons = faulty.result.counts.errors.map((e) => `${e.target}: ${e.reason}`);
    expect(reasons).toContain('orbit/orbit-1b: list answer is not an array');
    expect(faulty.models.length).toBeLessThan(reference.models.length);
    expect(faulty.models).toContain('orbit/orbit-1b');
    expect(faulty.models.filter((m) => m.startsWith('acme-ai/'))).toEqual(
      reference.models.filter((m) => m.startsWith('acme-ai/')),
    );
  }, 120_000);

  test('a detail answer that stays truncated, or HTML, past every retry is skipped with its reason', async () => {
    const faulty = await crawl(
      [
        { on: (r) => r.path === '/api/models/orbit/orbit-1b', kind: 'truncated', times: 99 },
        { on: (r) => r.path === '/api/models/acme-ai/acme-1b', kind: 'html', times: 99 },
      ],
      { maxAttempts: 3 },
    );
    const reasons = faulty.result.counts.errors.map((e) => `${e.target}: ${e.reason}`);
    expect(reasons).toContain('orbit/orbit-1b: unparseable (truncated?) JSON');
    expect(reasons).toContain('acme-ai/acme-1b: HTML instead of JSON');
    expect(faulty.result.counts.skipped).toBe(2);
    expect(faulty.models).not.toContain('orbit/orbit-1b');
    expect(faulty.models).toContain('acme-ai/acme-2b');
  }, 120_000);
});
