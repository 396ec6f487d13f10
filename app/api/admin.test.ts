// Admin actions: the token check, bounded bodies, jobs started in the background, the org-author editor.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '@/lib/api/body.ts';
import { settleJob } from '@/lib/jobs/run-job.ts';
import { jobSchema } from '@/lib/schemas/jobs.ts';
import { orgDetailSchema, orgListSchema } from '@/lib/schemas/orgs.ts';
import { openSeededDatabase } from '@/test/helpers/seed.ts';
import { generateMockModels, startMockHub } from '@/test/mock-hub/index.ts';
import { GET as getJob } from './jobs/[id]/route.ts';
import { POST as postJob } from './jobs/route.ts';
import { PUT as putAuthors } from './orgs/[slug]/authors/route.ts';
import { GET as getOrg } from './orgs/[slug]/route.ts';
import { GET as getOrgs } from './orgs/route.ts';

const TOKEN = 'test-admin-token-0123456789';
const saved = process.env.ADMIN_TOKEN;

function post(body: unknown, token: string | null = TOKEN, raw?: string): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return new Request('http://test/api/jobs', {
    method: 'POST',
    headers,
    body: raw ?? JSON.stringify(body),
  });
}

function put(
  slug: string,
  body: unknown,
  token: string | null = TOKEN,
): [Request, { params: Promise<{ slug: string }> }] {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return [
    new Request(`http://test/api/orgs/${slug}/authors`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  ];
}

let env: Awaited<ReturnType<typeof openSeededDatabase>>;
beforeAll(async () => {
  process.env.ADMIN_TOKEN = TOKEN;
  env = await openSeededDatabase();
});
afterAll(async () => {
  await Promise.all([settleJob('fit'), settleJob('import'), settleJob('crawl')]);
  await env.close();
  if (saved === undefined) delete process.env.ADMIN_TOKEN;
  else process.env.ADMIN_TOKEN = saved;
});
afterEach(() => {
  process.env.ADMIN_TOKEN = TOKEN;
});

describe('authorisation', () => {
  test.each([
    ['no token', null, 401, 'unauthorized'],
    ['a wrong token', 'nope', 403, 'forbidden'],
    ['a token one character off', `${TOKEN.slice(0, -1)}X`, 403, 'forbidden'],
    ['a much longer token', TOKEN.repeat(50), 403, 'forbidden'],
  ])('%s → %i', async (_name, token, status, code) => {
    const res = await postJob(post({ kind: 'fit' }, token));
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    const [req, ctx] = put('meta', { authors: ['meta-llama'] }, token);
    expect((await putAuthors(req, ctx)).status).toBe(status);
  });

  test('without ADMIN_TOKEN admin actions are disabled (403 saying so)', async () => {
    delete process.env.ADMIN_TOKEN;
    const res = await postJob(post({ kind: 'fit' }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/admin actions are disabled/i);
  });

  test('a malformed Authorization header is a missing token (401)', async () => {
    const req = new Request('http://test/api/jobs', {
      method: 'POST',
      headers: { authorization: `Basic ${TOKEN}` },
      body: '{"kind":"fit"}',
    });
    expect((await postJob(req)).status).toBe(401);
  });
});

describe('bodies', () => {
  test.each([
    ['not JSON', '{kind:', 400],
    ['an unknown kind', JSON.stringify({ kind: 'simulate' }), 400],
    ['an unknown key', JSON.stringify({ kind: 'fit', force: true, extra: 1 }), 400],
    ['a crawl with nothing to crawl', JSON.stringify({ kind: 'crawl', params: {} }), 400],
    ['a crawl with a bad id', JSON.stringify({ kind: 'crawl', params: { bases: ['../etc'] } }), 400],
    ['a crawl too deep', JSON.stringify({ kind: 'crawl', params: { bases: ['a/b'], depth: 99 } }), 400],
    ['an import of another source', JSON.stringify({ kind: 'import', source: 'hub-dump' }), 400],
  ])('%s → %i', async (_name, raw, status) => {
    const res = await postJob(post(null, TOKEN, raw));
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe('bad_request');
  });

  test(`a body over ${MAX_BODY_BYTES} bytes → 413, with or without Content-Length`, async () => {
    const big = JSON.stringify({ kind: 'crawl', params: { bases: Array(20_000).fill('org/model') } });
    const res = await postJob(post(null, TOKEN, big));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
        controller.close();
      },
    });
    const req = new Request('http://test/api/jobs', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect((await postJob(req)).status).toBe(413);
  });
});

describe('jobs', () => {
  test('a refit runs in the background: 202 with the job, 409 for a second one, then it succeeds', async () => {
    const res = await postJob(post({ kind: 'fit', force: true }));
    expect(res.status).toBe(202);
    const job = jobSchema.parse(await res.json());
    expect(job).toMatchObject({ kind: 'fit', status: 'running' });
    const again = await postJob(post({ kind: 'fit' }));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('conflict');
    await settleJob('fit');
    const done = jobSchema.parse(
      await (
        await getJob(new Request('http://test'), { params: Promise.resolve({ id: String(job.id) }) })
      ).json(),
    );
    expect(done.status).toBe('succeeded');
    expect(done.done).toBe(done.total);
  });

  test('an import from a folder that does not exist: 202, then the job fails with the reason', async () => {
    const res = await postJob(post({ kind: 'import', source: 'paper', from: '/nonexistent/paper-data' }));
    expect(res.status).toBe(202);
    const job = jobSchema.parse(await res.json());
    await settleJob('import');
    const done = jobSchema.parse(
      await (
        await getJob(new Request('http://test'), { params: Promise.resolve({ id: String(job.id) }) })
      ).json(),
    );
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/nonexistent/);
  });

  test('a crawl runs against the Hub of HF_ENDPOINT and stores what it found', async () => {
    const hub = await startMockHub({ models: generateMockModels() });
    const savedEndpoint = process.env.HF_ENDPOINT;
    process.env.HF_ENDPOINT = hub.url;
    try {
      const res = await postJob(post({ kind: 'crawl', params: { bases: ['orbit/orbit-1b'], depth: 1 } }));
      expect(res.status).toBe(202);
      const job = jobSchema.parse(await res.json());
      expect(job.kind).toBe('crawl');
      await settleJob('crawl');
      const done = jobSchema.parse(
        await (
          await getJob(new Request('http://test'), { params: Promise.resolve({ id: String(job.id) }) })
        ).json(),
      );
      expect(done.status).toBe('succeeded');
      expect(await env.db.prisma.hubModel.count({ where: { repoId: 'orbit/orbit-1b', crawled: true } })).toBe(
        1,
      );
    } finally {
      if (savedEndpoint === undefined) delete process.env.HF_ENDPOINT;
      else process.env.HF_ENDPOINT = savedEndpoint;
      await hub.close();
    }
  });

  test('resuming a crawl when there is none is a 400 naming the reason', async () => {
    const res = await postJob(post({ kind: 'crawl', params: { resume: true } }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/no unfinished crawl/);
  });
});

describe('organisation authors', () => {
  test('replacing the authors moves an author from another organisation and refreshes cached views', async () => {
    const before = orgListSchema.parse(await (await getOrgs()).json());
    expect(before.items.find((o) => o.slug === 'qwen')?.models).toBe(3);
    const [req, ctx] = put('meta', { authors: ['meta-llama', 'facebook', 'Qwen', 'meta-llama'] });
    const res = await putAuthors(req, ctx);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      slug: 'meta',
      authors: ['Qwen', 'facebook', 'meta-llama'],
      moved: [{ author: 'Qwen', from: 'qwen' }],
    });
    const after = orgListSchema.parse(await (await getOrgs()).json());
    expect(after.items.find((o) => o.slug === 'meta')?.models).toBe(6);
    expect(after.items.find((o) => o.slug === 'qwen')?.authors).toEqual([]);
    const [back, backCtx] = put('qwen', { authors: ['Qwen'] });
    expect((await putAuthors(back, backCtx)).status).toBe(200);
    const [meta, metaCtx] = put('meta', { authors: ['facebook', 'meta-llama'] });
    expect((await putAuthors(meta, metaCtx)).status).toBe(200);
    const detail = orgDetailSchema.parse(
      await (await getOrg(new Request('http://test'), { params: Promise.resolve({ slug: 'meta' }) })).json(),
    );
    expect(detail.org.authors).toEqual(['facebook', 'meta-llama']);
  });

  test.each([
    ['an unknown organisation', 'nope', { authors: [] }, 404],
    ['a bad slug', 'Not A Slug', { authors: [] }, 400],
    ['authors that are not Hub names', 'meta', { authors: ['a b'] }, 400],
    ['not a list', 'meta', { authors: 'meta-llama' }, 400],
  ])('%s → %i', async (_name, slug, body, status) => {
    const [req, ctx] = put(slug, body);
    const res = await putAuthors(req, ctx);
    expect(res.status).toBe(status);
    expect(Object.keys((await res.json()).error)).toEqual(['code', 'message']);
  });
});
