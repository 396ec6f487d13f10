// Model routes against a seeded embedded database: shapes, errors, forecast caching, CSV = JSON.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clearDataCache } from '@/lib/data/cache.ts';
import { cohortViewSchema } from '@/lib/schemas/cohort.ts';
import { forecastViewSchema } from '@/lib/schemas/forecast.ts';
import { derivativeListSchema, modelDetailSchema } from '@/lib/schemas/models.ts';
import { seriesViewSchema } from '@/lib/schemas/series.ts';
import { trackRecordSchema } from '@/lib/schemas/track-record.ts';
import { parseCsv } from '@/test/helpers/csv.ts';
import { openSeededDatabase, SEED_ALIAS, SEED_MODELS } from '@/test/helpers/seed.ts';
import { GET as getBadge } from './badge.svg/route.ts';
import { GET as getCohort } from './cohort/route.ts';
import { GET as getDerivatives } from './derivatives/route.ts';
import { GET as getForecast } from './forecast/route.ts';
import { GET as getModel } from './route.ts';
import { GET as getSeries } from './series/route.ts';
import { GET as getTrackRecord } from './track-record/route.ts';

type Handler = (
  request: Request,
  context: { params: Promise<{ org: string; name: string }> },
) => Promise<Response>;

function call(handler: Handler, repoId: string, query = ''): Promise<Response> {
  const [org, name] = repoId.split('/');
  return handler(new Request(`http://test/api/models/${repoId}/x${query}`), {
    params: Promise.resolve({ org, name }),
  });
}

const LLAMA = SEED_MODELS.llamaA;
let env: Awaited<ReturnType<typeof openSeededDatabase>>;

beforeAll(async () => {
  env = await openSeededDatabase();
});
afterAll(async () => {
  await env.close();
});

describe('good input', () => {
  test('detail: summary, metadata, series list, paper fit; old ids resolve', async () => {
    const res = await call(getModel, LLAMA.repoId);
    expect(res.status).toBe(200);
    const body = modelDetailSchema.parse(await res.json());
    expect(body).toMatchObject({
      repoId: LLAMA.repoId,
      org: { slug: 'meta', name: 'Meta' },
      derivatives: LLAMA.values.at(-1),
      age: LLAMA.values.length - 1,
      downloadsAllTime: 5_000_000_000,
      metrics: ['all', 'finetune', 'quantized'],
      paperFit: { lambda: 6.2, status: 'ok' },
      aliases: [SEED_ALIAS.oldRepoId],
    });
    const viaAlias = modelDetailSchema.parse(await (await call(getModel, SEED_ALIAS.oldRepoId)).json());
    expect(viaAlias.repoId).toBe(LLAMA.repoId);
  });

  test('series: dated points with increments', async () => {
    const body = seriesViewSchema.parse(await (await call(getSeries, LLAMA.repoId)).json());
    expect(body.points).toHaveLength(LLAMA.values.length);
    expect(body.points[1]).toEqual({
      index: 1,
      date: '2023-02-15',
      value: LLAMA.values[1],
      increment: LLAMA.values[1],
    });
  });

  test('forecast: defaults to all complete data and 12 months', async () => {
    const body = forecastViewSchema.parse(await (await call(getForecast, LLAMA.repoId)).json());
    const last = LLAMA.values.length - 1;
    expect(body.asOf.index).toBe(last);
    expect(body.forecast.map((p) => p.index)).toEqual(Array.from({ length: 12 }, (_, i) => last + 1 + i));
    expect(body.fitted).toHaveLength(LLAMA.values.length);
    expect(body.fit.method).toBe('wsb-eb');
    expect(body.fit.params?.lambda).toBeGreaterThan(0);
    expect(body.actual).toEqual([]);
    expect(body.paper?.lambda).toBe(6.2);
    for (const p of body.forecast)
      expect(p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95).toBe(true);
  });

  test('forecast with asof: data up to that month, what happened since beside it', async () => {
    // Created 2023-01-15: by the end of September 2023, 8 whole months.
    const body = forecastViewSchema.parse(
      await (await call(getForecast, LLAMA.repoId, '?asof=2023-09&fc=6')).json(),
    );
    expect(body.asOf).toEqual({ index: 8, date: '2023-09-15' });
    expect(body.forecast).toHaveLength(6);
    expect(body.actual.map((p) => p.value)).toEqual(LLAMA.values.slice(9));
  });

  test('forecast of downloads in days (fc up to 120)', async () => {
    const res = await call(getForecast, SEED_MODELS.qwenA.repoId, '?metric=downloads&fc=120');
    expect(res.status).toBe(200);
    const body = forecastViewSchema.parse(await res.json());
    expect(body.granularity).toBe('day');
    expect(body.forecast).toHaveLength(120);
  });

  test('track record: forecasts made 3, 6 and 12 months ago against the actual values', async () => {
    const body = trackRecordSchema.parse(await (await call(getTrackRecord, LLAMA.repoId)).json());
    expect(body.runs.map((r) => r.monthsAgo)).toEqual([3, 6, 12]);
    const run = body.runs[0];
    expect(run.madeAt.index).toBe(LLAMA.values.length - 4);
    expect(run.points.map((p) => p.actual)).toEqual(LLAMA.values.slice(-3));
    expect(body.summary.n).toBe(3 + 6 + 12);
    expect(body.summary.medianLogError).toBeGreaterThanOrEqual(0);
  });

  test('cohort: peers within ±3 months, fan by age, percentile at the current age', async () => {
    const body = cohortViewSchema.parse(await (await call(getCohort, LLAMA.repoId)).json());
    expect(body.peers).toBe(4);
    expect(body.age).toBe(LLAMA.values.length - 1);
    expect(body.fan[0]).toMatchObject({ age: 0, p50: 0, n: 4 });
    // Observed at age 19: facebook/opt-x (47 at 19) and Qwen/Qwen-old (103): Llama-A (414) is above both.
    expect(body.percentile).toBe(100);
  });

  test('derivatives: largest by all-time downloads, filter by relation', async () => {
    const body = derivativeListSchema.parse(
      await (await call(getDerivatives, LLAMA.repoId, '?limit=2')).json(),
    );
    expect(body.total).toBe(3);
    expect(body.items.map((d) => d.repoId)).toEqual(['someone/llama-a-gguf', 'someone/llama-a-chat']);
    const adapters = derivativeListSchema.parse(
      await (await call(getDerivatives, LLAMA.repoId, '?relation=adapter')).json(),
    );
    expect(adapters.items.map((d) => d.relation)).toEqual(['adapter']);
  });

  test('badge: cached SVG from the database', async () => {
    const res = await call(getBadge, LLAMA.repoId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const svg = await res.text();
    expect(svg).toContain('>414<');
    expect(svg).toContain('stroke-dasharray');
  });
});

describe('bad input', () => {
  const handlers: Record<string, Handler> = {
    model: getModel,
    series: getSeries,
    forecast: getForecast,
    'track-record': getTrackRecord,
    cohort: getCohort,
    derivatives: getDerivatives,
    badge: getBadge,
  };
  const llama = LLAMA.repoId;
  test.each([
    ['forecast', llama, '?fc=0', 400, 'fc'],
    ['forecast', llama, '?fc=37', 400, 'fc'],
    ['forecast', llama, '?fc=abc', 400, 'fc'],
    ['forecast', llama, '?metric=downloads&fc=121', 400, 'fc'],
    ['forecast', llama, '?metric=downloads', 404, 'downloads'],
    ['forecast', llama, '?asof=2023-13', 400, 'asof'],
    ['forecast', llama, '?asof=2023-03', 422, 'asof'],
    ['forecast', llama, '?asof=2030-01', 422, 'asof'],
    ['forecast', llama, '?metric=stars', 400, 'metric'],
    ['forecast', llama, '?metric=merge', 404, 'merge'],
    ['forecast', 'meta-llama/Nope', '', 404, 'meta-llama/Nope'],
    ['series', 'meta-llama/Nope', '', 404, 'meta-llama/Nope'],
    ['series', 'meta-llama/bad name!', '', 400, 'name'],
    ['series', llama, '?format=xml', 400, 'format'],
    ['model', 'nobody/nothing', '', 404, 'nobody/nothing'],
    ['derivatives', llama, '?limit=51', 400, 'limit'],
    ['derivatives', llama, '?relation=fork', 400, 'relation'],
    ['cohort', llama, '?window=0', 400, 'window'],
    ['track-record', llama, '?metric=downloads', 400, 'metric'],
    ['badge', llama, '?fc=99', 400, 'fc'],
  ] as const)('%s %s%s → %i naming %s', async (route, repoId, query, status, named) => {
    const res = await call(handlers[route], repoId, query);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(
      status === 400 ? 'bad_request' : status === 404 ? 'not_found' : 'unprocessable_entity',
    );
    expect(body.error.message).toContain(named);
  });
});

describe('forecast caching', () => {
  const fitsOf = () => env.db.prisma.fit.findMany({ where: { method: 'wsb-eb' }, orderBy: { id: 'asc' } });

  test('a second identical request reads the stored Fit row instead of refitting', async () => {
    await call(getForecast, SEED_MODELS.qwenA.repoId, '?asof=2023-12');
    const before = await fitsOf();
    clearDataCache();
    const res = await call(getForecast, SEED_MODELS.qwenA.repoId, '?asof=2023-12');
    expect(res.status).toBe(200);
    expect(await fitsOf()).toEqual(before);
  });

  test('identical concurrent requests fit once', async () => {
    const [{ max }] = await env.db.sql.query<{ max: number }>(`SELECT max(id) AS max FROM "Fit"`);
    clearDataCache();
    const bodies = await Promise.all(
      Array.from({ length: 5 }, async () => {
        clearDataCache();
        return (await call(getForecast, SEED_MODELS.llamaB.repoId, '?asof=2023-10')).json();
      }),
    );
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    const created = await env.db.prisma.fit.findMany({ where: { id: { gt: max } } });
    // One fit, inserted once: a second computation would have replaced the row with a higher id.
    expect(created.map((f) => f.id)).toEqual([max + 1]);
  });
});

describe('CSV carries the same numbers as JSON', () => {
  test('series', async () => {
    const json = seriesViewSchema.parse(
      await (await call(getSeries, LLAMA.repoId, '?metric=finetune')).json(),
    );
    const res = await call(getSeries, LLAMA.repoId, '?metric=finetune&format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await res.text());
    expect(rows.map((r) => [Number(r.index), r.date, Number(r.value), Number(r.increment)])).toEqual(
      json.points.map((p) => [p.index, p.date, p.value, p.increment]),
    );
  });

  test('forecast', async () => {
    const json = forecastViewSchema.parse(
      await (await call(getForecast, LLAMA.repoId, '?asof=2023-09')).json(),
    );
    const rows = parseCsv(await (await call(getForecast, LLAMA.repoId, '?asof=2023-09&format=csv')).text());
    const byIndex = new Map(rows.map((r) => [Number(r.index), r]));
    for (const p of json.forecast) {
      const row = byIndex.get(p.index);
      expect([row?.date, Number(row?.mean), Number(row?.lo80), Number(row?.hi95)]).toEqual([
        p.date,
        p.mean,
        p.lo80,
        p.hi95,
      ]);
    }
    for (const p of json.fitted) expect(Number(byIndex.get(p.index)?.fitted)).toBe(p.value);
    for (const p of json.actual) expect(Number(byIndex.get(p.index)?.actual)).toBe(p.value);
  });
});
