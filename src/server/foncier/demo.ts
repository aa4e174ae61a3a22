import { generateDemoFoncier } from '../../domain/foncier';
import type { AppContext } from '../platform/context';
import { alreadyLoaded, markLoaded } from '../platform/db/dataset-loads';
import { loadDemoTerritories } from '../territoires/places';
import { foncierCache } from './data';
import { saveLandNeeds, saveSites } from './store';

// Demonstration sites clés en main and land needs, calibrated on the published figures (55 sites,
// 2,942 ha, 6 / 25 / 24 by maturity, 30 in land recycling). Idempotent (« demo:foncier »).

const DATASET = 'demo:foncier';

export async function seedFoncier(ctx: AppContext): Promise<string | null> {
  if (await alreadyLoaded(ctx.db, DATASET)) return null;
  const territories = await loadDemoTerritories(ctx.db);
  const { sites, besoins } = generateDemoFoncier({ territories });
  await ctx.db.transaction(async (tx) => {
    await saveSites(tx, sites);
    await saveLandNeeds(tx, besoins);
    await markLoaded(tx, DATASET, sites.length + besoins.length);
  });
  foncierCache(ctx).invalidate();
  return `${sites.length} sites clés en main et ${besoins.length} besoins fonciers (démonstration)`;
}
