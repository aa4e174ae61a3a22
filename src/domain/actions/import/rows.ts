// Turns the rows of an imported file (CSV or XLSX, already split into cells by the caller) into
// validated actions, collecting EVERY error with its line and column: the import is all or
// nothing, and the dry run must show the whole list at once.

import { type Action, type ActionField, type ActionInput, validateAction } from '../action';
import type { ColumnKey } from '../columns';
import { columnHeader, matchHeaders } from './headers';
import {
  cellText,
  type Parsed,
  parseAmount,
  parseAxe,
  parseDate,
  parseList,
  parseStatut,
  parseThematiques,
  type TiLookup,
  unprotectFormula,
} from './values';

export interface ImportError {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** The header as written in the file (or the expected header for a missing column); null for a whole line. */
  column: string | null;
  message: string;
}

export interface ParsedRow {
  line: number;
  /** The platform identifier when the file has an « Identifiant » column (our own export). */
  id: string | null;
  action: Action;
}

export interface ParseResult {
  actions: ParsedRow[];
  errors: ImportError[];
  /** Columns present in the file: an update only touches these fields. */
  columns: ColumnKey[];
  /** Headers that were ignored, as written. */
  ignoredColumns: string[];
}

export interface ParseOptions {
  headers: readonly unknown[];
  tiLookup: TiLookup;
  /** Import for one TI: rows without a territory belong to it, rows naming another TI are errors. */
  defaultTiId?: string | null;
  /** Name of a TI for messages (optional). */
  tiName?: (tiId: string) => string | undefined;
  /**
   * Line number in the file of each data row, when a CSV cell spans several lines. By default row i
   * is on line i + 2.
   */
  lineNumbers?: readonly number[];
}

/** « Ligne 12, colonne « Statut » : valeur « fini » inconnue ; attendu l'un de : … » */
export function formatImportError(error: ImportError): string {
  return error.column === null
    ? `Ligne ${error.line} : ${error.message}`
    : `Ligne ${error.line}, colonne « ${error.column} » : ${error.message}`;
}

type CellParser = (cell: unknown) => Parsed<unknown>;
const PARSERS: Partial<Record<ColumnKey, CellParser>> = {
  axe: parseAxe,
  thematiques: parseThematiques,
  statut: parseStatut,
  partners: parseList,
  tags: parseList,
  plannedBudget: parseAmount,
  fundingObtained: parseAmount,
  startDate: parseDate,
  endDate: parseDate,
};

const isEmptyRow = (row: readonly unknown[]) => row.every((cell) => cellText(cell) === '');

export function parseActionRows(rows: readonly (readonly unknown[])[], options: ParseOptions): ParseResult {
  const { headers, tiLookup, defaultTiId = null } = options;
  const match = matchHeaders(headers, { defaultTiId });
  const errors: ImportError[] = [];
  const actions: ParsedRow[] = [];
  const headerText = (index: number) => String(headers[index] ?? '').trim();

  for (const key of match.missing) {
    errors.push({ line: 1, column: columnHeader(key), message: 'colonne obligatoire absente du fichier' });
  }
  for (const d of match.duplicates) {
    errors.push({
      line: 1,
      column: d.header,
      message: `colonne en double : « ${d.firstHeader} » désigne déjà la même donnée`,
    });
  }
  const columnIndex = new Map<ColumnKey, number>();
  match.mapping.forEach((key, index) => {
    if (key) columnIndex.set(key, index);
  });
  if (match.missing.length > 0) {
    return {
      actions,
      errors,
      columns: [...columnIndex.keys()],
      ignoredColumns: match.unknown.map((u) => u.header),
    };
  }
  const tiLabel = (id: string) => options.tiName?.(id) ?? id;

  rows.forEach((row, rowIndex) => {
    if (isEmptyRow(row)) return;
    const line = options.lineNumbers?.[rowIndex] ?? rowIndex + 2;
    const rowErrors: ImportError[] = [];
    const erroredFields = new Set<ColumnKey>();
    const input: Record<string, unknown> = {};

    for (const [key, index] of columnIndex) {
      const cell = row[index];
      const column = headerText(index);
      if (key === 'tiId') {
        const ref = unprotectFormula(cellText(cell));
        if (ref === '') continue;
        const tiId = tiLookup.resolve(ref);
        if (!tiId) {
          rowErrors.push({
            line,
            column,
            message: `territoire « ${ref} » inconnu ; attendu un nom de territoire d'industrie ou un identifiant comme « ti-8405 »`,
          });
          erroredFields.add(key);
        } else if (defaultTiId && tiId !== defaultTiId) {
          rowErrors.push({
            line,
            column,
            message: `la ligne concerne « ${ref} » alors que l'import porte sur le territoire « ${tiLabel(defaultTiId)} »`,
          });
          erroredFields.add(key);
        } else input.tiId = tiId;
        continue;
      }
      const parser = PARSERS[key];
      if (!parser) {
        // Free text: description keeps its line breaks, the rest is single-line (validateAction).
        input[key] = unprotectFormula(cellText(cell));
        continue;
      }
      const parsed = parser(typeof cell === 'string' ? unprotectFormula(cell.trim()) : cell);
      if (parsed.ok) input[key] = parsed.value;
      else {
        rowErrors.push({ line, column, message: parsed.message });
        erroredFields.add(key);
      }
    }
    if (input.tiId === undefined && !erroredFields.has('tiId')) {
      if (defaultTiId) input.tiId = defaultTiId;
      else {
        rowErrors.push({
          line,
          column: headerText(columnIndex.get('tiId')!),
          message: 'territoire manquant',
        });
        erroredFields.add('tiId');
      }
    }

    const id = input.id ? String(input.id) : null;
    delete input.id;
    const result = validateAction({
      ...(input as Partial<ActionInput>),
      tiId: String(input.tiId ?? '?'),
      title: String(input.title ?? ''),
    });
    if (!result.ok) {
      for (const e of result.errors) {
        if (erroredFields.has(e.field)) continue;
        const index = columnIndex.get(e.field as ColumnKey);
        rowErrors.push({
          line,
          column: index === undefined ? columnHeader(e.field as ActionField) : headerText(index),
          message: e.message,
        });
      }
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (result.ok) actions.push({ line, id, action: result.value });
  });

  return {
    actions,
    errors,
    columns: [...columnIndex.keys()],
    ignoredColumns: match.unknown.map((u) => u.header),
  };
}
