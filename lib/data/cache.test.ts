import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cached, clearDataCache } from './cache.ts';

const db = vi.hoisted(() => ({ version: { data: 'd1', fits: 'f1' }, reads: 0 }));
vi.mock('@/lib/db.ts', () => ({
  getDb: async () => ({
    $queryRaw: async () => {
      db.reads++;
      return [{ ...db.version }];
    },
  }),
}));

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('cached', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    clearDataCache();
    db.version = { data: 'd1', fits: 'f1' };
    db.reads = 0;
  });
  afterEach(() => vi.useRealTimers());

  test('identical concurrent calls compute once; the fingerprint is read once', async () => {
    const compute = vi.fn(async () => 42);
    const values = await Promise.all(Array.from({ length: 5 }, () => cached('k', compute)));
    expect(values).toEqual([42, 42, 42, 42, 42]);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(db.reads).toBe(1);
  });

  test('a new fingerprint is picked up after the TTL, stale answers meanwhile', async () => {
    const compute = vi.fn(async () => db.version.data);
    expect(await cached('k', compute)).toBe('d1');
    db.version = { data: 'd2', fits: 'f1' };
    expect(await cached('k', compute)).toBe('d1');
    vi.setSystemTime(Date.now() + 3_000);
    // The first call after the TTL answers from the known fingerprint and refreshes it behind.
    expect(await cached('k', compute)).toBe('d1');
    await tick();
    expect(await cached('k', compute)).toBe('d2');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  test('new fits invalidate only the views that depend on fits', async () => {
    const plain = vi.fn(async () => 'plain');
    const withFits = vi.fn(async () => 'fits');
    await cached('a', plain);
    await cached('b', withFits, { fits: true });
    db.version = { data: 'd1', fits: 'f2' };
    vi.setSystemTime(Date.now() + 3_000);
    await cached('a', plain);
    await tick();
    await cached('a', plain);
    await cached('b', withFits, { fits: true });
    expect(plain).toHaveBeenCalledTimes(1);
    expect(withFits).toHaveBeenCalledTimes(2);
  });

  test('a failed computation is not kept', async () => {
    const compute = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce('ok');
    await expect(cached('k', compute)).rejects.toThrow('boom');
    expect(await cached('k', compute)).toBe('ok');
  });
});
