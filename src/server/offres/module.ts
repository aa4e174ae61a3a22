import type { ServerModule } from '../platform/module';
import { catalogue, mirrorCatalogue } from './catalogue-store';
import { catalogueRoutes } from './routes-catalogue';
import { sollicitationsRoutes } from './routes-sollicitations';
import { usagesRoutes } from './routes-usages';
import { seedOffresDemo } from './seed-demo';

// Offers & parcours (issue 7): the catalogue of data/offres/ (a broken file stops the start, with the
// file and field named), the parcours of actions and territories, uptake, and requests to operators.
export const offresModule: ServerModule = {
  name: 'offres',
  async loadReference(ctx) {
    const cat = await catalogue(ctx); // throws CatalogueLoadError: the platform does not start
    const count = await ctx.db.transaction((tx) => mirrorCatalogue(tx, cat));
    return count === null ? null : `catalogue des offres chargé (${count} offres)`;
  },
  async routes(app, ctx) {
    await catalogue(ctx); // also when started without loading data: never serve a broken catalogue
    await catalogueRoutes(app, ctx);
    await usagesRoutes(app, ctx);
    await sollicitationsRoutes(app, ctx);
  },
  seedDemo: seedOffresDemo,
  commands: [
    {
      words: ['offres', 'verifier'],
      usage: 'offres verifier [dossier]',
      description:
        'Vérifie les fichiers du catalogue des offres (data/offres/ par défaut), fichier et champ à l’appui',
      async run(args, io) {
        const { loadCatalogue } = await import('./catalogue-loader');
        const { catalogueDir } = await import('./catalogue-store');
        try {
          const offers = await loadCatalogue(args[0] ?? catalogueDir());
          io.out(`Catalogue valide : ${offers.length} offres.`);
          return 0;
        } catch (error) {
          io.err((error as Error).message);
          return 1;
        }
      },
    },
  ],
};
