import { describe, expect, it } from 'vitest';
import { actionPlanFigures } from './actions-figures';

describe('actionPlanFigures', () => {
  it('counts actions per status, a missing status as « Non renseigné »', () => {
    const f = actionPlanFigures([
      { statut: 'realise' },
      { statut: 'realise' },
      { statut: 'en-pause' },
      { statut: 'en-cours' },
      { statut: null },
    ]);
    expect(f.total).toBe(5);
    expect(f.partRealise).toBe(40);
    expect(f.partBloque).toBe(20);
    expect(f.parStatut.map((s) => [s.code, s.count])).toEqual([
      ['amont', 0],
      ['etude', 0],
      ['en-cours', 1],
      ['en-pause', 1],
      ['realise', 2],
      ['abandonne', 0],
      ['non-renseigne', 1],
    ]);
    expect(f.parStatut.at(-1)!.label).toBe('Non renseigné');
  });
  it('gives null shares for an empty plan', () => {
    const f = actionPlanFigures([]);
    expect(f.total).toBe(0);
    expect(f.partRealise).toBeNull();
    expect(f.partBloque).toBeNull();
  });
});
