import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatImportError } from '../../domain/actions';
import type { RequestContext } from '../platform/http/request-context';
import type { CliCommand } from '../platform/module';
import { importActions } from './import';
import { tiDirectory } from './territories';

// CLI commands of the actions module: `seed demo` (every module's demonstration data) and
// `import actions FILE`.

/** The CLI acts as the platform's operator (someone with shell access to the server). */
const OPERATOR: RequestContext = {
  actor: { userId: null, grants: [{ role: 'national' }] },
  ip: 'cli',
  session: null,
};

export const actionsCommands: CliCommand[] = [
  {
    words: ['seed', 'demo'],
    usage: 'seed demo',
    description: 'Crée les données de démonstration de tous les modules (sans effet si elles existent déjà)',
    async run(_args, io) {
      // Imported here: modules.ts imports this module (a static import would be circular).
      const { MODULES } = await import('../modules');
      for (const module of MODULES) {
        const done = await module.loadReference?.(io.ctx);
        if (done) io.out(`Données de référence : ${done}`);
      }
      let any = false;
      for (const module of MODULES) {
        const done = await module.seedDemo?.(io.ctx);
        if (done) {
          any = true;
          io.out(`Données de démonstration (${module.name}) : ${done}`);
        }
      }
      if (!any) io.out('Données de démonstration déjà présentes : rien à faire.');
      return 0;
    },
  },
  {
    words: ['import', 'actions'],
    usage: 'import actions FICHIER [--dry-run] [--json] [--ti ti-xxxx]',
    description:
      "Importe un plan d'action (CSV ou XLSX) : tout ou rien ; --dry-run pour l'aperçu, --ti pour un seul territoire",
    async run(args, io) {
      const json = args.includes('--json');
      const dryRun = args.includes('--dry-run');
      const tiIndex = args.indexOf('--ti');
      const ti = tiIndex >= 0 ? args[tiIndex + 1] : undefined;
      const file = args.find((a, i) => !a.startsWith('--') && (tiIndex < 0 || i !== tiIndex + 1));
      const fail = (message: string) => {
        if (json)
          io.out(
            JSON.stringify({
              created: 0,
              updated: 0,
              unchanged: 0,
              errors: [{ line: 0, column: null, message }],
            }),
          );
        else io.err(message);
        return 2;
      };
      if (!file) return fail('Usage : pilote import actions FICHIER [--dry-run] [--json] [--ti ti-xxxx]');
      if (tiIndex >= 0 && !ti)
        return fail('Option --ti : identifiant du territoire attendu (par exemple ti-8405).');
      const absolute = path.resolve(file);
      if (!existsSync(absolute)) return fail(`Fichier introuvable : ${file}`);
      if (ti && !(await tiDirectory(io.ctx)).byId.has(ti))
        return fail(`Territoire d'industrie inconnu : « ${ti} ».`);
      let result: Awaited<ReturnType<typeof importActions>>;
      try {
        result = await importActions(io.ctx, OPERATOR, {
          file: absolute,
          name: path.basename(absolute),
          dryRun,
          ti: ti ?? null,
          operator: true,
        });
      } catch (error) {
        return fail((error as Error).message);
      }
      const { created, updated, unchanged, errors } = result;
      if (json) {
        io.out(JSON.stringify({ created, updated, unchanged, errors }));
      } else {
        for (const e of errors) io.err(formatImportError(e));
        if (errors.length > 0) io.err(`${errors.length} erreur(s) : aucune action n'a été enregistrée.`);
        else
          io.out(
            `${dryRun ? 'Aperçu (rien n’est enregistré)' : 'Import effectué'} : ${created} créée(s), ${updated} modifiée(s), ${unchanged} inchangée(s).`,
          );
        if (result.ignoredColumns.length) io.out(`Colonnes ignorées : ${result.ignoredColumns.join(', ')}`);
      }
      return errors.length > 0 ? 1 : 0;
    },
  },
];
