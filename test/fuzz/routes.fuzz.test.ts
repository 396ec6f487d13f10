// Property-based fuzzing of every API route's inputs (fast-check): whatever the query string, path
// segments or body, never a 5xx, always the one error shape on 4xx, and no internals in a message.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as getCompareImage } from '@/app/api/compare/image/route.ts';
import { GET as getCompare } from '@/app/api/compare/route.ts';
import { GET as getEcosystem } from '@/app/api/ecosystem/route.ts';
import { GET as getHealth } from '@/app/api/health/route.ts';
import { GET as getJob } from '@/app/api/jobs/[id]/route.ts';
import { GET as getJobs, POST as postJob } from '@/app/api/jobs/route.ts';
import { GET as getMethods } from '@/app/api/methods/route.ts';
import { GET as getBadge } from '@/app/api/models/[org]/[name]/badge.svg/route.ts';
import { GET as getCohort } from '@/app/api/models/[org]/[name]/cohort/route.ts';
import { GET as getDerivatives } from '@/app/api/models/[org]/[name]/derivatives/route.ts';
import { GET as getForecast } from '@/app/api/models/[org]/[name]/forecast/route.ts';
import { GET as getModel } from '@/app/api/models/[org]/[name]/route.ts';
import { GET as getSeries } from '@/app/api/models/[org]/[name]/series/route.ts';
import { GET as getTrackRecord } from '@/app/api/models/[org]/[name]/track-record/route.ts';
import { GET as getModels } from '@/app/api/models/route.ts';
import { PUT as putAuthors } from '@/app/api/orgs/[slug]/authors/route.ts';
import { GET as getOrg } from '@/app/api/orgs/[slug]/route.ts';
import { GET as getOrgsCompare } from '@/app/api/orgs/compare/route.ts';
import { GET as getOrgs } from '@/app/api/orgs/route.ts';
import { GET as getParameters } from '@/app/api/parameters/route.ts';
import { GET as getSearch } from '@/app/api/search/route.ts';
import { ERROR_STATUS, type ErrorCode } from '@/lib/api/errors.ts';
import { resetRateLimits } from '@/lib/api/rate-limit.ts';
import { settleJob } from '@/lib/jobs/run-job.ts';
import { openSeededDatabase, SEED_MODELS } from '@/test/helpers/seed.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const TOKEN = 'fuzz-admin-token';
// What a message must never show: stack frames, the ORM, server paths.
const LEAK = /(^|\n)\s*at |\bat \S+ \(|\w\.(ts|js):\d+|prisma|\/work\/|node_modules|\/tmp\//i;

const saved = {
  token: process.env.ADMIN_TOKEN,
  limit: process.env.RATE_LIMIT_PER_MINUTE,
  hub: process.env.HF_ENDPOINT,
};
let env: Awaited<ReturnType<typeof openSeededDatabase>>;
beforeAll(async () => {
  process.env.ADMIN_TOKEN = TOKEN;
  // The handlers themselves are under test, not the limiter (tested in app/api/limits.test.ts).
  process.env.RATE_LIMIT_PER_MINUTE = '0';
  // A crawl started by a valid fuzzed body must fail fast and offline.
  process.env.HF_ENDPOINT = 'http://127.0.0.1:9';
  resetRateLimits();
  env = await openSeededDatabase();
});
afterAll(async () => {
  await Promise.all([settleJob('fit'), settleJob('import'), settleJob('crawl')]);
  await env.close();
  for (const [key, value] of [
    ['ADMIN_TOKEN', saved.token],
    ['RATE_LIMIT_PER_MINUTE', saved.limit],
    ['HF_ENDPOINT', saved.hub],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetRateLimits();
}, 120_000);

/** Statuses seen by the current property, to check that it reached the handlers' success path too. */
let statuses = new Set<number>();

/** Asserts the response is not a server error, and on 4xx has exactly the error shape. */
async function checkResponse(res: Response, input: string): Promise<void> {
  statuses.add(res.status);
  expect(res.status, `${input} → ${res.status}`).toBeLessThan(500);
  if (res.status < 400) {
    await res.arrayBuffer();
    return;
  }
  const body = (await res.json()) as { error: { code: ErrorCode; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
  expect(ERROR_STATUS[body.error.code], input).toBe(res.status);
  expect(typeof body.error.message).toBe('string');
  if (!LEAK.test(input)) expect(body.error.message, input).not.toMatch(LEAK);
}

// ---- arbitraries -------------------------------------------------------------------------------

const KNOWN_KEYS = [
  'q',
  'limit',
  'offset',
  'sort',
  'dir',
  'org',
  'metric',
  'fc',
  'asof',
  'format',
  'window',
  'relation',
  'm',
  'align',
  'lambdaMin',
  'lambdaMax',
  'orgs',
  'method',
  'cohort',
  'min',
  'kind',
  'status',
];
const repoIds = Object.values(SEED_MODELS).map((m) => m.repoId);

const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-0',
    '0x10',
    '1_000',
    ' 12 ',
    '12abc',
    '9'.repeat(400),
  ),
);
const valueText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  numberText,
  fc.constantFrom(
    '',
    'all',
    'downloads',
    'csv',
    'json',
    'calendar',
    'paper-published',
    'meta',
    '2023-09',
    '2024-13',
    '0000-01',
  ),
  fc.constantFrom(...repoIds),
  fc.array(fc.constantFrom(...repoIds, 'x/y', '', '~'), { maxLength: 14 }).map((ids) => ids.join('~')),
  fc.string({ minLength: 2000, maxLength: 5000 }),
);
const keyText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  fc.string({ maxLength: 10 }),
);

const pairs = fc.array(fc.tuple(keyText, valueText), { maxLength: 6 });
const encode = (list: [string, string][]) => {
  const search = new URLSearchParams();
  for (const [k, v] of list) search.append(k, v);
  return search.toString();
};

/**
 * A query string: known and unknown keys, repeated keys, anything as values; sometimes raw (unencoded);
 * sometimes a valid model list first, so that routes needing `m` get past it.
 */
const queryString = fc.oneof(
  { weight: 4, arbitrary: pairs.map(encode) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.subarray(repoIds, { minLength: 1, maxLength: 3 }), pairs)
      .map(([ids, rest]) => encode([['m', ids.join('~')], ...rest])),
  },
  fc.constantFrom(
    '%',
    '%%',
    '%E0%A4%A',
    'fc=%FF',
    '&&&',
    '=',
    'm=%00',
    'q=%F0%9F%98%80',
    'asof=2024-06&asof=2023-01',
  ),
);

const segment = fc.oneof(
  fc.constantFrom(
    'meta-llama',
    'Llama-A',
    'Qwen',
    'Qwen-A',
    'facebook',
    'opt-x',
    'Qwen-young',
    '..',
    '.',
    '',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ minLength: 90, maxLength: 300 }),
  numberText,
);
const modelPath = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(...repoIds).map((id) => {
      const [org, name] = id.split('/');
      return { org, name };
    }),
  },
  fc.record({ org: segment, name: segment }),
);

const url = (path: string, query: string) => new Request(`http://test${path}${query ? `?${query}` : ''}`);

// ---- properties --------------------------------------------------------------------------------

type Plain = (request: Request) => Promise<Response>;
const COLLECTIONS: [string, Plain, number][] = [
  ['/api/search', getSearch, RUNS],
  ['/api/models', getModels, RUNS],
  ['/api/orgs', () => getOrgs(), 20],
  ['/api/orgs/compare', getOrgsCompare, RUNS],
  ['/api/compare', getCompare, RUNS],
  ['/api/compare/image', getCompareImage, Math.ceil(RUNS / 3)],
  ['/api/parameters', getParameters, RUNS],
  ['/api/ecosystem', getEcosystem, RUNS],
  ['/api/methods', () => getMethods(), 20],
  ['/api/jobs', getJobs, RUNS],
  ['/api/health', () => getHealth(), 20],
];

describe('query strings of collection routes', () => {
  test.each(COLLECTIONS)('GET %s', async (path, handler, numRuns) => {
    statuses = new Set();
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        await checkResponse(await handler(url(path, query)), `${path}?${query}`);
      }),
      { numRuns },
    );
    expect(statuses).toContain(200);
  });
});

type ModelHandler = (
  request: Request,
  ctx: { params: Promise<{ org: string; name: string }> },
) => Promise<Response>;
const MODEL_ROUTES: [string, ModelHandler, number][] = [
  ['', getModel, RUNS],
  ['/series', getSeries, RUNS],
  ['/forecast', getForecast, RUNS],
  ['/track-record', getTrackRecord, Math.ceil(RUNS / 2)],
  ['/cohort', getCohort, RUNS],
  ['/derivatives', getDerivatives, RUNS],
  ['/badge.svg', getBadge, RUNS],
];

describe('path segments and query strings of model routes', () => {
  test.each(MODEL_ROUTES)('GET /api/models/{org}/{name}%s', async (suffix, handler, numRuns) => {
    statuses = new Set();
    await fc.assert(
      fc.asyncProperty(modelPath, queryString, async (params, query) => {
        const input = `/api/models/${params.org}/${params.name}${suffix}?${query}`;
        await checkResponse(
          await handler(url('/api/models/x/y', query), { params: Promise.resolve(params) }),
          input,
        );
      }),
      { numRuns },
    );
    expect(statuses).toContain(200);
  });

  test('GET /api/orgs/{slug} and /api/jobs/{id}', async () => {
    await fc.assert(
      fc.asyncProperty(segment, async (value) => {
        await checkResponse(
          await getOrg(url('/api/orgs/x', ''), { params: Promise.resolve({ slug: value }) }),
          value,
        );
        await checkResponse(
          await getJob(url('/api/jobs/x', ''), { params: Promise.resolve({ id: value }) }),
          value,
        );
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- bodies ------------------------------------------------------------------------------------

const jobLike = fc.record(
  {
    kind: fc.oneof(fc.constantFrom('crawl', 'import', 'fit', 'simulate', ''), fc.anything()),
    source: fc.oneof(fc.constant('paper'), fc.anything()),
    from: fc.oneof(fc.string(), fc.constant('/nonexistent/dir'), fc.anything()),
    force: fc.oneof(fc.boolean(), fc.anything()),
    params: fc.oneof(
      fc.record(
        {
          bases: fc.oneof(fc.array(fc.oneof(fc.constantFrom('a/b', 'org'), fc.string())), fc.anything()),
          authors: fc.array(fc.string()),
          top: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
          depth: fc.oneof(fc.integer(), fc.anything()),
          pageSize: fc.integer(),
          relations: fc.array(fc.oneof(fc.constantFrom('finetune', 'merge'), fc.string())),
          resume: fc.oneof(fc.boolean(), fc.anything()),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: ['kind'] },
);
const body = fc.oneof(
  fc.json().map((text) => ({ text })),
  fc.anything().map((value) => ({ text: JSON.stringify(value) ?? 'undefined' })),
  jobLike.map((value) => ({ text: JSON.stringify(value) })),
  fc.string({ maxLength: 200 }).map((text) => ({ text })),
);
const authHeader = fc.oneof(
  { weight: 3, arbitrary: fc.constant(`Bearer ${TOKEN}`) },
  fc.constant(null),
  fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
  fc.string({ maxLength: 60 }),
);

function request(path: string, method: string, auth: string | null, text: string): Request {
  // Header values must be ByteStrings: what fetch would refuse to send cannot reach the server either.
  const headers = new Headers({ 'content-type': 'application/json' });
  if (auth !== null && /^[\t\x20-\x7e]*$/.test(auth)) headers.set('authorization', auth);
  return new Request(`http://test${path}`, { method, headers, body: text });
}

describe('bodies of admin routes', () => {
  test('POST /api/jobs', async () => {
    await fc.assert(
      fc.asyncProperty(authHeader, body, async (auth, { text }) => {
        const res = await postJob(request('/api/jobs', 'POST', auth, text));
        await checkResponse(res, text);
        expect([202, 400, 401, 403, 409, 413]).toContain(res.status);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('PUT /api/orgs/{slug}/authors', async () => {
    const authors = fc.oneof(
      fc.anything(),
      fc.record({
        authors: fc.array(fc.oneof(fc.constantFrom('meta-llama', 'facebook', 'Qwen'), fc.string()), {
          maxLength: 8,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('meta', 'qwen'), segment),
        authHeader,
        authors,
        async (slug, auth, value) => {
          const text = JSON.stringify(value) ?? '';
          const res = await putAuthors(request('/api/orgs/x/authors', 'PUT', auth, text), {
            params: Promise.resolve({ slug }),
          });
          await checkResponse(res, `${slug} ${text}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
