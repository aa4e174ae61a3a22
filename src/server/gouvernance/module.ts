import { cliChoice, importCommand } from '../platform/files/import-command';
import type { ServerModule } from '../platform/module';
import { seedGouvernance } from './demo';
import { GOUVERNANCE_TABLES, type GouvernanceTable, importGouvernance } from './import';
import { gouvernanceRoutes } from './routes';

export const gouvernanceModule: ServerModule = {
  name: 'gouvernance',
  routes: gouvernanceRoutes,
  seedDemo: seedGouvernance,
  commands: [
    importCommand(
      ['import', 'gouvernance'],
      'lignes de gouvernance',
      'Importe la gouvernance : classeur à feuilles « Binômes », « Chefs de projet », « Coordinateurs », « Événements », ou une table avec --table',
      (ctx, data, name, run, flags) => {
        const tables = Object.keys(GOUVERNANCE_TABLES) as GouvernanceTable[];
        const table = cliChoice(flags, 'table', tables, 'Table inconnue');
        return importGouvernance(ctx, data, name, { ...run, table });
      },
      ' [--table binomes|chefs-de-projet|coordinateurs|evenements]',
    ),
  ],
};
