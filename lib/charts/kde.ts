// Gaussian kernel density estimates for distribution plots (pure; no I/O).

/** Silverman's rule-of-thumb bandwidth; a small floor keeps degenerate samples (all equal) drawable. */
export function silvermanBandwidth(sample: readonly number[]): number {
  const n = sample.length;
  if (n < 2) return 0.1;
  const mean = sample.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(sample.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const sorted = [...sample].sort((a, b) => a - b);
  const q = (p: number) => {
    const i = p * (n - 1);
    const lo = Math.floor(i);
    return sorted[lo] + (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]) * (i - lo);
  };
  const iqr = q(0.75) - q(0.25);
  const spread = Math.min(sd, iqr > 0 ? iqr / 1.34 : sd);
  return Math.max(0.9 * spread * n ** -0.2, 0.05);
}

/** Evenly spaced grid of `count` points from `from` to `to` inclusive. */
export function grid(from: number, to: number, count: number): number[] {
  if (count < 2 || to <= from) return [from];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/** Density of the sample at each x of the grid (integrates to 1 over the real line). */
export function gaussianKde(
  sample: readonly number[],
  xs: readonly number[],
  bandwidth = silvermanBandwidth(sample),
): { x: number; density: number }[] {
  const n = sample.length;
  const norm = 1 / (n * bandwidth * Math.sqrt(2 * Math.PI));
  return xs.map((x) => {
    let sum = 0;
    for (const v of sample) {
      const z = (x - v) / bandwidth;
      sum += Math.exp(-0.5 * z * z);
    }
    return { x, density: n ? sum * norm : 0 };
  });
}
