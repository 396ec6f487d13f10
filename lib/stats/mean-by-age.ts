// Aggregate curves of groups of cumulative series aligned by age (pure; no I/O).

/** Fewer models than this at an age make the mean one model's curve: those ages are left out. */
const MIN_MODELS_PER_AGE = 3;

/** Mean cumulative count per model by age over the models observed at that age. */
export function meanByAge(
  list: readonly { observed: readonly number[] | null }[],
): { age: number; mean: number; n: number }[] {
  const sums: number[] = [];
  const counts: number[] = [];
  for (const { observed } of list) {
    for (const [age, value] of (observed ?? []).entries()) {
      if (!Number.isFinite(value)) continue;
      sums[age] = (sums[age] ?? 0) + value;
      counts[age] = (counts[age] ?? 0) + 1;
    }
  }
  return counts.flatMap((n, age) => (n >= MIN_MODELS_PER_AGE ? [{ age, mean: sums[age] / n, n }] : []));
}
