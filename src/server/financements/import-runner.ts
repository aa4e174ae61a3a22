import { ANONYMOUS } from '../../domain/comptes/policy';
import type { ImportError, RowsInput } from '../../domain/financements';
import { normalizeText } from '../../domain/shared/text';
import { readTabular, TabularError, type TabularFile, type TabularSheet } from '../platform/files/tabular';
import { badRequest } from '../platform/http/errors';
import type { RequestContext } from '../platform/http/request-context';

// What every import of financements, foncier and gouvernance shares: reading the uploaded file, the
// report (preview) it returns, and the all-or-nothing rule — nothing is saved while one error remains.

export interface ReportError {
  ligne: number;
  colonne: string;
  message: string;
  /** « Ligne 12, colonne « Maturité » : … », ready to show. */
  texte: string;
  feuille?: string;
}

export interface ImportReport {
  simulation: boolean;
  fichier: string;
  format: 'csv' | 'xlsx';
  /** Data rows read (non-empty). */
  lignes: number;
  /** Rows without error. */
  valides: number;
  erreurs: ReportError[];
  /** Rows placed at a commune outside every TI: imported, but attached to no territory. */
  horsTi: { ligne: number; libelle: string; communeInsee: string; communeNom: string }[];
  /** Rows written to the database (0 for a simulation or when an error remains). */
  enregistres: number;
  /** The first rows as they would be saved. */
  apercu: unknown[];
  /** Per sheet, for workbooks holding several tables (governance). */
  feuilles?: { feuille: string; table: string; lignes: number; valides: number }[];
}

/** Reads an uploaded file; a file that cannot be read is a 400 with a French message. */
export async function readUpload(data: Uint8Array, name: string): Promise<TabularFile> {
  try {
    return await readTabular(data, name);
  } catch (error) {
    if (error instanceof TabularError) throw badRequest(error.message);
    throw error;
  }
}

/** The domain importers' input for one sheet: its table and the line of each row in the file. */
export function sheetInput(sheet: TabularSheet): { rows: RowsInput; options: { lineNumbers: number[] } } {
  return { rows: { headers: sheet.headers, rows: sheet.rows }, options: { lineNumbers: sheet.lineNumbers } };
}

export function reportErrors(errors: readonly ImportError[], sheet?: string): ReportError[] {
  return errors.map((e) => ({
    ligne: e.line,
    colonne: e.column,
    message: e.message,
    texte: `${sheet ? `Feuille « ${sheet} », l` : 'L'}igne ${e.line}, colonne « ${e.column} » : ${e.message}`,
    ...(sheet ? { feuille: sheet } : {}),
  }));
}

const isEmptyCell = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/**
 * The file line of each imported item: the non-empty rows without error, in order (the domain
 * importers keep the rows' order and skip exactly the rows with an error).
 */
export function itemLines(sheet: TabularSheet, errors: readonly ImportError[]): number[] {
  const failed = new Set(errors.map((e) => e.line));
  return sheet.rows.flatMap((row, i) => {
    const line = sheet.lineNumbers[i]!;
    return row.every(isEmptyCell) || failed.has(line) ? [] : [line];
  });
}

/** Ids for rows without an « Identifiant »: unique per import, so that two files never collide. */
export const importIdPrefix = (table: string, now: Date) => `${table}-${now.getTime().toString(36)}`;

/** The request context of a CLI import (recorded in the audit log without a user). */
export const CLI_CONTEXT: RequestContext = { actor: ANONYMOUS, ip: 'cli', session: null };

/** Finds a sheet by any of its accepted names (case, accents and punctuation ignored). */
export function findSheet(file: TabularFile, names: readonly string[]): TabularSheet | undefined {
  const wanted = new Set(names.map((n) => normalizeText(n)));
  return file.sheets.find((s) => wanted.has(normalizeText(s.name)));
}

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
