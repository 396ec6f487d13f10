import { describe, expect, test } from 'vitest';
import { Phi } from '@/lib/growth/index.ts';
import { RELATION_SHARES, simulateArrivals, simulateEcosystem } from '@/lib/simulate/ecosystem.ts';
import { createRng } from '@/lib/simulate/prng.ts';

const OPTIONS = { seed: 7, orgs: 4, bases: 30, until: '2025-06' };

describe('simulateEcosystem', () => {
  test('the same seed gives identical output, another seed another ecosystem', () => {
    const a = simulateEcosystem(OPTIONS);
    const b = simulateEcosystem(OPTIONS);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = simulateEcosystem({ ...OPTIONS, seed: 8 });
    expect(JSON.stringify(c.edges)).not.toBe(JSON.stringify(a.edges));
  });

  test('ids, dates and edges are consistent', () => {
    const eco = simulateEcosystem(OPTIONS);
    expect(eco.now.toISOString()).toBe('2025-06-15T00:00:00.000Z');
    expect(eco.organisations.map((o) => o.slug)).toEqual([
      'sim-org-1',
      'sim-org-2',
      'sim-org-3',
      'sim-org-4',
    ]);
    expect(eco.organisations[2].authors).toEqual(['sim-org-3', 'sim-org-3-research']);
    const byId = new Map(eco.models.map((m) => [m.repoId, m]));
    expect(byId.size).toBe(eco.models.length);
    expect(eco.models.filter((m) => m.isBase)).toHaveLength(30);
    for (const base of eco.bases) expect(base.repoId).toMatch(/^sim-org-\d+(-research)?\/base-\d+$/);
    for (const edge of eco.edges) {
      const child = byId.get(edge.child);
      const parent = byId.get(edge.parent);
      expect(child && parent).toBeTruthy();
      expect(edge.childCreatedAt.getTime()).toBe(child?.createdAt.getTime());
      expect(edge.childCreatedAt.getTime()).toBeGreaterThanOrEqual(parent?.createdAt.getTime() ?? 0);
      expect(edge.childCreatedAt.getTime()).toBeLessThan(eco.now.getTime());
    }
    // Some derivatives of derivatives exist.
    expect(eco.edges.some((e) => !byId.get(e.parent)?.isBase)).toBe(true);
    for (const s of eco.snapshots) expect(s.day.getTime()).toBeLessThanOrEqual(eco.now.getTime());
  });

  test('relation shares of direct derivatives are close to the documented ones', () => {
    const eco = simulateEcosystem({ seed: 11, orgs: 5, bases: 80, until: '2025-06' });
    const bases = new Set(eco.bases.map((b) => b.repoId));
    // One edge per child to its base (merges also point at a fine-tune).
    const direct = eco.edges.filter((e) => bases.has(e.parent));
    for (const [relation, share] of Object.entries(RELATION_SHARES)) {
      const observed = direct.filter((e) => e.relation === relation).length / direct.length;
      expect(Math.abs(observed - share)).toBeLessThan(0.03);
    }
  });

  test('rejects bad options', () => {
    expect(() => simulateEcosystem({ ...OPTIONS, orgs: 0 })).toThrow('orgs');
    expect(() => simulateEcosystem({ ...OPTIONS, until: '2025-13' })).toThrow('YYYY-MM');
  });
});

describe('simulateArrivals', () => {
  test.each([
    [0.5, 1.0, 1.0, 12],
    [1.5, 1.2, 0.8, 6],
    [2.0, 2.0, 1.5, 24],
  ])('the mean count matches m(exp(λF(T)) − 1) for λ=%f μ=%f σ=%f T=%i', (lambda, mu, sigma, T) => {
    const rng = createRng(99);
    const p = { lambda, mu, sigma, m: 30 };
    const runs = 400;
    let total = 0;
    for (let i = 0; i < runs; i++) total += simulateArrivals(rng, p, T, 100_000).length;
    const expected = 30 * Math.expm1(lambda * Phi((Math.log(T) - mu) / sigma));
    expect(total / runs).toBeGreaterThan(expected * 0.9);
    expect(total / runs).toBeLessThan(expected * 1.1);
  });

  test('arrival times are increasing and within the observed age', () => {
    const times = simulateArrivals(createRng(1), { lambda: 2, mu: 1, sigma: 1, m: 30 }, 10, 10_000);
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    expect(times.at(-1)).toBeLessThan(10);
  });
});
