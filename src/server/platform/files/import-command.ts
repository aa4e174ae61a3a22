import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ANONYMOUS } from '../../../domain/comptes/policy';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import type { RequestContext } from '../http/request-context';
import type { CliCommand, CliIo } from '../module';
import type { ImportRun } from './import-pipeline';
import type { ImportReport } from './import-report';

// The CLI side of the spreadsheet imports: `pilote import <table> FICHIER [--dry-run] [--json]`, with
// the same report as the API, printed for people (or as JSON).

/** The request context of a CLI import (recorded in the audit log without a user). */
export const CLI_CONTEXT: RequestContext = { actor: ANONYMOUS, ip: 'cli', session: null };

/** Parses `--flag value` / `--flag=value` arguments of CLI commands. */
export function cliArgs(args: readonly string[]): {
  positional: string[];
  flags: Map<string, string | true>;
} {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, value] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (value !== undefined) flags.set(name, value);
    else if (
      ['dry-run', 'json', 'simulation'].includes(name) ||
      args[i + 1]?.startsWith('--') ||
      i + 1 >= args.length
    )
      flags.set(name, true);
    else flags.set(name, args[++i]!);
  }
  return { positional, flags };
}

/**
 * The value of `--name` when it is one of `codes`; another value stops the command with
 * « <unknown> : « valeur » ; attendu a, b ou c. ».
 */
export function cliChoice<T extends string>(
  flags: Map<string, string | true>,
  name: string,
  codes: readonly T[],
  unknown: string,
): T | undefined {
  const value = flags.get(name);
  if (typeof value !== 'string') return undefined;
  if (!(codes as readonly string[]).includes(value))
    throw new HttpError(
      400,
      `${unknown} : « ${value} » ; attendu ${codes.slice(0, -1).join(', ')} ou ${codes.at(-1)}.`,
    );
  return value as T;
}

/** Prints an import report for people (or as JSON with --json); returns the exit code. */
export function printReport(
  report: ImportReport,
  io: { out(line: string): void; err(line: string): void },
  json: boolean,
  what: string,
): number {
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return report.erreurs.length ? 1 : 0;
  }
  io.out(
    `Fichier ${report.fichier} (${report.format.toUpperCase()}) : ${report.lignes} lignes lues, ${report.valides} valides.`,
  );
  for (const f of report.feuilles ?? [])
    io.out(`  feuille « ${f.feuille} » (${f.table}) : ${f.lignes} lignes, ${f.valides} valides`);
  for (const e of report.erreurs) io.err(e.texte);
  for (const h of report.horsTi)
    io.out(
      `Ligne ${h.ligne} : « ${h.libelle} » est à ${h.communeNom} (${h.communeInsee}), hors de tout Territoire d'industrie.`,
    );
  if (report.erreurs.length) {
    io.err(`${report.erreurs.length} erreur(s) : rien n'a été importé. Corrigez le fichier puis relancez.`);
    return 1;
  }
  io.out(
    report.simulation
      ? `Simulation : ${report.valides} ${what} seraient importés (rien n'a été enregistré).`
      : `${report.enregistres} ${what} importés.`,
  );
  return 0;
}

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
    run: ImportRun,
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
          { simulation: flags.has('dry-run') || flags.has('simulation'), who: CLI_CONTEXT },
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
