import { DISPOSITIFS } from '../../domain/financements';
import { cliChoice, importCommand } from '../platform/files/import-command';
import type { ServerModule } from '../platform/module';
import { seedFinancements } from './demo';
import { importLaureates, importMissions } from './import';
import { financementsRoutes } from './routes';

export const financementsModule: ServerModule = {
  name: 'financements',
  routes: financementsRoutes,
  seedDemo: seedFinancements,
  commands: [
    importCommand(
      ['import', 'laureats'],
      'lauréats',
      'Importe des lauréats (CSV ou XLSX) : placement par code commune ou SIREN ; --dispositif fonds-vert et --annee 2024 pour un fichier sans ces colonnes',
      (ctx, data, name, run, flags) => {
        const codes = DISPOSITIFS.map((d) => d.code);
        const dispositif = cliChoice(flags, 'dispositif', codes, 'Dispositif inconnu');
        const annee = flags.get('annee');
        return importLaureates(ctx, data, name, {
          ...run,
          dispositif,
          annee: typeof annee === 'string' ? Number(annee) : undefined,
        });
      },
      ' [--dispositif CODE] [--annee AAAA]',
    ),
    importCommand(
      ['import', 'missions-rebond'],
      'missions Rebond',
      'Importe les missions Rebond industriel (CSV ou XLSX)',
      importMissions,
    ),
  ],
};
