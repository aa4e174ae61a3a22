import { describe, expect, it } from 'vitest';
import { freshnessOf, freshnessThresholds, rollUpProgress, type TerritoryFigures } from './progress';

const now = new Date('2025-05-20T10:00:00Z');
const fig = (over: Partial<TerritoryFigures>): TerritoryFigures => ({
  territoire: 'ti-x',
  nom: 'X',
  region: '84',
  actions: 0,
  reviewed: 0,
  freshness: { 'a-jour': 0, 'a-revoir': 0, ancienne: 0, jamais: 0 },
  oldestReview: null,
  signedOffAt: null,
  sentBackAt: null,
  sentBackComment: null,
  ...over,
});

describe('freshness', () => {
  it('classifies by the date of last review', () => {
    expect(freshnessOf(null, now)).toBe('jamais');
    expect(freshnessOf(new Date('2025-05-01T00:00:00Z'), now)).toBe('a-jour');
    // 183 days before 2025-05-20 is 2024-11-18: that day is no longer « à jour ».
    expect(freshnessOf(new Date('2024-11-19T08:00:00Z'), now)).toBe('a-jour');
    expect(freshnessOf(new Date('2024-11-18T08:00:00Z'), now)).toBe('a-revoir');
    expect(freshnessOf(new Date('2024-05-21T08:00:00Z'), now)).toBe('a-revoir');
    expect(freshnessOf(new Date('2024-05-20T08:00:00Z'), now)).toBe('ancienne');
    // The SQL thresholds agree with freshnessOf.
    const { freshFrom, staleFrom } = freshnessThresholds(now);
    expect(freshFrom.toISOString()).toBe('2024-11-19T00:00:00.000Z');
    expect(staleFrom.toISOString()).toBe('2024-05-21T00:00:00.000Z');
  });
});

describe('rollUpProgress', () => {
  it('rolls territories up to regions and the nation (hand-computed)', () => {
    const signed = new Date('2025-05-18T10:00:00Z');
    const territories = [
      fig({
        territoire: 'ti-8405',
        nom: 'Oyonnax',
        region: '84',
        actions: 10,
        reviewed: 10,
        signedOffAt: signed,
        freshness: { 'a-jour': 10, 'a-revoir': 0, ancienne: 0, jamais: 0 },
      }),
      fig({
        territoire: 'ti-8422',
        nom: "Vallée de l'Arve",
        region: '84',
        actions: 20,
        reviewed: 5,
        freshness: { 'a-jour': 5, 'a-revoir': 10, ancienne: 0, jamais: 5 },
      }),
      fig({
        territoire: 'ti-2701',
        nom: 'Nord Franche-Comté',
        region: '27',
        actions: 10,
        reviewed: 10,
        signedOffAt: signed,
        freshness: { 'a-jour': 10, 'a-revoir': 0, ancienne: 0, jamais: 0 },
      }),
      fig({ territoire: 'ti-1101', nom: 'Vide', region: '11', actions: 0, reviewed: 0 }),
    ];
    const regions = new Map([
      ['84', { nom: 'Auvergne-Rhône-Alpes', validatedAt: null }],
      ['27', { nom: 'Bourgogne-Franche-Comté', validatedAt: signed }],
      ['11', { nom: 'Île-de-France', validatedAt: null }],
    ]);
    const p = rollUpProgress(territories, regions);
    expect(p.national).toMatchObject({
      territoires: 4,
      territoiresSignes: 2,
      actions: 40,
      actionsRevues: 25,
      partRevue: 0.625,
      partSignee: 0.5,
      regions: 3,
      regionsValidees: 1,
      partValidee: 0.333,
      fraicheur: { 'a-jour': 25, 'a-revoir': 10, ancienne: 0, jamais: 5 },
    });
    expect(p.regions.map((r) => [r.region, r.actionsRevues, r.actions, r.partRevue])).toEqual([
      ['84', 15, 30, 0.5],
      ['27', 10, 10, 1],
      ['11', 0, 0, 1],
    ]);
    expect(Object.fromEntries(p.territoires.map((t) => [t.territoire, t.statut]))).toEqual({
      'ti-2701': 'valide',
      'ti-8405': 'signe',
      'ti-8422': 'en-cours',
      'ti-1101': 'a-faire',
    });
  });
});
