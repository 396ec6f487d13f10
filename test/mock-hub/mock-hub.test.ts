import { afterEach, describe, expect, test } from 'vitest';
import { FakeClock } from '@/lib/hub/clock.ts';
import { nextLink } from '@/lib/hub/link.ts';
import { generateMockModels, type MockHub, type MockModel, startMockHub } from '@/test/mock-hub/index.ts';

const base: MockModel = {
  _id: '650000000000000000000001',
  id: 'org/base',
  createdAt: '2024-01-10T00:00:00.000Z',
  downloads: 100,
  downloadsAllTime: 1000,
  likes: 5,
  tags: ['transformers'],
};
const child = (n: number, relation: 'finetune' | 'quantized' = 'finetune'): MockModel => ({
  ...base,
  _id: `65000000000000000000010${n}`,
  id: `user/child-${n}`,
  downloads: 10 * n,
  tags: ['gguf'],
  parents: [{ id: 'org/base', relation }],
});

let hub: MockHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function get(path: string, token?: string) {
  const response = await fetch(`${hub?.url}${path}`, {
    redirect: 'manual',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return { response, text, json: () => JSON.parse(text) };
}

describe('mock Hub', () => {
  test('lists with default fields, filter by lineage tag and Link pagination to the end', async () => {
    hub = await startMockHub({ models: [base, child(1), child(2), child(3), child(4, 'quantized')] });
    const first = await get('/api/models?filter=base_model:finetune:org/base&sort=downloads&limit=2');
    const items = first.json();
    expect(items.map((m: MockModel) => m.id)).toEqual(['user/child-3', 'user/child-2']);
    expect(Object.keys(items[0]).sort()).toEqual(
      [
        '_id',
        'id',
        'likes',
        'trendingScore',
        'private',
        'downloads',
        'tags',
        'pipeline_tag',
        'library_name',
        'createdAt',
        'modelId',
      ]
        .filter((k) => k in items[0])
        .sort(),
    );
    expect(items[0].tags).toContain('base_model:finetune:org/base');
    expect(items[0].tags).toContain('base_model:org/base');
    const next = nextLink(first.response.headers.get('link'), `${hub.url}/api/models`);
    expect(next).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/models\?.*filter=.*sort=downloads.*limit=2.*cursor=/,
    );
    const second = await get(String(next).slice(hub.url.length));
    expect(second.json().map((m: MockModel) => m.id)).toEqual(['user/child-1']);
    expect(second.response.headers.get('link')).toBeNull();
  });

  test('expand returns only _id, id and the requested keys; an unknown key is a 400', async () => {
    hub = await startMockHub({ models: [base, child(1)] });
    const { json } = await get('/api/models?author=user&expand[]=downloadsAllTime&expand=baseModels');
    expect(json()).toEqual([
      {
        _id: child(1)._id,
        id: 'user/child-1',
        downloadsAllTime: 1000,
        baseModels: { relation: 'finetune', models: [{ _id: base._id, id: 'org/base' }] },
      },
    ]);
    expect((await get('/api/models?expand[]=childrenModelCount')).response.status).toBe(400);
    expect((await get('/api/models?expand[]=bogus')).response.status).toBe(400);
  });

  test('detail route and revision route, with childrenModelCount', async () => {
    hub = await startMockHub({ models: [base, child(1), child(2, 'quantized')] });
    const detail = (
      await get('/api/models/org/base/revision/HEAD?expand[]=childrenModelCount&expand[]=createdAt')
    ).json();
    expect(detail).toEqual({
      _id: base._id,
      id: 'org/base',
      childrenModelCount: { finetune: 1, quantized: 1 },
      createdAt: base.createdAt,
    });
    const plain = (await get('/api/models/user/child-1')).json();
    expect(plain.cardData).toEqual({ base_model: 'org/base', base_model_relation: 'finetune' });
    expect(plain.downloadsAllTime).toBeUndefined();
  });

  test('missing repos: 401 anonymous, 404 RepoNotFound with a token, 401 for a bad token; 307 renames', async () => {
    hub = await startMockHub({ models: [base], renames: { 'old/name': 'org/base' }, tokens: ['hf_good'] });
    expect((await get('/api/models/no/such')).response.status).toBe(401);
    const notFound = await get('/api/models/no/such', 'hf_good');
    expect(notFound.response.status).toBe(404);
    expect(notFound.response.headers.get('x-error-code')).toBe('RepoNotFound');
    expect((await get('/api/models/org/base', 'hf_bad')).response.status).toBe(401);
    const moved = await get('/api/models/old/name?expand[]=likes');
    expect(moved.response.status).toBe(307);
    expect(moved.response.headers.get('location')).toBe('/api/models/org/base?expand[]=likes');
    expect(moved.response.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  test('fixed-window rate limit: headers on every response, 429 with r=0 when spent, new window later', async () => {
    const clock = new FakeClock();
    hub = await startMockHub({ models: [base], quota: 3, now: () => clock.now() });
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { response } = await get('/api/models?limit=1');
      seen.push(`${response.status} ${response.headers.get('ratelimit')}`);
    }
    expect(seen.map((s) => s.replace(/t=\d+/, 't'))).toEqual([
      '200 "api";r=2;t',
      '200 "api";r=1;t',
      '200 "api";r=0;t',
      '429 "api";r=0;t',
    ]);
    expect(hub.state.rateLimited).toBe(1);
    clock.advance(300_000);
    expect((await get('/api/models?limit=1')).response.status).toBe(200);
  });

  test('faults: 5xx, HTML, truncated JSON and malformed items', async () => {
    hub = await startMockHub({
      models: [base, { ...child(1), malformed: 'missing-id' }],
      faults: [
        { on: 1, kind: 'status', status: 503 },
        { on: 2, kind: 'html' },
        { on: 3, kind: 'truncated' },
      ],
    });
    expect((await get('/api/models')).response.status).toBe(503);
    expect((await get('/api/models')).text).toMatch(/^<!DOCTYPE html>/);
    await expect(get('/api/models').then((r) => r.json())).rejects.toThrow();
    const items = (await get('/api/models')).json();
    expect(items.filter((m: { id?: string }) => m.id === undefined)).toHaveLength(1);
  });

  test('the generated fixture is deterministic and has merges, grandchildren and a placeholder date', () => {
    const models = generateMockModels();
    expect(generateMockModels()).toEqual(models);
    expect(models.some((m) => (m.parents?.length ?? 0) > 1)).toBe(true);
    expect(models.some((m) => m.createdAt.startsWith('2022-03-02'))).toBe(true);
    const ids = new Set(models.map((m) => m.id));
    expect(ids.size).toBe(models.length);
    expect(models.every((m) => (m.parents ?? []).every((p) => ids.has(p.id)))).toBe(true);
  });
});
