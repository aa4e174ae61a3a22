import { describe, expect, it } from 'vitest';
import { type GeographyIndex, resolveTerritoryCommunes, translateCommunes } from './perimeter';

const index = (
  communes: Record<string, string[]>,
  groupements: Record<string, string[]>,
): GeographyIndex => ({
  communeCodes: new Set(Object.keys(communes)),
  communeBySiren: new Map(Object.keys(communes).map((code) => [`2${code}`, { code }])),
  anciensCodes: new Map(Object.entries(communes)),
  groupementCommunes: new Map(Object.entries(groupements)),
});

// In 2023 communes A1 and A2 exist; by 2026 they merged into A1. EPCI E2 only exists in 2026.
const g2023 = index({ A1: [], A2: [], B1: [] }, { E1: ['A1', 'A2'] });
const g2026 = index({ A1: ['A1', 'A2'], B1: [] }, { E1: ['A1'], E2: ['B1'] });
const geography = { '2023': g2023, '2026': g2026 };

describe('perimeter resolution', () => {
  it('follows merged communes to their successor', () => {
    expect(translateCommunes(['A2'], g2023, g2026)).toEqual(['A1']);
    expect(translateCommunes(['A1'], g2026, g2023)).toEqual(['A1']);
  });

  it('resolves a groupement that exists only in the other vintage through its communes', () => {
    const { communes, warnings } = resolveTerritoryCommunes(
      [{ territoryId: 'ti-1', code: 'E2', siren: 'E2', type: 'epci' }],
      '2023',
      geography,
    );
    expect(communes.map((c) => c.insee)).toEqual(['B1']);
    expect(warnings).toEqual([]);
  });

  it('never puts one commune in two territories, and says so', () => {
    const { communes, warnings } = resolveTerritoryCommunes(
      [
        { territoryId: 'ti-1', code: 'E1', siren: 'E1', type: 'epci' },
        { territoryId: 'ti-2', code: 'A2', siren: '2A2', type: 'commune' },
      ],
      '2023',
      geography,
    );
    expect(communes).toHaveLength(2);
    expect(warnings).toEqual(['commune A2 dans ti-1 et ti-2']);
  });

  it('reports a member it cannot find', () => {
    const { warnings } = resolveTerritoryCommunes(
      [{ territoryId: 'ti-1', code: 'ZZ', siren: 'ZZ', type: 'epci' }],
      '2026',
      geography,
    );
    expect(warnings).toEqual(['membre ZZ de ti-1 introuvable']);
  });
});
