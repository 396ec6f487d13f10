import { describe, expect, test } from 'vitest';
import { ApiError } from '@/lib/api/errors.ts';
import {
  clientKey,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  enforceRateLimit,
  RateLimiter,
  rateLimitFromEnv,
  resetRateLimits,
} from './rate-limit.ts';

describe('token bucket', () => {
  test('a burst of perMinute, then one token every 60/perMinute s, per client', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 6, now: () => now });
    for (let i = 0; i < 6; i++) expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10);
    expect(limiter.take('b')).toBe(0);
    now += 5_000;
    expect(limiter.take('a')).toBe(5);
    now += 5_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10);
  });

  test('0 turns limiting off', () => {
    const limiter = new RateLimiter({ perMinute: 0 });
    for (let i = 0; i < 1000; i++) expect(limiter.take('a')).toBe(0);
  });

  test('idle clients are forgotten', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 10, now: () => now });
    for (let i = 0; i < 100; i++) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(100);
    now += 11 * 60_000;
    limiter.take('late');
    expect(limiter.size).toBe(1);
  });
});

describe('configuration and client key', () => {
  test.each([
    [undefined, DEFAULT_RATE_LIMIT_PER_MINUTE],
    ['', DEFAULT_RATE_LIMIT_PER_MINUTE],
    ['30', 30],
    ['0', 0],
    ['-5', DEFAULT_RATE_LIMIT_PER_MINUTE],
    ['lots', DEFAULT_RATE_LIMIT_PER_MINUTE],
  ])('RATE_LIMIT_PER_MINUTE=%s → %i', (value, expected) => {
    expect(rateLimitFromEnv({ RATE_LIMIT_PER_MINUTE: value })).toBe(expected);
  });

  test.each([
    [{ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }, '203.0.113.7'],
    [{ 'x-real-ip': '198.51.100.2' }, '198.51.100.2'],
    [{ 'x-forwarded-for': ' ', 'x-real-ip': '198.51.100.2' }, '198.51.100.2'],
    [{}, 'local'],
  ])('%o → %s', (headers, key) => {
    expect(clientKey(new Headers(headers))).toBe(key);
  });
});

test('enforceRateLimit throws rate_limited with Retry-After once the budget is spent', () => {
  const saved = process.env.RATE_LIMIT_PER_MINUTE;
  process.env.RATE_LIMIT_PER_MINUTE = '2';
  resetRateLimits();
  try {
    const request = new Request('http://test', { headers: { 'x-forwarded-for': '192.0.2.1' } });
    enforceRateLimit(request);
    enforceRateLimit(request);
    let thrown: unknown;
    try {
      enforceRateLimit(request);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).code).toBe('rate_limited');
    expect(Number((thrown as ApiError).headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    // Another client has its own budget.
    enforceRateLimit(new Request('http://test', { headers: { 'x-forwarded-for': '192.0.2.2' } }));
  } finally {
    if (saved === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
    else process.env.RATE_LIMIT_PER_MINUTE = saved;
    resetRateLimits();
  }
});
