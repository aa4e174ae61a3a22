import type { AppContext } from '../platform/context';
import type { ServerModule } from '../platform/module';
import { TerritoryCache } from './cache';
import { loadReferentiel } from './load-referentiel';
import { territoiresRoutes } from './routes';

// One cache per running platform (tests run several in one process).
const caches = new WeakMap<AppContext, TerritoryCache>();
export function territoryCache(ctx: AppContext): TerritoryCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new TerritoryCache(ctx);
    caches.set(ctx, cache);
  }
  return cache;
}

export const territoiresModule: ServerModule = {
  name: 'territoires',
  async routes(app, ctx) {
    await territoiresRoutes(app, ctx, territoryCache(ctx));
  },
  async loadReference(ctx) {
    const report = await loadReferentiel(ctx.db);
    if (report.skipped) return null;
    territoryCache(ctx).invalidate();
    return `référentiel chargé (${report.counts.territoires} périmètres de territoires, ${report.counts.communes_2026} communes)`;
  },
  commands: [
    {
      words: ['import', 'referentiel'],
      usage: 'import referentiel [--force]',
      description: 'Charge (ou recharge avec --force) le référentiel des territoires depuis data/reference/',
      async run(args, io) {
        const report = await loadReferentiel(io.ctx.db, { force: args.includes('--force') });
        territoryCache(io.ctx).invalidate();
        if (report.skipped) {
          io.out(
            `Référentiel déjà à jour (version ${report.version}) : rien à faire. Utilisez --force pour recharger.`,
          );
          return 0;
        }
        io.out(`Référentiel chargé (version ${report.version}) :`);
        for (const [table, count] of Object.entries(report.counts)) io.out(`  ${table.padEnd(22)} ${count}`);
        for (const warning of report.warnings) io.err(`Attention : ${warning}`);
        return 0;
      },
    },
  ],
};
