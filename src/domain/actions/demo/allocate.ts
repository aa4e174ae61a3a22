// Small deterministic allocation helpers of the demonstration generator: apportion a total over
// weights, spread a total over bounded capacities, and give each « demand » (a thématique with
// its exact count) to distinct holders. They are what makes the national tables come out EXACTLY.

import type { Random } from '../../shared/random';

/** Splits `total` over `weights` (largest remainder), each share ≥ `min`. Sum is exactly `total`. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const rest = total - min * weights.length;
  if (rest < 0) throw new Error(`apportion: ${total} < ${min} × ${weights.length}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / weights.length));
  const shares = exact.map((x) => Math.floor(x));
  let missing = rest - shares.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    shares[i]!++;
    missing--;
  }
  return shares.map((s) => s + min);
}

/**
 * `n` capacities in [0, max] drawn from `weights` (weights[k] = likelihood of capacity k), then
 * nudged one unit at a time until they sum to exactly `total`.
 */
export function spreadCapacities(
  rng: Random,
  n: number,
  total: number,
  weights: readonly number[],
  max: number,
): number[] {
  if (total > n * max) throw new Error(`spreadCapacities: ${total} > ${n} × ${max}`);
  const caps = Array.from({ length: n }, () => Math.min(max, rng.weighted(weights)));
  let sum = caps.reduce((s, c) => s + c, 0);
  while (sum !== total) {
    const i = rng.int(0, n - 1);
    if (sum < total && caps[i]! < max) {
      caps[i]!++;
      sum++;
    } else if (sum > total && caps[i]! > 0) {
      caps[i]!--;
      sum--;
    }
  }
  return caps;
}

export interface Slot<T> {
  holder: T;
  /** How many more items this holder should receive (a soft target). */
  remaining: number;
}

/**
 * Gives each demand `count` DISTINCT holders, largest demands first, preferring the holders with the
 * most remaining capacity (random among equals): the constructive order of the Gale–Ryser theorem,
 * which fills exact degree sequences whenever they are feasible. A holder for which `refuse`
 * answers true is skipped. Returns, per demand, how many could not be placed.
 */
export function allocateDistinct<T, C>(
  rng: Random,
  slots: Slot<T>[],
  demands: readonly { code: C; count: number }[],
  give: (holder: T, code: C) => void,
  refuse: (holder: T, code: C) => boolean = () => false,
): Map<C, number> {
  const left = new Map<C, number>();
  const ordered = [...demands].sort((a, b) => b.count - a.count);
  for (const { code, count } of ordered) {
    const candidates = slots
      .filter((s) => s.remaining > 0 && !refuse(s.holder, code))
      .map((s) => ({ s, tie: rng.next() }))
      .sort((a, b) => b.s.remaining - a.s.remaining || a.tie - b.tie);
    const taken = candidates.slice(0, count);
    for (const { s } of taken) {
      s.remaining--;
      give(s.holder, code);
    }
    left.set(code, count - taken.length);
  }
  return left;
}
