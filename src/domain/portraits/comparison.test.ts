import { describe, expect, it } from 'vitest';
import { comparisonTable } from './comparison';
import type { CommuneEmployment } from './employment';
import { buildTerritoryFigures } from './portrait';

const nb = '\u202f';
const nbsp = '\u00a0';
const employment = new Map<string, CommuneEmployment>([
  [
    '01001',
    {
      insee: '01001',
      salaries: { 2022: 1200, 2025: 1000 },
      salariesIndustrie: { 2025: 250 },
      demandeurs: {},
    },
  ],
  [
    '01002',
    {
      insee: '01002',
      salaries: { 2022: 3000, 2025: 3000 },
      salariesIndustrie: { 2025: 150 },
      demandeurs: {},
    },
  ],
]);
const figures = (codes: string[]) =>
  buildTerritoryFigures({
    communes: codes.map((insee) => ({ insee, population: 1000, densite: 1 })),
    employment,
  });

describe('comparisonTable', () => {
  it('sets a territory beside its region and France, formatted in French with the source', () => {
    const r = comparisonTable(
      ['salaries-2022', 'part-industrie-2025'],
      [
        { key: 'ti', label: 'TI', figures: figures(['01001']) },
        { key: 'france', label: 'France', figures: figures(['01001', '01002']) },
        { key: 'mayotte', label: 'Mayotte', figures: figures(['97601']) },
      ],
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.value[0]!.cells.map((c) => c.display)).toEqual([`1${nb}200`, `4${nb}200`, 'donnée manquante']);
    expect(r.value[1]!.cells.map((c) => c.display)).toEqual([
      `25,0${nbsp}%`,
      `10,0${nbsp}%`,
      'donnée manquante',
    ]);
    expect(r.value[1]!.source).toMatch(/^Source : URSSAF.*\(2025\)$/);
  });
  it('refuses an unknown indicator in French', () => {
    expect(comparisonTable(['pib'], [])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Indicateur « pib » inconnu/),
    });
  });
});
