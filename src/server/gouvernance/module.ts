import { CLI_CONTEXT } from '../financements/import-runner';
import { importCommand } from '../financements/module';
import { HttpError } from '../platform/http/errors';
import type { ServerModule } from '../platform/module';
import { seedGouvernance } from './demo';
import { importGouvernance, isGouvernanceTable } from './import';
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
      (ctx, data, name, simulation, flags) => {
        const table = flags.get('table');
        if (typeof table === 'string' && !isGouvernanceTable(table))
          throw new HttpError(
            400,
            `Table inconnue : « ${table} » ; attendu binomes, chefs-de-projet, coordinateurs ou evenements.`,
          );
        return importGouvernance(ctx, data, name, {
          simulation,
          table: typeof table === 'string' && isGouvernanceTable(table) ? table : undefined,
          who: CLI_CONTEXT,
        });
      },
      ' [--table binomes|chefs-de-projet|coordinateurs|evenements]',
    ),
  ],
};
