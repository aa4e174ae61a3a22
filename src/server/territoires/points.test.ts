import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../tests/helpers/platform';
import { communePoints } from './points';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'referentiel' });
});
afterAll(async () => platform?.close());

const inside = ([x, y]: [number, number], [w, s, e, n]: number[]) => x >= w! && x <= e! && y >= s! && y <= n!;

describe('commune points', () => {
  it('places a commune at its intercommunalité', async () => {
    const points = await communePoints(platform.ctx.db);
    // Oyonnax (Haut-Bugey Agglomération), in the Ain.
    expect(inside(points.point('01283', '84')!, [5.3, 45.9, 5.9, 46.5])).toBe(true);
  });

  it('replaces a label point lying outside its groupement (Plaine Commune is given in La Réunion)', async () => {
    const points = await communePoints(platform.ctx.db);
    // Saint-Denis (93), in the EPT Plaine Commune.
    expect(inside(points.point('93066', '11')!, [2.2, 48.8, 2.6, 49.05])).toBe(true);
  });

  it('moves overseas communes into the insets of the national map', async () => {
    const points = await communePoints(platform.ctx.db);
    // Saint-Denis de La Réunion → the Réunion inset west of Brittany.
    expect(inside(points.point('97411', '04')!, [-10.6, 42.6, -7.6, 44.3])).toBe(true);
    expect(points.point('00000', '84')).toBeNull();
  });
});
