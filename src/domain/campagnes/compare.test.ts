import { describe, expect, it } from 'vitest';
import { aggregateComparison, assembleComparison, type SnapshotRow, statsRows } from './compare';

const row = (action: string, statut: string | null, over: Partial<SnapshotRow> = {}): SnapshotRow => ({
  action,
  territoire: 'ti-8405',
  region: '84',
  axe: 'competences',
  thematiques: ['valorisation-industrie'],
  statut,
  ...over,
});

// Hand-made campaigns: 5 actions in A, 5 in B; a1..a4 in both, a5 gone, b6 new.
const A = [
  row('a1', 'amont'),
  row('a2', 'amont', { axe: 'foncier', thematiques: ['sites-cles-en-main', 'requalification-friche'] }),
  row('a3', 'en-cours', { region: '27', territoire: 'ti-2701' }),
  row('a4', null),
  row('a5', 'etude', { thematiques: [] }),
];
const B = [
  row('a1', 'amont'),
  row('a2', 'etude', { axe: 'foncier', thematiques: ['sites-cles-en-main', 'requalification-friche'] }),
  row('a3', 'realise', { region: '27', territoire: 'ti-2701' }),
  row('a4', 'abandonne'),
  row('b6', 'realise', { axe: 'innovation', thematiques: ['tiers-lieux'] }),
];
const regions = new Map([
  ['84', 'Auvergne-Rhône-Alpes'],
  ['27', 'Bourgogne-Franche-Comté'],
]);

describe('campaign comparison', () => {
  const c = assembleComparison(aggregateComparison(A, B), regions);

  it('counts side by side with the vocabulary labels and order', () => {
    expect(c.totaux).toEqual({ de: 5, a: 5, ecart: 0 });
    expect(c.parAxe.map((r) => [r.key, r.de, r.a, r.ecart])).toEqual([
      ['competences', 4, 3, -1],
      ['foncier', 1, 1, 0],
      ['innovation', 0, 1, 1],
      ['transition', 0, 0, 0],
      ['transversal', 0, 0, 0],
    ]);
    expect(c.parAxe[0]!.label).toBe('Compétences et attractivité');
    const them = Object.fromEntries(c.parThematique.map((r) => [r.key, [r.de, r.a]]));
    expect(them['valorisation-industrie']).toEqual([3, 3]);
    expect(them['sites-cles-en-main']).toEqual([1, 1]);
    expect(them['tiers-lieux']).toEqual([0, 1]);
    expect(c.parThematique).toHaveLength(15);
    expect(c.parStatut.map((r) => [r.key, r.de, r.a])).toEqual([
      ['amont', 2, 1],
      ['etude', 1, 1],
      ['en-cours', 1, 0],
      ['en-pause', 0, 0],
      ['realise', 0, 2],
      ['abandonne', 0, 1],
      ['non-renseigne', 1, 0],
    ]);
    expect(c.parStatut.at(-1)!.label).toBe('Non renseigné');
    expect(c.parRegion.map((r) => [r.label, r.de, r.a])).toEqual([
      ['Bourgogne-Franche-Comté', 1, 1],
      ['Auvergne-Rhône-Alpes', 4, 4],
    ]);
  });

  it('finds new, gone, abandoned, completed and unchanged actions', () => {
    expect(c).toMatchObject({ nouvelles: 1, disparues: 1, abandonnees: 1, realisees: 2, inchangees: 1 });
  });

  it('builds the transition matrix of statuts', () => {
    const m = c.transitions;
    const i = (code: string) => m.statuts.findIndex((s) => s.code === code);
    expect(m.cells[i('amont')]![i('amont')]).toBe(1);
    expect(m.cells[i('amont')]![i('etude')]).toBe(1);
    expect(m.cells[i('en-cours')]![i('realise')]).toBe(1);
    expect(m.cells[i('non-renseigne')]![i('abandonne')]).toBe(1);
    expect(m.cells.flat().reduce((s, n) => s + n, 0)).toBe(4);
    expect(m.nouvelles[i('realise')]).toBe(1);
    expect(m.disparues[i('etude')]).toBe(1);
  });

  it('gives one campaign figures in the shape of /api/v1/stats/actions', () => {
    expect(
      statsRows(
        [
          { key: 'foncier', count: 3 },
          { key: 'competences', count: 2 },
        ],
        'axe',
        regions,
      ).slice(0, 3),
    ).toEqual([
      { key: 'competences', label: 'Compétences et attractivité', count: 2 },
      { key: 'foncier', label: 'Foncier industriel', count: 3 },
      { key: 'innovation', label: 'Innovation', count: 0 },
    ]);
    expect(statsRows([{ key: '27', count: 3 }], 'region', regions)).toEqual([
      { key: '27', label: 'Bourgogne-Franche-Comté', count: 3 },
      { key: '84', label: 'Auvergne-Rhône-Alpes', count: 0 },
    ]);
  });
});
