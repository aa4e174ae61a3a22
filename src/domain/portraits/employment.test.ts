import { describe, expect, it } from 'vitest';
import {
  aggregateEmployment,
  buildEmploymentPortrait,
  type CommuneEmployment,
  classifyEmploymentTrend,
  computeTrend,
  type EmploymentYears,
  employmentTypology,
  employmentTypologyRule,
  employmentYears,
  industrialShare,
  parseEmploiCommuneRecord,
} from './employment';

const years: EmploymentYears = { salaries: [2015, 2019, 2022, 2025], demandeurs: [2024], industrie: 2025 };
const commune = (
  insee: string,
  salaries: CommuneEmployment['salaries'],
  industrie: CommuneEmployment['salariesIndustrie'],
  demandeurs: CommuneEmployment['demandeurs'],
): CommuneEmployment => ({ insee, salaries, salariesIndustrie: industrie, demandeurs });

// A grows before and since 2020; B loses before and regains since; M is like Mayotte: no
// salaried figures at all (its file says 0 industrial jobs, which must not count); X is absent.
const A = commune('01001', { 2015: 100, 2019: 110, 2022: 120, 2025: 130 }, { 2025: 40 }, { 2024: 15 });
const B = commune('01002', { 2015: 50, 2019: 40, 2022: 45, 2025: 60 }, { 2025: 10 }, { 2024: 5 });
const M = commune('97601', { 2015: null, 2019: null, 2022: null, 2025: null }, { 2025: 0 }, { 2024: 300 });
const data = new Map([A, B, M].map((c) => [c.insee, c]));

describe('aggregateEmployment', () => {
  it('sums per year and lists the communes lacking data', () => {
    const agg = aggregateEmployment(['01001', '01002', '97601', '99999', '01001'], data, years);
    expect(agg.salaries).toEqual({ 2015: 150, 2019: 150, 2022: 165, 2025: 190 });
    expect(agg.salariesIndustrie[2025]).toBe(50);
    expect(agg.salariesIndustrie[2015]).toBeNull();
    expect(agg.demandeurs).toEqual({ 2024: 320 });
    expect(agg.communesCount).toBe(4);
    expect(agg.communesAbsentes).toEqual(['99999']);
    expect(agg.communesSansSalaries[2025]).toEqual(['97601']);
  });
  it('gives null, never zero, when no commune has a figure', () => {
    const agg = aggregateEmployment(['97601'], data, years);
    expect(agg.salaries[2025]).toBeNull();
    expect(agg.salariesIndustrie[2025]).toBeNull();
    expect(agg.demandeurs[2024]).toBe(300);
  });
});

describe('trends and typology', () => {
  it('computes the change in jobs and in %', () => {
    expect(computeTrend(A.salaries, 2015, 2019)).toMatchObject({
      startValue: 100,
      endValue: 110,
      change: 10,
      changePct: 10,
    });
    const t = computeTrend(B.salaries, 2019, 2025);
    expect(t.change).toBe(20);
    expect(t.changePct).toBe(50);
    expect(t.missing).toBeNull();
  });
  it('says why a trend is missing', () => {
    expect(computeTrend(M.salaries, 2015, 2019)).toMatchObject({
      change: null,
      missing: 'donnée non disponible pour 2015 et 2019',
    });
    const fromZero = computeTrend({ 2015: 0, 2019: 5 }, 2015, 2019);
    expect(fromZero.change).toBe(5);
    expect(fromZero.changePct).toBeNull();
    expect(fromZero.missing).toBe('évolution en % non calculable : aucun emploi en 2015');
  });
  it('classifies the four trajectories and the missing case', () => {
    const up = computeTrend({ 1: 10, 2: 11 }, 1, 2);
    const down = computeTrend({ 1: 10, 2: 9 }, 1, 2);
    const flat = computeTrend({ 1: 10, 2: 10 }, 1, 2);
    const none = computeTrend({}, 1, 2);
    expect(classifyEmploymentTrend(up, up)).toBe('dynamique');
    expect(classifyEmploymentTrend(down, up)).toBe('rebond');
    expect(classifyEmploymentTrend(flat, up)).toBe('rebond');
    expect(classifyEmploymentTrend(up, down)).toBe('ralentissement');
    expect(classifyEmploymentTrend(down, flat)).toBe('fragile');
    expect(classifyEmploymentTrend(none, up)).toBe('non-disponible');
  });
  it('applies a growth threshold when asked', () => {
    const before = computeTrend(A.salaries, 2015, 2019); // +10 %
    const since = computeTrend(A.salaries, 2019, 2025); // +18.2 %
    expect(classifyEmploymentTrend(before, since)).toBe('dynamique');
    expect(classifyEmploymentTrend(before, since, { minGrowthPct: 15 })).toBe('rebond');
  });
  it('explains each class and the rule in French', () => {
    expect(employmentTypology('rebond').explanation).toMatch(/avant 2020 et en recrée depuis/);
    expect(employmentTypology('fragile').label).toBe('Fragile');
    expect(employmentTypologyRule()).toMatch(/du 2015 au 2019.*du 2019 au 2025/);
    expect(employmentTypologyRule('salaries-industrie')).toMatch(/emploi salarié industriel/);
  });
});

describe('industrialShare', () => {
  it('is a percentage, null when not computable', () => {
    expect(industrialShare(200, 50)).toBe(25);
    expect(industrialShare(0, 5)).toBeNull();
    expect(industrialShare(null, 5)).toBeNull();
    expect(industrialShare(100, null)).toBeNull();
  });
});

describe('buildEmploymentPortrait', () => {
  it('gives every figure with its year and source, and warns about missing communes', () => {
    const p = buildEmploymentPortrait(['01001', '01002', '97601', '99999'], data, years);
    expect(p.salaries).toEqual({ value: 190, unit: 'emplois', year: 2025, source: 'urssaf', missing: null });
    expect(p.salariesIndustrie.value).toBe(50);
    expect(p.partIndustrie.value).toBeCloseTo((50 / 190) * 100, 10);
    expect(p.demandeurs).toMatchObject({ value: 320, year: 2024, source: 'dares' });
    expect(p.evolutionAvant2020.change).toBe(0);
    expect(p.evolutionDepuis2020.change).toBe(40);
    expect(p.typologie).toBe('rebond');
    expect(p.avertissement).toBe(
      '2 communes sur 4 sans effectif salarié publié en 2025 (aucun employeur privé déclaré ou donnée non diffusée) : le total porte sur les autres communes.',
    );
  });
  it('says « donnée non disponible » for a territory without salaried figures (Mayotte)', () => {
    const p = buildEmploymentPortrait(['97601'], data, years);
    expect(p.salaries).toMatchObject({ value: null, missing: 'donnée non disponible' });
    expect(p.partIndustrie.value).toBeNull();
    expect(p.typologie).toBe('non-disponible');
    expect(p.avertissement).toMatch(/donnée non disponible/);
  });
  it('has no warning when complete', () => {
    expect(buildEmploymentPortrait(['01001'], data, years).avertissement).toBeNull();
  });
});

describe('employmentYears', () => {
  it('derives the years from the data, with the latest industrial year', () => {
    expect(employmentYears(data)).toEqual({
      salaries: [2015, 2019, 2022, 2025],
      demandeurs: [2024],
      industrie: 2025,
    });
    const later = new Map(data);
    later.set('01003', commune('01003', { 2026: 5 }, { 2026: 1 }, {}));
    expect(employmentYears(later)).toMatchObject({
      salaries: [2015, 2019, 2022, 2025, 2026],
      industrie: 2026,
    });
  });
  it('runs « since 2020 » to the latest year', () => {
    const later = new Map([[A.insee, commune(A.insee, { ...A.salaries, 2026: 90 }, {}, {})]]);
    const p = buildEmploymentPortrait([A.insee], later, {
      salaries: [2015, 2019, 2025, 2026],
      demandeurs: [],
      industrie: 2026,
    });
    expect(p.evolutionDepuis2020).toMatchObject({ from: 2019, to: 2026, change: -20 });
    expect(p.typologie).toBe('ralentissement');
  });
});

describe('parseEmploiCommuneRecord', () => {
  it('reads empty cells as missing and drops the industrial 0 of a commune with no total', () => {
    const c = parseEmploiCommuneRecord({
      insee_com: '97601',
      salaries_2024: '',
      salaries_2025: '',
      salaries_industrie_2025: '0',
      etablissements_industrie_2025: '0',
      demandeurs_abc_t4_2024: '445',
      id_ti: 'ti-0601',
    });
    expect(c).toEqual({
      insee: '97601',
      salaries: { 2024: null, 2025: null },
      salariesIndustrie: { 2025: null },
      demandeurs: { 2024: 445 },
    });
    const d = parseEmploiCommuneRecord({
      insee_com: '01002',
      salaries_2025: '6',
      salaries_industrie_2025: '0',
    });
    expect(d.salariesIndustrie[2025]).toBe(0);
  });
});
