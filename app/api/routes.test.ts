// Collection routes against a seeded embedded database: shapes, errors, CSV = JSON.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clearDataCache } from '@/lib/data/cache.ts';
import { cohortViewSchema } from '@/lib/schemas/cohort.ts';
import { compareViewSchema } from '@/lib/schemas/compare.ts';
import { ecosystemViewSchema } from '@/lib/schemas/ecosystem.ts';
import { forecastViewSchema } from '@/lib/schemas/forecast.ts';
import { jobListSchema, jobSchema } from '@/lib/schemas/jobs.ts';
import { methodsViewSchema } from '@/lib/schemas/methods.ts';
import { modelListSchema } from '@/lib/schemas/models.ts';
import { orgDetailSchema, orgListSchema, orgsCompareSchema } from '@/lib/schemas/orgs.ts';
import { parametersViewSchema } from '@/lib/schemas/parameters.ts';
import { searchResultSchema } from '@/lib/schemas/search.ts';
import { parseCsv } from '@/test/helpers/csv.ts';
import { openSeededDatabase, SEED_MODELS } from '@/test/helpers/seed.ts';
import { GET as getCompareImage } from './compare/image/route.ts';
import { GET as getCompare } from './compare/route.ts';
import { GET as getEcosystem } from './ecosystem/route.ts';
import { GET as getJob } from './jobs/[id]/route.ts';
import { GET as getJobs } from './jobs/route.ts';
import { GET as getMethods } from './methods/route.ts';
import { GET as getCohort } from './models/[org]/[name]/cohort/route.ts';
import { GET as getForecast } from './models/[org]/[name]/forecast/route.ts';
import { GET as getModels } from './models/route.ts';
import { GET as getOrg } from './orgs/[slug]/route.ts';
import { GET as getOrgsCompare } from './orgs/compare/route.ts';
import { GET as getOrgs } from './orgs/route.ts';
import { GET as getParameters } from './parameters/route.ts';
import { GET as getSearch } from './search/route.ts';

const req = (path: string) => new Request(`http://test${path}`);
const json = async (res: Response | Promise<Response>) => (await res).json();

let env: Awaited<ReturnType<typeof openSeededDatabase>>;
beforeAll(async () => {
  env = await openSeededDatabase();
});
afterAll(async () => {
  await env.close();
});

describe('good input', () => {
  test('models: sorted by derivatives, filtered, paged', async () => {
    const all = modelListSchema.parse(await json(getModels(req('/api/models'))));
    expect(all.total).toBe(6);
    expect(all.items[0].repoId).toBe(SEED_MODELS.qwenA.repoId);
    expect(all.items.map((m) => m.derivatives)).toEqual(
      [...all.items.map((m) => m.derivatives)].sort((a, b) => b - a),
    );
    const meta = modelListSchema.parse(
      await json(getModels(req('/api/models?org=meta&sort=growth3m&dir=asc&limit=2'))),
    );
    expect(meta.total).toBe(3);
    expect(meta.items).toHaveLength(2);
    expect(meta.items[0].growth3m).toBeLessThanOrEqual(meta.items[1].growth3m ?? 0);
    const q = modelListSchema.parse(await json(getModels(req('/api/models?q=LLAMA'))));
    expect(q.items.map((m) => m.repoId).sort()).toEqual([
      SEED_MODELS.llamaA.repoId,
      SEED_MODELS.llamaB.repoId,
    ]);
  });

  test("models: the breakout percentile is the cohort view's percentile", async () => {
    const all = modelListSchema.parse(await json(getModels(req('/api/models'))));
    for (const m of all.items) {
      const [org, name] = m.repoId.split('/');
      const cohort = cohortViewSchema.parse(
        await json(
          getCohort(req(`/api/models/${m.repoId}/cohort`), { params: Promise.resolve({ org, name }) }),
        ),
      );
      expect(m.percentile).toBe(cohort.percentile);
    }
    expect(all.items.some((m) => m.percentile !== null)).toBe(true);
  });

  test('models: λ, eventual count and forecast12 are those of the forecast view', async () => {
    const [org, name] = SEED_MODELS.llamaA.repoId.split('/');
    const forecast = forecastViewSchema.parse(
      await json(getForecast(req('/api/models/x/forecast'), { params: Promise.resolve({ org, name }) })),
    );
    clearDataCache();
    const list = modelListSchema.parse(await json(getModels(req('/api/models?org=meta'))));
    const row = list.items.find((m) => m.repoId === SEED_MODELS.llamaA.repoId);
    expect(row).toMatchObject({
      lambda: forecast.fit.params?.lambda,
      eventual: forecast.fit.eventual,
      forecast12: forecast.forecast[11].mean,
      fitStatus: forecast.fit.status,
    });
  });

  test('compare image: a PNG preview of the comparison', async () => {
    const res = await getCompareImage(
      req(`/api/compare/image?m=${SEED_MODELS.llamaA.repoId}~${SEED_MODELS.qwenA.repoId}`),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await res.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  test('search: models and organisations', async () => {
    const body = searchResultSchema.parse(await json(getSearch(req('/api/search?q=qwen'))));
    expect(body.models[0].repoId).toBe(SEED_MODELS.qwenA.repoId);
    expect(body.orgs).toEqual([{ slug: 'qwen', name: 'Qwen', models: 3 }]);
  });

  test('orgs: list and one organisation with curves and totals', async () => {
    const list = orgListSchema.parse(await json(getOrgs()));
    expect(list.items.map((o) => [o.slug, o.models])).toEqual([
      ['qwen', 3],
      ['meta', 3],
    ]);
    const meta = orgDetailSchema.parse(
      await json(getOrg(req('/api/orgs/meta'), { params: Promise.resolve({ slug: 'meta' }) })),
    );
    expect(meta.org.authors).toEqual(['facebook', 'meta-llama']);
    expect(meta.curves).toHaveLength(3);
    expect(meta.aggregate[0]).toEqual({ age: 0, total: 0, n: 3 });
    const total19 = SEED_MODELS.llamaA.values[19] + SEED_MODELS.opt.values[19];
    expect(meta.aggregate.find((a) => a.age === 19)).toEqual({ age: 19, total: total19, n: 2 });
    expect(meta.calendar[0]).toEqual({ month: '2022-12', total: 0 });
  });

  test('orgs/compare: densities at 2, 6, 12 months for models with λ in range', async () => {
    const body = orgsCompareSchema.parse(
      await json(getOrgsCompare(req('/api/orgs/compare?method=paper-published&lambdaMin=1&lambdaMax=10'))),
    );
    expect(body.months).toEqual([2, 6, 12]);
    expect(body.params).toEqual([{ org: 'meta', n: 1, lambda: [6.2], mu: [0], sigma: [1.1] }]);
    expect(body.densities.map((d) => [d.org, d.month, d.n])).toEqual([
      ['meta', 2, 1],
      ['meta', 6, 1],
      ['meta', 12, 1],
    ]);
  });

  test('compare: series and forecasts of several models', async () => {
    const m = `${SEED_MODELS.llamaA.repoId}~${SEED_MODELS.qwenA.repoId}`;
    const body = compareViewSchema.parse(
      await json(getCompare(req(`/api/compare?m=${m}&fc=6&align=calendar`))),
    );
    expect(body.align).toBe('calendar');
    expect(body.models.map((x) => [x.repoId, x.series.points.length, x.forecast?.forecast.length])).toEqual([
      [SEED_MODELS.llamaA.repoId, 20, 6],
      [SEED_MODELS.qwenA.repoId, 19, 6],
    ]);
    const none = compareViewSchema.parse(await json(getCompare(req(`/api/compare?m=${m}&fc=0`))));
    expect(none.models.every((x) => x.forecast === null)).toBe(true);
  });

  test('parameters: the paper fits with failed ones marked', async () => {
    const body = parametersViewSchema.parse(
      await json(getParameters(req('/api/parameters?method=paper-published'))),
    );
    expect(body.unit).toBe('year');
    expect(body.items).toEqual([
      expect.objectContaining({
        repoId: SEED_MODELS.llamaA.repoId,
        org: 'meta',
        lambda: 6.2,
        status: 'ok',
        failed: false,
      }),
    ]);
    expect(body.byStatus).toEqual({ ok: 1 });
  });

  test('ecosystem: new derivatives per month add up to the totals', async () => {
    const body = ecosystemViewSchema.parse(await json(getEcosystem(req('/api/ecosystem?min=100'))));
    const sum = body.newPerMonth.reduce((a, r) => a + r.count, 0);
    expect(sum).toBe(body.totals.derivatives);
    expect(body.cohorts).toEqual(['2022', '2023', '2024']);
    expect(body.curves.map((c) => c.repoId).sort()).toEqual(
      [
        SEED_MODELS.llamaA.repoId,
        SEED_MODELS.qwenA.repoId,
        SEED_MODELS.llamaB.repoId,
        SEED_MODELS.qwenOld.repoId,
      ].sort(),
    );
    const quarters = ecosystemViewSchema.parse(
      await json(getEcosystem(req('/api/ecosystem?cohort=quarter'))),
    );
    expect(quarters.cohorts).toContain('2023-Q1');
  });

  test('methods: sources and a backtest stored once per data version', async () => {
    const body = methodsViewSchema.parse(await json(getMethods()));
    expect(body.sources).toEqual([
      expect.objectContaining({ key: 'paper', loadedAt: '2026-11-27T12:00:00.000Z' }),
    ]);
    expect(body.backtest?.cases).toBeGreaterThan(0);
    expect(body.backtest?.methods.map((m) => m.method)).toEqual(['wsb-eb', 'naive']);
    expect(body.calibration?.coverage80).not.toBeNull();
    const stored = await env.db.prisma.setting.findUniqueOrThrow({ where: { key: 'backtest.summary' } });
    await getMethods();
    const again = await env.db.prisma.setting.findUniqueOrThrow({ where: { key: 'backtest.summary' } });
    expect(again.updatedAt).toEqual(stored.updatedAt);
  });

  test('jobs: list and detail', async () => {
    const list = jobListSchema.parse(await json(getJobs(req('/api/jobs?kind=import'))));
    expect(list.items).toHaveLength(1);
    const job = jobSchema.parse(
      await json(getJob(req('/api/jobs/x'), { params: Promise.resolve({ id: String(list.items[0].id) }) })),
    );
    expect(job).toMatchObject({ kind: 'import', status: 'succeeded', progress: 1 });
  });
});

describe('bad input', () => {
  const ids = `${SEED_MODELS.llamaA.repoId}~`.repeat(11);
  const many = Array.from({ length: 11 }, (_, i) => `org/m${i}`).join('~');
  test.each([
    ['/api/models?limit=101', getModels, 400, 'limit'],
    ['/api/models?sort=stars', getModels, 400, 'sort'],
    ['/api/models?offset=-1', getModels, 400, 'offset'],
    ['/api/models?dir=up', getModels, 400, 'dir'],
    ['/api/search', getSearch, 400, 'q'],
    ['/api/search?q=', getSearch, 400, 'q'],
    ['/api/compare', getCompare, 400, 'm'],
    [`/api/compare?m=${many}`, getCompare, 400, 'm'],
    ['/api/compare?m=not-a-repo-id', getCompare, 400, 'm'],
    [`/api/compare?m=${SEED_MODELS.llamaA.repoId}~nobody/nothing`, getCompare, 404, 'nobody/nothing'],
    [`/api/compare?m=${SEED_MODELS.llamaA.repoId}&fc=37`, getCompare, 400, 'fc'],
    [`/api/compare?m=${SEED_MODELS.llamaA.repoId}&align=age`, getCompare, 400, 'align'],
    [`/api/compare?m=${SEED_MODELS.young.repoId}&asof=2024-07`, getCompare, 422, 'asof'],
    ['/api/orgs/compare?lambdaMin=5&lambdaMax=2', getOrgsCompare, 400, 'lambdaMin'],
    ['/api/orgs/compare?orgs=Meta!', getOrgsCompare, 400, 'orgs'],
    ['/api/parameters?method=scipy', getParameters, 400, 'method'],
    ['/api/ecosystem?cohort=decade', getEcosystem, 400, 'cohort'],
    ['/api/jobs?limit=0', getJobs, 400, 'limit'],
  ] as const)('%s → %i naming %s', async (path, handler, status, named) => {
    const res = await (handler as (r: Request) => Promise<Response>)(req(path));
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toContain(named);
  });

  test('duplicates in m collapse (11 copies of one id is one model)', async () => {
    const res = await getCompare(req(`/api/compare?m=${ids}&fc=0`));
    expect(res.status).toBe(200);
  });

  test.each([
    ['/api/orgs/nowhere', getOrg, { slug: 'nowhere' }, 404, 'nowhere'],
    ['/api/orgs/Meta!', getOrg, { slug: 'Meta!' }, 400, 'slug'],
    ['/api/jobs/999', getJob, { id: '999' }, 404, '999'],
    ['/api/jobs/abc', getJob, { id: 'abc' }, 400, 'id'],
  ] as const)('%s → %i naming %s', async (path, handler, params, status, named) => {
    const res = await (handler as (r: Request, c: { params: Promise<unknown> }) => Promise<Response>)(
      req(path),
      {
        params: Promise.resolve(params),
      },
    );
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(named);
  });
});

describe('CSV carries the same numbers as JSON', () => {
  test('compare', async () => {
    const m = `${SEED_MODELS.llamaA.repoId}~${SEED_MODELS.qwenOld.repoId}`;
    const body = compareViewSchema.parse(await json(getCompare(req(`/api/compare?m=${m}&fc=3`))));
    const rows = parseCsv(await (await getCompare(req(`/api/compare?m=${m}&fc=3&format=csv`))).text());
    const fromJson = body.models.flatMap((x) => [
      ...x.series.points.map((p) => `${x.repoId}|${p.index}|${p.value}|`),
      ...(x.forecast?.forecast ?? []).map((p) => `${x.repoId}|${p.index}||${p.mean}`),
    ]);
    expect(rows.map((r) => `${r.repoId}|${r.index}|${r.value}|${r.mean}`)).toEqual(fromJson);
  });

  test('parameters', async () => {
    const body = parametersViewSchema.parse(
      await json(getParameters(req('/api/parameters?method=paper-published'))),
    );
    const rows = parseCsv(
      await (await getParameters(req('/api/parameters?method=paper-published&format=csv'))).text(),
    );
    expect(rows.map((r) => [r.repoId, Number(r.lambda), Number(r.mu), Number(r.sigma), r.status])).toEqual(
      body.items.map((i) => [i.repoId, i.lambda, i.mu, i.sigma, i.status]),
    );
  });

  test('orgs/compare', async () => {
    const q = '/api/orgs/compare?method=paper-published';
    const body = orgsCompareSchema.parse(await json(getOrgsCompare(req(q))));
    const rows = parseCsv(await (await getOrgsCompare(req(`${q}&format=csv`))).text());
    expect(rows.map((r) => [r.org, Number(r.month), Number(r.x), Number(r.density)])).toEqual(
      body.densities.flatMap((d) => d.points.map((p) => [d.org, d.month, p.x, p.density])),
    );
  });
});
