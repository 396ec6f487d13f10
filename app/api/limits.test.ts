// The expensive endpoints answer 429 with Retry-After in the shared error shape; cheap ones are not limited.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { resetRateLimits } from '@/lib/api/rate-limit.ts';
import { openSeededDatabase, SEED_MODELS } from '@/test/helpers/seed.ts';
import { GET as getCompareImage } from './compare/image/route.ts';
import { GET as getCompare } from './compare/route.ts';
import { GET as getBadge } from './models/[org]/[name]/badge.svg/route.ts';
import { GET as getForecast } from './models/[org]/[name]/forecast/route.ts';

const saved = process.env.RATE_LIMIT_PER_MINUTE;
let env: Awaited<ReturnType<typeof openSeededDatabase>>;
beforeAll(async () => {
  env = await openSeededDatabase();
});
afterAll(async () => {
  await env.close();
  if (saved === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
  else process.env.RATE_LIMIT_PER_MINUTE = saved;
  resetRateLimits();
});
beforeEach(() => {
  process.env.RATE_LIMIT_PER_MINUTE = '3';
  resetRateLimits();
});

const [org, name] = SEED_MODELS.llamaA.repoId.split('/');
const ctx = () => ({ params: Promise.resolve({ org, name }) });
const req = (path: string, ip = '203.0.113.9') =>
  new Request(`http://test${path}`, { headers: { 'x-forwarded-for': ip } });

const ROUTES: [string, () => Promise<Response>][] = [
  ['forecast with asof', () => getForecast(req(`/api/models/${org}/${name}/forecast?asof=2023-09`), ctx())],
  ['compare', () => getCompare(req(`/api/compare?m=${SEED_MODELS.llamaA.repoId}`))],
  ['compare image', () => getCompareImage(req(`/api/compare/image?m=${SEED_MODELS.llamaA.repoId}`))],
  ['badge', () => getBadge(req(`/api/models/${org}/${name}/badge.svg`), ctx())],
];

test.each(ROUTES)('%s: the 4th request in a minute is a 429 with Retry-After', async (_name, call) => {
  for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
  const res = await call();
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const body = await res.json();
  expect(body.error.code).toBe('rate_limited');
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
});

test('the forecast without asof (a stored fit) is not limited', async () => {
  for (let i = 0; i < 6; i++) {
    expect((await getForecast(req(`/api/models/${org}/${name}/forecast`), ctx())).status).toBe(200);
  }
});
