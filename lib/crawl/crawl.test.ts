// End to end: the crawler against the mock Hub, into PGlite and into PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type CrawlOptions, runCrawl } from '@/lib/crawl/crawl.ts';
import { type CrawlParams, parseCrawlArgs } from '@/lib/crawl/params.ts';
import { HubClient, type HubClientOptions } from '@/lib/hub/client.ts';
import { FakeClock } from '@/lib/hub/clock.ts';
import { HubAuthError } from '@/lib/hub/errors.ts';
import { createTestDb, TEST_DB_MODES, type TestDb } from '@/test/helpers/db.ts';
import {
  generateMockModels,
  loadLineageCsv,
  type MockHub,
  type MockHubOptions,
  type MockModel,
  startMockHub,
} from '@/test/mock-hub/index.ts';

const START = Date.UTC(2027, 5, 15, 12);
const QUOTA = 25;

/** The generated Hub plus an org-owned derivative, which --author must not take as a target. */
function fixture(): MockModel[] {
  const models = generateMockModels();
  const base = models.find((m) => m.id === 'acme-ai/acme-1b') as MockModel;
  models.push({
    ...base,
    _id: 'ffffffffffffffffffff0001',
    id: 'acme-ai/acme-1b-instruct',
    createdAt: '2024-05-01T00:00:00.000Z',
    parents: [{ id: base.id, relation: 'finetune' }],
  });
  return models;
}

const PARAMS: CrawlParams = {
  ...parseCrawlArgs(['--author', 'acme-ai', 'nebula-labs', '--base', 'orbit/orbit-1b', '--page-size', '3'])
    .params,
};

type CrawlExtra = Omit<Partial<CrawlOptions>, 'client'> & { client?: HubClientOptions };

interface Env {
  hub: MockHub;
  clock: FakeClock;
  client: (extra?: HubClientOptions) => HubClient;
  crawl: (params?: CrawlParams, extra?: CrawlExtra) => ReturnType<typeof runCrawl>;
}

const hubs: MockHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

async function env(db: TestDb, options: MockHubOptions = {}): Promise<Env> {
  const clock = new FakeClock(START);
  const hub = await startMockHub({ models: fixture(), quota: QUOTA, now: () => clock.now(), ...options });
  hubs.push(hub);
  const client = (extra: HubClientOptions = {}) =>
    new HubClient({ endpoint: hub.url, clock, random: () => 0.5, timeoutMs: 5_000, ...extra });
  return {
    hub,
    clock,
    client,
    crawl: (params = PARAMS, extra = {}) =>
      runCrawl(db, params, { clock, ...extra, client: client(extra.client) }),
  };
}

/** Everything a crawl writes, keyed by names (ids differ between databases). */
async function dump(db: TestDb) {
  const q = (text: string) => db.sql.query(text);
  return {
    models:
      await q(`SELECT "repoId", "hubId", author, "createdAt"::text, "pipelineTag", "libraryName", "downloads30d"::text,
      "downloadsAllTime"::text, likes, gated, tags, "childrenCount"::text, "isBase", crawled, source::text
      FROM "HubModel" ORDER BY "repoId"`),
    edges:
      await q(`SELECT c."repoId" AS child, p."repoId" AS parent, e.relation::text, e.source::text, e."childCreatedAt"::text
      FROM "LineageEdge" e JOIN "HubModel" c ON c.id = e."childId" JOIN "HubModel" p ON p.id = e."parentId" ORDER BY 1, 2`),
    snapshots:
      await q(`SELECT m."repoId", s.day::text, s."downloads30d"::text, s."downloadsAllTime"::text, s.likes
      FROM "DownloadSnapshot" s JOIN "HubModel" m ON m.id = s."modelId" ORDER BY 1, 2`),
    series:
      await q(`SELECT m."repoId", s.metric::text, s.granularity::text, s.source::text, s."startDate"::text, s."values",
      s."lastPartial", s."valuesHash" FROM "Series" s JOIN "HubModel" m ON m.id = s."modelId" ORDER BY 1, 2`),
    aliases: await q(
      `SELECT a."oldRepoId", m."repoId" FROM "ModelAlias" a JOIN "HubModel" m ON m.id = a."modelId" ORDER BY 1`,
    ),
  };
}

/** What the crawl of PARAMS must find, computed from the fixture independently of the crawler. */
function expected(models: MockModel[]) {
  const targets = models
    .filter((m) => ['acme-ai', 'nebula-labs'].includes(m.id.split('/')[0]) && !m.parents?.length)
    .map((m) => m.id)
    .concat('orbit/orbit-1b');
  const children = models.filter((m) => m.parents?.some((p) => targets.includes(p.id)));
  const crawled = new Set([...targets, ...children.map((m) => m.id)]);
  const edges = children
    .flatMap((m) => (m.parents ?? []).map((p) => `${m.id} <- ${p.id} (${p.relation})`))
    .sort();
  const stubs = new Set(
    children.flatMap((m) => (m.parents ?? []).map((p) => p.id)).filter((id) => !crawled.has(id)),
  );
  return { targets, crawled, edges, stubs };
}

describe.each(TEST_DB_MODES)('crawl against the mock Hub (%s)', (mode) => {
  let reference: Awaited<ReturnType<typeof dump>>;
  const dbs: TestDb[] = [];
  const fresh = async () => {
    const db = await createTestDb(mode);
    dbs.push(db);
    return db;
  };
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.close()));
  });

  beforeAll(async () => {
    const db = await fresh();
    const { crawl } = await env(db);
    await crawl();
    reference = await dump(db);
  });

  test('a crawl yields exactly the expected models, edges, snapshots and series, within the rate budget', async () => {
    const db = await fresh();
    const { crawl, hub, clock } = await env(db);
    const result = await crawl(PARAMS, { refitSeries: undefined });
    const want = expected(fixture());
    const state = await dump(db);

    expect(state.models.filter((m) => m.crawled).map((m) => m.repoId)).toEqual([...want.crawled].sort());
    expect(state.models.filter((m) => !m.crawled).map((m) => m.repoId)).toEqual([...want.stubs].sort());
    expect(state.edges.map((e) => `${e.child} <- ${e.parent} (${e.relation})`)).toEqual(want.edges);
    expect(state.edges.every((e) => e.source === 'tags')).toBe(true);
    expect(state.snapshots.map((s) => s.repoId)).toEqual([...want.crawled].sort());
    expect(new Set(state.snapshots.map((s) => s.day))).toEqual(new Set(['2027-06-15']));
    // isBase: every model with a parent is a derivative.
    for (const model of state.models.filter((m) => m.crawled)) {
      expect(model.isBase).toBe(!state.edges.some((e) => e.child === model.repoId));
    }
    // The 2022-03-02 placeholder is an unknown creation date.
    expect(state.models.find((m) => m.repoId === 'acme-ai/acme-1b')?.createdAt).toBeNull();
    expect(state.models.find((m) => m.repoId === 'acme-ai/acme-2b')?.childrenCount).toMatch(
      /finetune|adapter|quantized|merge/,
    );

    // Series: five monthly series and a daily downloads series per target with a known creation date.
    const hub2b = state.series.filter((s) => s.repoId === 'acme-ai/acme-2b');
    expect(hub2b.map((s) => s.metric).sort()).toEqual([
      'adapter',
      'all',
      'downloads',
      'finetune',
      'merge',
      'quantized',
    ]);
    const all = hub2b.find((s) => s.metric === 'all');
    const directChildren = fixture().filter((m) => m.parents?.some((p) => p.id === 'acme-ai/acme-2b'));
    expect((all?.values as number[] | undefined)?.at(-1)).toBe(directChildren.length);
    expect(all?.lastPartial).toBe(true);
    expect(hub2b.find((s) => s.metric === 'downloads')?.values).toEqual([
      fixture().find((m) => m.id === 'acme-ai/acme-2b')?.downloadsAllTime,
    ]);
    expect(state.series.some((s) => s.repoId === 'acme-ai/acme-1b' && s.metric === 'all')).toBe(false);

    expect(hub.state.rateLimited).toBe(0);
    expect(hub.state.maxUsedInWindow).toBeLessThanOrEqual(QUOTA);
    expect(hub.state.requests.length).toBeGreaterThan(QUOTA); // so the crawl had to pace itself over windows
    expect(clock.slept).toBeGreaterThan(0);
    const [job] = await db.sql.query<{ status: string; done: number; total: number }>(
      'SELECT status::text, done, total FROM "Job" WHERE id = $1',
      [result.jobId],
    );
    expect(job).toMatchObject({ status: 'succeeded', done: want.targets.length, total: want.targets.length });
    expect(result.counts.skipped).toBe(0);
    expect(state).toEqual(reference);
    // The targets' series were refitted.
    const fitted = await db.sql.query<{ n: number }>(
      `SELECT count(DISTINCT "seriesId")::int AS n FROM "Fit" WHERE "seriesId" = ANY($1::int[])`,
      [result.seriesChanged],
    );
    expect(fitted[0].n).toBeGreaterThan(0);
  });

  test.each([2, 9, 23, 36])(
    'killed after %i requests and resumed, it ends with the same rows',
    async (killAt) => {
      const db = await fresh();
      const { crawl } = await env(db);
      const controller = new AbortController();
      let n = 0;
      const killingFetch: typeof fetch = (input, init) => {
        if (++n === killAt) controller.abort(new Error('killed'));
        return fetch(input, init);
      };
      await expect(
        crawl(PARAMS, {
          signal: controller.signal,
          client: { signal: controller.signal, fetch: killingFetch },
        }),
      ).rejects.toThrow('killed');
      const [job] = await db.sql.query<{ status: string }>('SELECT status::text FROM "Job"');
      expect(job.status).toBe('cancelled');
      const resumed = await crawl();
      expect(resumed.resumed).toBe(true);
      expect(await dump(db)).toEqual(reference);
      expect(await db.sql.query('SELECT id FROM "Job"')).toHaveLength(1);
    },
  );

  test('an error thrown mid-crawl (5xx past the retries) leaves a job that --resume finishes', async () => {
    const db = await fresh();
    const { crawl } = await env(db, {
      faults: [{ on: (r) => r.n >= 15 && r.n < 20, kind: 'status', status: 503, times: 5 }],
    });
    await expect(crawl(PARAMS, { client: { maxAttempts: 3 } })).rejects.toThrow(/503/);
    const { params } = parseCrawlArgs(['--resume']);
    await crawl(params, { resume: true });
    expect(await dump(db)).toEqual(reference);
  });

  test('429s, 5xx, HTML and truncated pages are waited out or retried; the result is unchanged', async () => {
    const db = await fresh();
    const { crawl, hub, clock } = await env(db, {
      faults: [
        { on: 3, kind: '429' },
        { on: 5, kind: 'status', status: 502 },
        { on: 8, kind: 'html' },
        { on: 11, kind: 'truncated' },
        { on: 14, kind: '429', withRateLimit: false, retryAfter: 42 },
      ],
    });
    const result = await crawl();
    expect(hub.state.injected429).toBe(2);
    expect(hub.state.rateLimited).toBe(0);
    expect(result.counts.rateLimited).toBe(2);
    expect(result.counts.retries).toBe(3);
    expect(clock.slept).toBeGreaterThanOrEqual(42_000);
    expect(await dump(db)).toEqual(reference);
  });

  test('malformed items, a page that stays broken and a missing repo are skipped with reasons', async () => {
    const db = await fresh();
    const models = fixture();
    const broken = models.filter((m) => m.parents?.some((p) => p.id === 'nebula-labs/nebula-1b')).slice(0, 2);
    broken[0].malformed = 'missing-id';
    broken[1].malformed = 'wrong-types';
    const relation = models.find((m) => m.parents?.[0]?.id === 'orbit/orbit-1b')?.parents?.[0]?.relation;
    const { crawl } = await env(db, {
      models,
      faults: [
        {
          on: (r) => r.query.get('filter') === `base_model:${relation}:orbit/orbit-1b`,
          kind: 'html',
          times: 99,
        },
      ],
    });
    const params = { ...PARAMS, bases: [...PARAMS.bases, 'ghost/missing'] };
    const result = await crawl(params);
    expect(result.counts.notFound).toBe(1);
    // Two broken records (one of them listed under two parents) and the page that stayed HTML.
    expect(result.counts.skipped).toBeGreaterThanOrEqual(3);
    const reasons = result.counts.errors.map((e) => e.reason).join('\n');
    expect(reasons).toMatch(/id: /);
    expect(reasons).toMatch(/downloads: /);
    expect(reasons).toContain(`HTML instead of JSON; rest of ${relation} children skipped`);
    expect(reasons).toMatch(/not found or private \(401\)/);
    const state = await dump(db);
    expect(state.models.some((m) => m.repoId === broken[0].id || m.repoId === broken[1].id)).toBe(false);
    expect(state.edges.some((e) => e.parent === 'orbit/orbit-1b' && e.relation === relation)).toBe(false);
    expect(state.edges.some((e) => e.parent === 'orbit/orbit-1b' && e.relation !== relation)).toBe(true);
  });

  test('renames: a 307 on a target and a model that moved since the last crawl become aliases', async () => {
    const db = await fresh();
    const models = fixture();
    const { crawl, hub } = await env(db, { models, renames: { 'old-org/old-name': 'acme-ai/acme-2b' } });
    await crawl({ ...PARAMS, bases: ['old-org/old-name', 'orbit/orbit-1b'], authors: [] });
    // orbit/orbit-1b moves to a new name; the Hub keeps its _id and redirects the old one.
    const orbit = hub.state.models.get('orbit/orbit-1b') as MockModel;
    hub.state.models.delete(orbit.id);
    hub.state.models.set('orbit/orbit-one', { ...orbit, id: 'orbit/orbit-one' });
    hub.state.renames.set('orbit/orbit-1b', 'orbit/orbit-one');
    for (const model of hub.state.models.values()) {
      model.parents = model.parents?.map((p) => (p.id === orbit.id ? { ...p, id: 'orbit/orbit-one' } : p));
    }
    await crawl({ ...PARAMS, bases: ['orbit/orbit-1b'], authors: [] });
    const state = await dump(db);
    expect(state.aliases).toEqual([
      { oldRepoId: 'old-org/old-name', repoId: 'acme-ai/acme-2b' },
      { oldRepoId: 'orbit/orbit-1b', repoId: 'orbit/orbit-one' },
    ]);
    expect(state.models.some((m) => m.repoId === 'orbit/orbit-1b')).toBe(false);
    expect(state.models.filter((m) => m.hubId === orbit._id)).toHaveLength(1);
    expect(state.edges.some((e) => e.parent === 'orbit/orbit-one')).toBe(true);
    expect(state.edges.some((e) => e.parent === 'orbit/orbit-1b')).toBe(false);
  });

  test('--top and --depth 2 with a subset of relations; a refused token stops the crawl', async () => {
    const db = await fresh();
    const { crawl, hub } = await env(db);
    const { params } = parseCrawlArgs(['--top', '2', '--relations', 'finetune,quantized', '--depth', '2']);
    const result = await crawl(params);
    const bases = [...hub.state.models.values()]
      .filter((m) => !m.parents?.length)
      .sort((a, b) => b.downloads - a.downloads || (a._id < b._id ? -1 : 1))
      .slice(0, 2)
      .map((m) => m.id);
    const state = await dump(db);
    const finetunes = [...hub.state.models.values()].filter((m) =>
      m.parents?.some((p) => bases.includes(p.id) && p.relation === 'finetune'),
    );
    const grandchildren = [...hub.state.models.values()].filter((m) =>
      m.parents?.some((p) => finetunes.some((f) => f.id === p.id)),
    );
    expect(grandchildren.length).toBeGreaterThan(0);
    for (const model of [...finetunes, ...grandchildren])
      expect(state.models.some((m) => m.repoId === model.id && m.crawled)).toBe(true);
    expect(state.edges.some((e) => e.relation === 'adapter' || e.relation === 'merge')).toBe(false);
    expect(result.expanded.length).toBeGreaterThanOrEqual(2 + finetunes.length);

    const refused = await env(await fresh(), { tokens: ['hf_good'] });
    await expect(refused.crawl(PARAMS, { client: { token: 'hf_bad' } })).rejects.toBeInstanceOf(HubAuthError);
  });
});

const lineage = loadLineageCsv();
describe.skipIf(!lineage)('crawl of the real Mistral-Small-24B tree (shared/data/lineage)', () => {
  test('depth 4 from the root finds all 67 models and their edges', async () => {
    const db = await createTestDb('pglite');
    try {
      const models = lineage as MockModel[];
      const clock = new FakeClock(START);
      const hub = await startMockHub({ models, now: () => clock.now() });
      hubs.push(hub);
      const client = new HubClient({ endpoint: hub.url, clock });
      const { params } = parseCrawlArgs([
        '--base',
        'mistralai/Mistral-Small-24B-Base-2501',
        '--depth',
        '4',
        '--page-size',
        '10',
      ]);
      await runCrawl(db, params, { client, clock });
      const state = await dump(db);
      const crawled = state.models.filter((m) => m.crawled);
      expect(crawled).toHaveLength(67);
      const inTree = new Set(crawled.map((m) => m.repoId));
      const want = models
        .filter((m) => inTree.has(m.id))
        .flatMap((m) => (m.parents ?? []).map((p) => `${m.id} <- ${p.id}`))
        .sort();
      expect(state.edges.map((e) => `${e.child} <- ${e.parent}`)).toEqual(want);
      expect(hub.state.rateLimited).toBe(0);
    } finally {
      await db.close();
    }
  });
});
