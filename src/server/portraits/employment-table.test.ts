import { describe, expect, it } from 'vitest';
import { buildEmploymentPortrait, employmentYears } from '../../domain/portraits/employment';
import { type EmploymentRow, EmploymentTable } from './employment-table';

const rows: EmploymentRow[] = [
  {
    insee: '01001',
    salaries: { 2015: 100, 2016: 110, 2019: 120, 2025: 130 },
    salariesIndustrie: { 2025: 40 },
    demandeurs: { 2015: 10, 2024: 15 },
  },
  // Mayotte-like: no salaried figures at all.
  { insee: '97601', salaries: { 2015: null, 2025: null }, salariesIndustrie: {}, demandeurs: { 2024: 5 } },
  { insee: '02002', salaries: null, salariesIndustrie: 'not an object', demandeurs: { 2024: 'x' } },
];

// What the server held before: one object per commune, its series as read.
const asMap = (list: EmploymentRow[]) => {
  const series = (value: unknown) => {
    const out: Record<number, number | null> = {};
    if (value && typeof value === 'object') {
      for (const [year, v] of Object.entries(value)) {
        out[Number(year)] = typeof v === 'number' && Number.isFinite(v) ? v : null;
      }
    }
    return out;
  };
  return new Map(
    list.map((r) => [
      r.insee,
      {
        insee: r.insee,
        salaries: series(r.salaries),
        salariesIndustrie: series(r.salariesIndustrie),
        demandeurs: series(r.demandeurs),
      },
    ]),
  );
};

describe('EmploymentTable', () => {
  it('gives each commune its figures, null where it has none, and behaves as a map', () => {
    const table = new EmploymentTable(rows);
    expect(table.size).toBe(3);
    expect(table.has('01001')).toBe(true);
    expect(table.has('75056')).toBe(false);
    expect(table.get('75056')).toBeUndefined();
    expect(table.get('01001')).toEqual({
      insee: '01001',
      salaries: { 2015: 100, 2016: 110, 2019: 120, 2025: 130 },
      salariesIndustrie: { 2025: 40 },
      demandeurs: { 2015: 10, 2024: 15 },
    });
    expect(table.get('97601')!.salaries).toEqual({ 2015: null, 2016: null, 2019: null, 2025: null });
    expect(table.get('02002')!.demandeurs).toEqual({ 2015: null, 2024: null });
    expect([...table.keys()]).toEqual(['01001', '97601', '02002']);
    expect([...table].map(([insee, c]) => [insee, c.insee])).toEqual(
      [...table.entries()].map(([k]) => [k, k]),
    );
    const seen: string[] = [];
    table.forEach((c, insee, map) => {
      expect(map).toBe(table);
      seen.push(`${insee}=${c.insee}`);
    });
    expect(seen).toEqual(['01001=01001', '97601=97601', '02002=02002']);
  });

  it('keeps values that are not 32-bit integers exactly', () => {
    const table = new EmploymentTable([
      { insee: 'a', salaries: { 2020: 12.5, 2021: 3e10 }, salariesIndustrie: {}, demandeurs: {} },
      { insee: 'b', salaries: { 2020: -0, 2021: 7 }, salariesIndustrie: {}, demandeurs: {} },
    ]);
    expect(table.get('a')!.salaries).toEqual({ 2020: 12.5, 2021: 3e10 });
    expect(table.get('b')!.salaries).toEqual({ 2020: -0, 2021: 7 });
  });

  it('keeps the last row of a commune listed twice, at its first place', () => {
    const table = new EmploymentTable([
      { insee: 'a', salaries: { 2020: 1 }, salariesIndustrie: {}, demandeurs: {} },
      { insee: 'b', salaries: { 2020: 2 }, salariesIndustrie: {}, demandeurs: {} },
      { insee: 'a', salaries: { 2020: 3 }, salariesIndustrie: {}, demandeurs: {} },
    ]);
    expect(table.size).toBe(2);
    expect([...table.values()].map((c) => c.salaries[2020])).toEqual([3, 2]);
  });

  it('gives the domain functions the same figures as the objects did', () => {
    const table = new EmploymentTable(rows);
    const map = asMap(rows);
    expect(employmentYears(table)).toEqual(employmentYears(map));
    const years = employmentYears(map);
    for (const codes of [['01001'], ['01001', '97601'], ['01001', '97601', '02002', '99999'], ['97601']]) {
      expect(buildEmploymentPortrait(codes, table, years)).toEqual(
        buildEmploymentPortrait(codes, map, years),
      );
    }
  });
});
