import { generateDemoGouvernance } from '../../domain/gouvernance';
import type { AppContext } from '../platform/context';
import { alreadyLoaded, markLoaded } from '../platform/db/dataset-loads';
import { loadDemoTerritories } from '../territoires/places';
import { gouvernanceCache } from './data';
import { saveGouvernance } from './store';

// Demonstration governance calibrated on the published figures (336 élus, 352 industriels, 162 chefs
// de projet of whom 140 co-financed, 15 coordinators in 14 regions, 146 launch COPIL). Addresses use
// the reserved « demo.invalid » domain. Idempotent (« demo:gouvernance »).

const DATASET = 'demo:gouvernance';

export async function seedGouvernance(ctx: AppContext): Promise<string | null> {
  if (await alreadyLoaded(ctx.db, DATASET)) return null;
  const territories = await loadDemoTerritories(ctx.db);
  const g = generateDemoGouvernance({ territories });
  await ctx.db.transaction(async (tx) => {
    await saveGouvernance(tx, g);
    await markLoaded(
      tx,
      DATASET,
      g.membres.length + g.chefsDeProjet.length + g.coordinateurs.length + g.evenements.length,
    );
  });
  gouvernanceCache(ctx).invalidate();
  return `${g.membres.length} membres de binômes, ${g.chefsDeProjet.length} chefs de projet, ${g.coordinateurs.length} coordinateurs, ${g.evenements.length} événements (démonstration)`;
}
