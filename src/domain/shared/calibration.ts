// Integer arithmetic that lets the demonstration generators hit published totals exactly: split a
// total into integer parts proportional to weights (largest remainder), and nudge a list of integers
// to an exact total within bounds. Shared by the financements, foncier and gouvernance generators.

import type { Random } from './random';

/**
 * Splits `total` (an integer) into integer parts proportional to `weights` (Hamilton / largest
 * remainder method): the parts sum to `total` exactly and each is the floor or ceiling of its quota.
 * Ties are broken by position, so the result is deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new Error(`apportion: total must be a natural number (${total})`);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || sum <= 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('apportion: weights must have a positive sum');
  }
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q + 1e-9));
  let remainder = total - parts.reduce((s, p) => s + p, 0);
  const order = quotas
    .map((q, i) => ({ i, fraction: q - Math.floor(q + 1e-9) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) parts[order[k]!.i]! += 1;
  return parts;
}

/**
 * Moves integer `values` to sum exactly `target`, one unit at a time on randomly chosen entries,
 * keeping each value within [min[i], max[i]]. Throws when the bounds make the target unreachable.
 */
export function adjustToTotal(
  values: readonly number[],
  target: number,
  bounds: { min: (i: number) => number; max: (i: number) => number },
  random: Random,
  step = 1,
): number[] {
  const result = [...values];
  let diff = target - result.reduce((s, v) => s + v, 0);
  if (diff % step !== 0) throw new Error(`adjustToTotal: ${diff} is not a multiple of ${step}`);
  while (diff !== 0) {
    const up = diff > 0;
    const candidates = result
      .map((_v, i) => i)
      .filter((i) => (up ? result[i]! + step <= bounds.max(i) : result[i]! - step >= bounds.min(i)));
    if (candidates.length === 0) throw new Error(`adjustToTotal: cannot reach ${target} within bounds`);
    const i = random.pick(candidates);
    result[i]! += up ? step : -step;
    diff += up ? -step : step;
  }
  return result;
}

/** Percentage as the programme publishes it: rounded to the unit, half up. */
export const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((100 * part) / whole);

/** A log-normal-ish positive weight: most values near 1, a few several times larger. */
export const skewedWeight = (random: Random, spread = 1): number =>
  Math.exp(spread * (random.next() + random.next() + random.next() - 1.5));
