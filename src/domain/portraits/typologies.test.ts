import { describe, expect, it } from 'vitest';
import {
  type CommuneTypologyInput,
  DENSITY_LEVELS,
  densityLabel,
  parseDensityLevel,
  parseRuralityType,
  ruralityDistribution,
  URBAN_RURAL_RULE,
  urbanRuralTypology,
} from './typologies';

describe('density levels', () => {
  it('parses the 7 INSEE labels whatever the accents and case, or the level number', () => {
    expect(DENSITY_LEVELS).toHaveLength(7);
    expect(parseDensityLevel('Rural à habitat dispersé')).toBe(6);
    expect(parseDensityLevel('RURAL A HABITAT TRES DISPERSE')).toBe(7);
    expect(parseDensityLevel('4')).toBe(4);
    expect(parseDensityLevel('Métropole')).toBeNull();
    expect(parseDensityLevel(null)).toBeNull();
    expect(densityLabel(3)).toBe('Ceintures urbaines');
  });
});

describe('urbanRuralTypology', () => {
  const communes: CommuneTypologyInput[] = [
    { insee: 'c1', population: 1000, densite: 1 },
    { insee: 'c2', population: 300, densite: 5 },
    { insee: 'c3', population: 200, densite: 7 },
    { insee: 'c4', population: null, densite: 6 },
    { insee: 'c5', population: 100, densite: null },
  ];
  it('weights by population: 500 rural inhabitants out of 1,500 → urban', () => {
    const t = urbanRuralTypology(communes);
    expect(t.code).toBe('urbain');
    expect(t.label).toBe('À dominante urbaine');
    expect(t.partPopulationRurale).toBeCloseTo(100 / 3, 10);
    expect(t.niveauDominant).toBe(1);
    expect(t.communesNonClassees).toEqual(['c4', 'c5']);
    expect(t.parDensite[4]).toEqual({
      key: 5,
      label: 'Bourgs ruraux',
      communes: 1,
      population: 300,
      partPopulation: 20,
    });
    expect(t.parDensite[1]!.communes).toBe(0);
  });
  it('is rural from half the population in rural communes', () => {
    const t = urbanRuralTypology([
      { insee: 'a', population: 100, densite: 2 },
      { insee: 'b', population: 100, densite: 6 },
    ]);
    expect(t.code).toBe('rural');
    expect(t.explanation).toMatch(/moitié au moins/);
  });
  it('is not computable without data', () => {
    const t = urbanRuralTypology([{ insee: 'a', population: null, densite: null }]);
    expect(t.code).toBe('non-disponible');
    expect(t.partPopulationRurale).toBeNull();
    expect(t.niveauDominant).toBeNull();
  });
  it('states its rule', () => {
    expect(URBAN_RURAL_RULE).toMatch(/niveaux 5 à 7/);
  });
});

describe('rurality typology', () => {
  it('normalises the values of ruralite.csv (leading space) and counts communes in legend order', () => {
    expect(parseRuralityType(' Les ruralités productives ouvrières')).toBe(
      'Les ruralités productives ouvrières',
    );
    expect(parseRuralityType('')).toBeNull();
    const d = ruralityDistribution([
      { insee: 'a', population: 100, densite: 6, ruralite: ' Les ruralités résidentielles aisées' },
      { insee: 'b', population: 300, densite: 6, ruralite: ' Les ruralités productives agricoles' },
      { insee: 'c', population: 100, densite: 6, ruralite: 'Les ruralités productives agricoles' },
      { insee: 'd', population: 50, densite: 1, ruralite: null },
    ]);
    expect(d.rows.map((r) => [r.label, r.communes, r.population, r.partPopulation])).toEqual([
      ['Les ruralités productives agricoles', 2, 400, 80],
      ['Les ruralités résidentielles aisées', 1, 100, 20],
    ]);
    expect(d.communesNonClassees).toEqual(['d']);
  });
});
