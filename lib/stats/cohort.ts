// Release cohorts: a base model against the models released within ±window calendar months,
// aligned by age (months since release). Pure functions of the series values; no I/O.

/** A monthly cumulative series: `month` = year·12 + month of release, `values` = complete months only. */
export type CohortSeries = { id: number; month: number; values: readonly number[] };

export type FanPoint = { age: number; p25: number; p50: number; p75: number; n: number };

/** Linear-interpolation quantile of sorted values (PostgreSQL's percentile_cont). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The other series released within ±window months of the target. */
export function cohortPeers(
  target: CohortSeries,
  all: readonly CohortSeries[],
  window: number,
): CohortSeries[] {
  return all.filter((s) => s.id !== target.id && Math.abs(s.month - target.month) <= window);
}

/**
 * Percentile (0–100) of the target's count at its current age among peers observed at that age:
 * share with a smaller count, ties counting half. Null when no peer is observed at that age.
 */
export function cohortPercentile(target: CohortSeries, peers: readonly CohortSeries[]): number | null {
  const age = target.values.length - 1;
  if (age < 0) return null;
  const v = target.values[age];
  let below = 0;
  let ties = 0;
  let n = 0;
  for (const p of peers) {
    if (p.values.length <= age) continue;
    n++;
    if (p.values[age] < v) below++;
    else if (p.values[age] === v) ties++;
  }
  return n ? (100 * (below + 0.5 * ties)) / n : null;
}

/** p25/p50/p75 of the peers' counts per age, for ages with at least `minPeers` peers observed. */
export function cohortFan(peers: readonly CohortSeries[], minPeers = 3): FanPoint[] {
  const byAge: number[][] = [];
  for (const p of peers) {
    p.values.forEach((v, age) => {
      byAge[age] ??= [];
      byAge[age].push(v);
    });
  }
  const fan: FanPoint[] = [];
  byAge.forEach((values, age) => {
    if (values.length < minPeers) return;
    const sorted = values.sort((a, b) => a - b);
    fan.push({
      age,
      p25: quantileSorted(sorted, 0.25),
      p50: quantileSorted(sorted, 0.5),
      p75: quantileSorted(sorted, 0.75),
      n: sorted.length,
    });
  });
  return fan;
}

/** Number of entries of a sorted array below v, and equal to v (binary search). */
function countBelowAndEqual(sorted: readonly number[], v: number): [number, number] {
  const bound = (strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sorted[mid] < v : sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const below = bound(true);
  return [below, bound(false) - below];
}

/**
 * cohortPercentile for every series at once, in O(N·window·log N): values are bucketed by
 * (release month, age) and each target counts below/equal in the 2·window + 1 buckets of its age.
 */
export function cohortPercentiles(all: readonly CohortSeries[], window: number): Map<number, number | null> {
  const buckets = new Map<string, number[]>();
  for (const s of all)
    s.values.forEach((v, age) => {
      const key = `${s.month}:${age}`;
      const list = buckets.get(key);
      if (list) list.push(v);
      else buckets.set(key, [v]);
    });
  for (const list of buckets.values()) list.sort((a, b) => a - b);
  const out = new Map<number, number | null>();
  for (const s of all) {
    const age = s.values.length - 1;
    if (age < 0) {
      out.set(s.id, null);
      continue;
    }
    const v = s.values[age];
    let below = 0;
    let ties = -1; // the target itself sits in its own bucket
    let n = -1;
    for (let d = -window; d <= window; d++) {
      const list = buckets.get(`${s.month + d}:${age}`);
      if (!list) continue;
      const [b, e] = countBelowAndEqual(list, v);
      below += b;
      ties += e;
      n += list.length;
    }
    out.set(s.id, n > 0 ? (100 * (below + 0.5 * ties)) / n : null);
  }
  return out;
}
