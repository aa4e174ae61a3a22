import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type DispositifCode, isDispositif } from '../../domain/financements';
import type { AppContext } from '../platform/context';
import { HttpError } from '../platform/http/errors';
import type { CliCommand, CliIo, ServerModule } from '../platform/module';
import { seedFinancements } from './demo';
import { importLaureates, importMissions } from './import';
import { CLI_CONTEXT, cliArgs, type ImportReport, printReport } from './import-runner';
import { financementsRoutes } from './routes';

/**
 * A CLI import command: `import <words> FICHIER [--dry-run] [--json]`. The file is read by the process
 * that runs the command (the server when the CLI hands it over: same machine, absolute path).
 */
export function importCommand(
  words: string[],
  what: string,
  description: string,
  run: (
    ctx: AppContext,
    data: Uint8Array,
    name: string,
    simulation: boolean,
    flags: Map<string, string | true>,
  ) => Promise<ImportReport>,
  extraUsage = '',
): CliCommand {
  return {
    words,
    usage: `${words.join(' ')} FICHIER [--dry-run] [--json]${extraUsage}`,
    description,
    async run(args: string[], io: CliIo) {
      const { positional, flags } = cliArgs(args);
      const file = positional[0];
      if (!file) {
        io.err(`Fichier manquant : pilote ${words.join(' ')} FICHIER [--dry-run] [--json]`);
        return 2;
      }
      let data: Uint8Array;
      try {
        data = await readFile(path.resolve(file));
      } catch {
        io.err(`Fichier introuvable : ${file}`);
        return 2;
      }
      try {
        const report = await run(
          io.ctx,
          data,
          path.basename(file),
          flags.has('dry-run') || flags.has('simulation'),
          flags,
        );
        return printReport(report, io, flags.has('json'), what);
      } catch (error) {
        if (error instanceof HttpError) {
          io.err(error.message);
          return 1;
        }
        throw error;
      }
    },
  };
}

export const financementsModule: ServerModule = {
  name: 'financements',
  routes: financementsRoutes,
  seedDemo: seedFinancements,
  commands: [
    importCommand(
      ['import', 'laureats'],
      'lauréats',
      'Importe des lauréats (CSV ou XLSX) : placement par code commune ou SIREN ; --dispositif fonds-vert et --annee 2024 pour un fichier sans ces colonnes',
      (ctx, data, name, simulation, flags) => {
        const dispositif = flags.get('dispositif');
        const annee = flags.get('annee');
        if (typeof dispositif === 'string' && !isDispositif(dispositif))
          throw new HttpError(
            400,
            `Dispositif inconnu : « ${dispositif} » ; attendu fonds-vert, rebond-industriel, ingenierie-anct ou ingenierie-rebond.`,
          );
        return importLaureates(ctx, data, name, {
          simulation,
          dispositif: typeof dispositif === 'string' ? (dispositif as DispositifCode) : undefined,
          annee: typeof annee === 'string' ? Number(annee) : undefined,
          who: CLI_CONTEXT,
        });
      },
      ' [--dispositif CODE] [--annee AAAA]',
    ),
    importCommand(
      ['import', 'missions-rebond'],
      'missions Rebond',
      'Importe les missions Rebond industriel (CSV ou XLSX)',
      (ctx, data, name, simulation) => importMissions(ctx, data, name, { simulation, who: CLI_CONTEXT }),
    ),
  ],
};
