import { describe, expect, it } from 'vitest';
import { formatMillions, formatNumber, formatPercent, formatSignedPercent } from './format';

const nb = '\u202f';
const nbsp = '\u00a0';

describe('French number formatting', () => {
  it('groups thousands with a narrow no-break space and uses a decimal comma', () => {
    expect(formatNumber(1234567.891, 1)).toBe(`1${nb}234${nb}567,9`);
    expect(formatNumber(12500)).toBe(`12${nb}500`);
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(-1234)).toBe(`-1${nb}234`);
    expect(formatNumber(-0.01, 1)).toBe('0,0');
  });
  it('formats shares, signed evolutions and millions', () => {
    expect(formatPercent(18.16)).toBe(`18,2${nbsp}%`);
    expect(formatSignedPercent(3.44)).toBe(`+3,4${nbsp}%`);
    expect(formatSignedPercent(-1.2)).toBe(`-1,2${nbsp}%`);
    expect(formatSignedPercent(0)).toBe(`0,0${nbsp}%`);
    expect(formatMillions(11_448_000)).toBe(`11,4${nbsp}M`);
  });
});
