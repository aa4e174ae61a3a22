import { describe, expect, it } from 'vitest';
import { groupStuckByTerritory, stuckActions, trailingRun } from './stuck';

const trail = (action: string, territoire: string, statuts: (string | null | undefined)[]) => ({
  action,
  territoire,
  region: '84',
  titre: `Action ${action}`,
  statuts,
});

describe('stuck actions', () => {
  it('counts the trailing run of the latest statut', () => {
    expect(trailingRun(['amont', 'amont', 'amont'])).toBe(3);
    expect(trailingRun(['en-pause', 'amont', 'amont'])).toBe(2);
    expect(trailingRun(['amont', undefined, 'amont'])).toBe(1);
    expect(trailingRun([undefined])).toBe(0);
  });

  it('keeps actions in « en pause » or « amont » for two campaigns or more, by territory', () => {
    const stuck = stuckActions([
      trail('1', 'ti-8405', ['amont', 'amont']), // stuck 2
      trail('2', 'ti-8405', ['en-pause', 'en-pause', 'en-pause']), // stuck 3
      trail('3', 'ti-8405', ['amont', 'en-pause']), // changed: not stuck
      trail('4', 'ti-8422', ['en-cours', 'en-cours']), // not a stuck statut
      trail('5', 'ti-8422', [undefined, 'amont']), // new: one campaign only
      trail('6', 'ti-8422', ['en-pause', 'en-pause']),
      trail('7', 'ti-8422', [null, null]), // non renseigné is not « bloqué »
    ]);
    expect(stuck.map((s) => [s.action, s.statut, s.campagnes])).toEqual([
      ['2', 'en-pause', 3],
      ['1', 'amont', 2],
      ['6', 'en-pause', 2],
    ]);
    expect(stuck[0]!.statutLabel).toBe('En pause / à débloquer');
    const groups = groupStuckByTerritory(stuck);
    expect(groups.map((g) => [g.territoire, g.enPause, g.amont])).toEqual([
      ['ti-8405', 1, 1],
      ['ti-8422', 1, 0],
    ]);
  });
});
