/** Histogram bins for the parameters page (pure). */

export interface Bin {
  /** Bin edges in log10 units when `log`, else in the value's units. */
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins over the finite values (log10 of the positive ones when `log`); values outside are dropped.
 * Returns [] when there is nothing to bin.
 */
export function histogram(values: readonly number[], bins: number, log: boolean): Bin[] {
  const xs = values
    .filter((v) => Number.isFinite(v) && (!log || v > 0))
    .map((v) => (log ? Math.log10(v) : v));
  if (xs.length === 0) return [];
  let min = Math.min(...xs);
  let max = Math.max(...xs);
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const width = (max - min) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (const x of xs) {
    const i = Math.min(bins - 1, Math.floor((x - min) / width));
    const bin = out[i];
    if (bin) bin.count += 1;
  }
  return out;
}
