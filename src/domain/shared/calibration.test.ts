import { describe, expect, it } from 'vitest';
import { adjustToTotal, apportion, percent } from './calibration';
import { createRandom } from './random';

describe('apportion', () => {
  it('splits a total exactly, each part the floor or ceiling of its quota', () => {
    const parts = apportion(163, [55, 22, 17, 6]);
    expect(parts).toEqual([89, 36, 28, 10]);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(163);
  });

  it('gives the published function counts of the 352 industrialists', () => {
    expect(apportion(352, [28, 15, 15, 13, 7, 7, 4, 2, 1, 8])).toEqual([
      98, 53, 53, 46, 25, 25, 14, 7, 3, 28,
    ]);
  });

  it('handles a zero total and refuses weights that sum to nothing', () => {
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(() => apportion(3, [0, 0])).toThrow();
  });
});

describe('adjustToTotal', () => {
  it('reaches the target within bounds', () => {
    const values = adjustToTotal([5, 5, 5], 4, { min: () => 0, max: (i) => [5, 1, 5][i]! }, createRandom(1));
    expect(values.reduce((s, v) => s + v, 0)).toBe(4);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  });

  it('throws when the bounds forbid the target', () => {
    expect(() => adjustToTotal([1, 1], 10, { min: () => 0, max: () => 2 }, createRandom(1))).toThrow();
  });
});

describe('percent', () => {
  it('rounds as the programme publishes', () => {
    expect(percent(127, 163)).toBe(78);
    expect(percent(108, 163)).toBe(66);
    expect(percent(0, 0)).toBe(0);
  });
});
