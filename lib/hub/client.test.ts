import { afterEach, describe, expect, test } from 'vitest';
import { HubClient } from '@/lib/hub/client.ts';
import { FakeClock } from '@/lib/hub/clock.ts';
import { HubAuthError, HubMalformedResponseError, HubNotFoundError } from '@/lib/hub/errors.ts';
import { parseRateLimit, RequestPacer } from '@/lib/hub/rate-limit.ts';
import {
  generateMockModels,
  type MockHub,
  type MockHubOptions,
  startMockHub,
} from '@/test/mock-hub/index.ts';

let hub: MockHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function setup(options: MockHubOptions = {}, token?: string) {
  const clock = new FakeClock();
  hub = await startMockHub({ models: generateMockModels(), now: () => clock.now(), ...options });
  const client = new HubClient({ endpoint: hub.url, clock, token, random: () => 0.5, timeoutMs: 2_000 });
  return { clock, client, hub };
}

describe('parseRateLimit', () => {
  test('reads the IETF draft headers of the Hub', () => {
    const headers = new Headers({
      ratelimit: '"api";r=489;t=189',
      'ratelimit-policy': '"fixed window";"api";q=500;w=300',
    });
    expect(parseRateLimit(headers)).toEqual({
      remaining: 489,
      resetSeconds: 189,
      quota: 500,
      windowSeconds: 300,
    });
    expect(parseRateLimit(new Headers())).toBeUndefined();
  });
});

describe('RequestPacer', () => {
  test.each([
    // remaining, quota, seconds to reset, expected delay (ms)
    [400, 500, 200, 0],
    [200, 500, 200, Math.ceil(200_000 / 190)],
    [10, 500, 100, 101_000],
    [0, 500, 30, 31_000],
  ])('r=%i of q=%i with t=%is waits %ims', (remaining, quota, t, expected) => {
    const pacer = new RequestPacer();
    pacer.observe({ remaining, quota, resetSeconds: t }, 0);
    pacer.sent(0);
    pacer.observe({ remaining, quota, resetSeconds: t }, 0);
    expect(pacer.delayBefore(0)).toBe(expected);
  });
});

describe('HubClient against the mock Hub', () => {
  test('never exceeds the budget: a long run of requests paces itself over windows', async () => {
    const { client, clock, hub } = await setup({ quota: 20 });
    for (let i = 0; i < 70; i++) await client.getJson('/api/models?limit=1');
    expect(hub.state.rateLimited).toBe(0);
    expect(hub.state.maxUsedInWindow).toBeLessThanOrEqual(20);
    // 70 requests at ≤ 19 per 300 s window need at least three window changes.
    expect(clock.slept).toBeGreaterThanOrEqual(3 * 300_000 - 300_000);
  });

  test('on an injected 429 with r=0 it waits t+1 s, then succeeds', async () => {
    const { client, clock, hub } = await setup({ faults: [{ on: 1, kind: '429' }] });
    const reset = Math.ceil((300_000 - (clock.now() % 300_000)) / 1000);
    await client.getJson('/api/models?limit=1');
    expect(hub.state.injected429).toBe(1);
    expect(client.stats.rateLimited).toBe(1);
    expect(clock.slept).toBe((reset + 1) * 1000);
  });

  test('honours Retry-After when the 429 has no RateLimit header', async () => {
    const { client, clock } = await setup({
      faults: [{ on: 1, kind: '429', withRateLimit: false, retryAfter: 7 }],
    });
    await client.getJson('/api/models?limit=1');
    expect(clock.slept).toBe(7_000);
  });

  test('retries 5xx, HTML and truncated JSON with growing backoff', async () => {
    const { client, clock } = await setup({
      faults: [
        { on: 1, kind: 'status', status: 502 },
        { on: 2, kind: 'html' },
        { on: 3, kind: 'truncated' },
      ],
    });
    const { body } = await client.getJson('/api/models?limit=1');
    expect(Array.isArray(body)).toBe(true);
    expect(client.stats.retries).toBe(3);
    // equal jitter at random 0.5: 0.75 × (1 + 2 + 4) s
    expect(clock.slept).toBe(750 + 1500 + 3000);
  });

  test('gives up after the attempts are spent, with a typed error', async () => {
    const { client } = await setup({ faults: [{ on: () => true, kind: 'html', times: 99 }] });
    await expect(client.getJson('/api/models')).rejects.toBeInstanceOf(HubMalformedResponseError);
    expect(client.stats.requests).toBe(5);
  });

  test('a slow response times out and is retried', async () => {
    const clock = new FakeClock();
    hub = await startMockHub({
      models: generateMockModels(),
      now: () => clock.now(),
      faults: [{ on: 1, kind: 'slow', delayMs: 500 }],
    });
    const client = new HubClient({ endpoint: hub.url, clock, timeoutMs: 100 });
    await client.getJson('/api/models?limit=1');
    expect(client.stats.retries).toBe(1);
  });

  test('follows a 307 rename and reports where it came from', async () => {
    const { client, hub } = await setup({ renames: { 'old-org/old-name': 'acme-ai/acme-1b' } });
    const response = await client.getJson('/api/models/old-org/old-name?expand[]=likes');
    expect((response.body as { id: string }).id).toBe('acme-ai/acme-1b');
    expect(response.redirectedFrom).toEqual([`${hub.url}/api/models/old-org/old-name?expand[]=likes`]);
  });

  test('not found: 401 anonymous and 404 with a token are HubNotFoundError; a refused token is HubAuthError', async () => {
    const anonymous = await setup({ tokens: ['hf_ok'] });
    await expect(anonymous.client.getJson('/api/models/no/such')).rejects.toBeInstanceOf(HubNotFoundError);
    const withToken = new HubClient({ endpoint: anonymous.hub.url, token: 'hf_ok', clock: anonymous.clock });
    await expect(withToken.getJson('/api/models/no/such')).rejects.toMatchObject({ status: 404 });
    const badToken = new HubClient({ endpoint: anonymous.hub.url, token: 'hf_bad', clock: anonymous.clock });
    await expect(badToken.getJson('/api/models/acme-ai/acme-1b')).rejects.toBeInstanceOf(HubAuthError);
    expect(anonymous.hub.state.requests.filter((r) => r.token === 'hf_ok')).toHaveLength(1);
  });

  test('an aborted signal stops waiting at once', async () => {
    const clock = new FakeClock();
    hub = await startMockHub({ models: generateMockModels(), now: () => clock.now() });
    const controller = new AbortController();
    const client = new HubClient({ endpoint: hub.url, clock, signal: controller.signal });
    controller.abort(new Error('killed'));
    await expect(client.getJson('/api/models')).rejects.toThrow('killed');
  });
});
