import { normalizeText } from '../../../domain/shared/text';
import { badRequest } from '../http/errors';
import { readTabular, TabularError, type TabularFile, type TabularSheet } from './tabular';

// The building blocks every spreadsheet import shares (laureates, sites, governance…): reading the
// uploaded file, handing a sheet to a domain importer, and the report (preview) sent back.

/** An error of a domain importer: a line of the file, a column, what is wrong. */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

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
export function sheetInput(sheet: TabularSheet): {
  rows: { headers: unknown[]; rows: unknown[][] };
  options: { lineNumbers: number[] };
} {
  return { rows: { headers: sheet.headers, rows: sheet.rows }, options: { lineNumbers: sheet.lineNumbers } };
}

export function reportErrors(errors: readonly RowError[], sheet?: string): ReportError[] {
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
export function itemLines(sheet: TabularSheet, errors: readonly RowError[]): number[] {
  const failed = new Set(errors.map((e) => e.line));
  return sheet.rows.flatMap((row, i) => {
    const line = sheet.lineNumbers[i]!;
    return row.every(isEmptyCell) || failed.has(line) ? [] : [line];
  });
}

/** Ids for rows without an « Identifiant »: unique per import, so that two files never collide. */
export const importIdPrefix = (table: string, now: Date) => `${table}-${now.getTime().toString(36)}`;

/** Finds a sheet by any of its accepted names (case, accents and punctuation ignored). */
export function findSheet(file: TabularFile, names: readonly string[]): TabularSheet | undefined {
  const wanted = new Set(names.map((n) => normalizeText(n)));
  return file.sheets.find((s) => wanted.has(normalizeText(s.name)));
}
