/** Bundles many curves into a few drawable paths (pure). */

export interface Curve {
  group: string;
  /** values[k] = cumulative count at age k. */
  values: readonly number[];
}

/** One point list per group, each curve followed by a gap, in the order groups first appear. */
export function bundleCurves(curves: readonly Curve[]): Map<string, { x: number; y: number | null }[]> {
  const groups = new Map<string, { x: number; y: number | null }[]>();
  for (const curve of curves) {
    let points = groups.get(curve.group);
    if (!points) {
      points = [];
      groups.set(curve.group, points);
    }
    curve.values.forEach((y, x) => {
      points.push({ x, y });
    });
    points.push({ x: Math.max(0, curve.values.length - 1), y: null });
  }
  return groups;
}

/** Longest curve length minus one (the x-axis end), at least 1. */
export function maxAge(curves: readonly { values: readonly number[] }[]): number {
  return Math.max(1, ...curves.map((c) => c.values.length - 1));
}
