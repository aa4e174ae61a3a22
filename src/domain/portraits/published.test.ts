import { describe, expect, it } from 'vitest';
import { PUBLISHED_FIGURES, shareOfFrance } from './published';

describe('published figures', () => {
  it('are consistent with themselves (58 % of jobs, 66 % of industrial jobs)', () => {
    const { tempsII, france, partsDeLaFrance } = PUBLISHED_FIGURES;
    expect(Math.round(shareOfFrance(tempsII.salaries, france.salaries)!)).toBe(partsDeLaFrance.salaries);
    // 2.0 / 3.1 = 64.5 %: the publication's 66 % comes from unrounded figures (2.08 / 3.16 here).
    expect(Math.round(shareOfFrance(2_080_000, 3_160_000)!)).toBe(partsDeLaFrance.salariesIndustrie);
  });
  it('shareOfFrance is null when not computable', () => {
    expect(shareOfFrance(null, 10)).toBeNull();
    expect(shareOfFrance(5, 0)).toBeNull();
  });
});
