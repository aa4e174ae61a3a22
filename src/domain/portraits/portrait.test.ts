import { describe, expect, it } from 'vitest';
import type { CommuneEmployment } from './employment';
import { buildTerritoryFigures } from './portrait';

const employment = new Map<string, CommuneEmployment>([
  [
    '01001',
    {
      insee: '01001',
      salaries: { 2015: 100, 2019: 90, 2025: 120 },
      salariesIndustrie: { 2025: 30 },
      demandeurs: { 2024: 20 },
    },
  ],
]);

describe('buildTerritoryFigures', () => {
  it('assembles population, employment, typologies, overlaps and the action plan of a set of communes', () => {
    const f = buildTerritoryFigures({
      communes: [
        {
          insee: '01001',
          population: 800,
          densite: 6,
          ruralite: ' Les ruralités productives ouvrières',
          zonage: { insee: '01001', idTi: 'ti-8402', acv: false, pvd: true, qpv: [], massif: null },
        },
        { insee: '01002', population: null, densite: 1, ruralite: null, zonage: null },
      ],
      employment,
      actions: [{ statut: 'realise' }, { statut: null }],
    });
    expect(f.communes).toBe(2);
    expect(f.population).toEqual({
      value: 800,
      unit: 'habitants',
      year: 'COG 2023',
      source: 'insee_population',
      missing: null,
    });
    expect(f.communesSansPopulation).toEqual(['01002']);
    expect(f.emploi.salaries.value).toBe(120);
    expect(f.emploi.partIndustrie.value).toBe(25);
    expect(f.emploi.typologie).toBe('rebond');
    expect(f.emploi.communesAbsentes).toEqual(['01002']);
    expect(f.urbainRural.code).toBe('rural');
    expect(f.ruralites.rows.map((r) => r.label)).toEqual(['Les ruralités productives ouvrières']);
    expect(f.recouvrements!.programmes.find((p) => p.code === 'pvd')!.communes).toBe(1);
    expect(f.planAction!.partRealise).toBe(50);
  });
  it('has no action plan nor overlap when they are not given', () => {
    const f = buildTerritoryFigures({
      communes: [{ insee: '01001', population: 1, densite: 1 }],
      employment,
    });
    expect(f.planAction).toBeNull();
    expect(f.recouvrements).toBeNull();
  });
});
