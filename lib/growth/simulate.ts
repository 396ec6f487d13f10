import { PhiInv } from './phi';
import type { GrowthParams } from './types';

/** Seeded PRNG (mulberry32) returning uniforms in [0, 1); deterministic for tests and simulations. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Arrival times on (0, T] of the reinforced Poisson process with rate λ f(t; μ, σ)(m + n(t)),
 * f the log-normal density. Simulated exactly in the clock u = λF(t), where the process is a
 * linear birth process: the next arrival comes after Exp(1)/(m + n) units of u.
 * @param T end of observation, in the unit of the params (months).
 */
export function simulateArrivals(p: GrowthParams, T: number, rand: () => number): number[] {
  const times: number[] = [];
  let u = 0;
  for (;;) {
    u += -Math.log(1 - rand()) / (p.m + times.length);
    if (u >= p.lambda) break;
    const t = Math.exp(p.mu + p.sigma * PhiInv(u / p.lambda));
    if (t > T) break;
    times.push(t);
  }
  return times;
}

/** Monthly cumulative counts y[k] = #{arrivals ≤ k}, k = 0..K, from arrival times in months. */
export function cumulativeByMonth(times: readonly number[], K: number): number[] {
  const y = new Array<number>(K + 1).fill(0);
  for (const t of times) {
    const k = Math.ceil(t);
    if (k <= K) y[k]++;
  }
  for (let k = 1; k <= K; k++) y[k] += y[k - 1];
  return y;
}
