import { describe, expect, it } from 'vitest';
import {
  buildChoropleth,
  type ChoroplethTerritory,
  formatIndicatorValue,
  INDICATOR_VALUES,
} from './choropleth';
import type { CommuneEmployment, EmploymentYears } from './employment';
import { checkIndicator, INDICATORS } from './indicators';
import { buildTerritoryFigures } from './portrait';

const nb = '\u202f';
const nbsp = '\u00a0';
const years: EmploymentYears = { salaries: [2015, 2019, 2022, 2025], demandeurs: [2024], industrie: 2025 };

const emp = (
  insee: string,
  s: [number, number, number, number] | null,
  industrie: number | null,
): CommuneEmployment => ({
  insee,
  salaries: s
    ? { 2015: s[0], 2019: s[1], 2022: s[2], 2025: s[3] }
    : { 2015: null, 2019: null, 2022: null, 2025: null },
  salariesIndustrie: { 2025: industrie },
  demandeurs: { 2024: 10 },
});
const employment = new Map(
  [
    emp('10001', [100, 110, 120, 130], 13), // dynamique, 10 %
    emp('20001', [1000, 900, 950, 1000], 300), // rebond, 30 %
    emp('30001', [50000, 49000, 48000, 47000], 4700), // fragile, 10 %
    emp('97601', null, 0), // no data
  ].map((e) => [e.insee, e]),
);
const territory = (
  id: string,
  insee: string,
  population: number,
  densite: 1 | 6,
  statuts: ('realise' | null)[],
) => ({
  id,
  label: `Territoire ${id}`,
  figures: buildTerritoryFigures({
    communes: [{ insee, population, densite }],
    employment,
    years,
    actions: statuts.map((statut) => ({ statut })),
  }),
});
const territories: ChoroplethTerritory[] = [
  territory('ti-a', '10001', 12500, 6, ['realise', null]),
  territory('ti-b', '20001', 48300, 1, [null]),
  territory('ti-c', '30001', 250000, 1, []),
  territory('ti-m', '97601', 260000, 6, ['realise']),
];

describe('buildChoropleth', () => {
  it('has a reader for every indicator of the catalogue', () => {
    for (const i of INDICATORS) expect(INDICATOR_VALUES[i.code], i.code).toBeTypeOf('function');
  });

  it('classifies a count indicator with French legend labels and a table twin', () => {
    const r = buildChoropleth(territories, {
      indicator: 'population',
      level: 'ti',
      method: 'jenks',
      classes: 2,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.legend).toEqual([
      { classIndex: 0, label: `de 12${nb}500 à 48${nb}300`, count: 2 },
      { classIndex: 1, label: `de 250${nb}000 à 260${nb}000`, count: 2 },
    ]);
    expect(r.value.thresholds).toEqual([250000]);
    expect(r.value.rows[0]).toEqual({
      id: 'ti-a',
      label: 'Territoire ti-a',
      value: 12500,
      display: `12${nb}500`,
      classIndex: 0,
      classLabel: `de 12${nb}500 à 48${nb}300`,
    });
    expect(r.value.source).toBe(
      'Source : INSEE, population municipale (découpage administratif, COG 2023) (COG 2023)',
    );
  });

  it('shows missing values as « donnée manquante », never as zero (Mayotte)', () => {
    const r = buildChoropleth(territories, { indicator: 'part-industrie-2025', level: 'epci', classes: 2 });
    if (!r.ok) throw new Error(r.error);
    const m = r.value.rows.find((x) => x.id === 'ti-m')!;
    expect(m).toMatchObject({
      value: null,
      display: 'donnée manquante',
      classIndex: null,
      classLabel: 'donnée manquante',
    });
    expect(r.value.legend.at(-1)).toEqual({ classIndex: null, label: 'donnée manquante', count: 1 });
    expect(r.value.rows.find((x) => x.id === 'ti-b')!.display).toBe(`30,0${nbsp}%`);
    expect(r.value.legend[0]!.label).toBe(`10,0${nbsp}%`);
  });

  it('maps a category indicator to its classes in catalogue order', () => {
    const r = buildChoropleth(territories, { indicator: 'typologie-emploi', level: 'ti' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.method).toBeNull();
    expect(r.value.rows.map((x) => x.display)).toEqual([
      'Dynamique',
      'Rebond',
      'Fragile',
      'Donnée non disponible',
    ]);
    expect(r.value.legend.map((l) => [l.label, l.count])).toEqual([
      ['Dynamique', 1],
      ['Rebond', 1],
      ['Ralentissement', 0],
      ['Fragile', 1],
      ['Donnée non disponible', 1],
    ]);
    const d = buildChoropleth(territories, { indicator: 'densite', level: 'ti' });
    if (!d.ok) throw new Error(d.error);
    expect(d.value.rows.map((x) => x.value)).toEqual(['rural', 'urbain', 'urbain', 'rural']);
  });

  it('reads action plan figures at TI level', () => {
    const r = buildChoropleth(territories, { indicator: 'part-realise', level: 'ti', classes: 2 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.map((x) => x.value)).toEqual([50, 0, null, 100]);
  });

  it('refuses an unknown indicator, level or classification in French', () => {
    expect(buildChoropleth(territories, { indicator: 'pib', level: 'ti' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Indicateur « pib » inconnu/),
    });
    expect(buildChoropleth(territories, { indicator: 'population', level: 'region' })).toEqual({
      ok: false,
      error: "Niveau « region » inconnu ; attendu l'un de : ti, epci.",
    });
    expect(buildChoropleth(territories, { indicator: 'nb-actions', level: 'epci' }).ok).toBe(false);
    expect(buildChoropleth(territories, { indicator: 'population', level: 'ti', classes: 12 }).ok).toBe(
      false,
    );
  });

  it('formats evolutions with their sign', () => {
    const i = checkIndicator('evolution-depuis-2020');
    if (!i.ok) throw new Error(i.error);
    expect(formatIndicatorValue(i.value, 3.45)).toBe(`+3,5${nbsp}%`);
    expect(formatIndicatorValue(i.value, -4.08)).toBe(`-4,1${nbsp}%`);
  });
});

describe('legend precision', () => {
  it('adds a decimal when two classes would read the same rounded bound', () => {
    const shares = [591, 593, 594, 596];
    const data = new Map<string, CommuneEmployment>(
      shares.map((n, i) => [
        `0100${i}`,
        { insee: `0100${i}`, salaries: { 2025: 10000 }, salariesIndustrie: { 2025: n }, demandeurs: {} },
      ]),
    );
    const list = shares.map((_, i) => ({
      id: `t${i}`,
      label: `t${i}`,
      figures: buildTerritoryFigures({
        communes: [{ insee: `0100${i}`, population: 1, densite: 1 }],
        employment: data,
      }),
    }));
    const r = buildChoropleth(list, {
      indicator: 'part-industrie-2025',
      level: 'ti',
      method: 'quantiles',
      classes: 2,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.legend.map((l) => l.label)).toEqual([
      `de 5,91${nbsp}% à 5,93${nbsp}%`,
      `de 5,94${nbsp}% à 5,96${nbsp}%`,
    ]);
    expect(r.value.rows[0]!.display).toBe(`5,9${nbsp}%`);
  });
});
