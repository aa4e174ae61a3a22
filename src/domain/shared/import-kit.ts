// Shared machinery for importing tabular rows (CSV / XLSX already read into records) of laureates,
// sites and governance: tolerant header matching, French cell parsing and French error messages that
// say the line, the column and what was expected. Pure: the caller reads the file and applies the
// all-or-nothing rule (nothing is saved when `errors` is not empty).
// Used by financements, foncier and gouvernance; the action-plan importer (domain/actions) predates
// it and keeps its own parser.

import { normalizeText } from './text';

/**
 * One import error, the same shape as the action-plan importer's: `message` says what is wrong and
 * what was expected; `formatImportError` prefixes the line and the column.
 */
export interface ImportError {
  /** Line in the file: the header is line 1, the first data row line 2 (unless told otherwise). */
  line: number;
  /** The column as the file names it (or its expected French header when the column is missing). */
  column: string;
  message: string;
}

/** « Ligne 12, colonne « Maturité » : valeur « bientôt » inconnue ; attendu l'un de : … » */
export function formatImportError(error: ImportError): string {
  return `Ligne ${error.line}, colonne « ${error.column} » : ${error.message}`;
}

export interface ImportResult<T> {
  /** The valid rows. The caller saves them only when `errors` is empty (all-or-nothing). */
  items: T[];
  errors: ImportError[];
}

/** A column the importer knows: its French header, the synonyms files use, and whether it is required. */
export interface ColumnDef<K extends string = string> {
  key: K;
  label: string;
  synonyms?: readonly string[];
  required?: boolean;
}

export type RawRow = Readonly<Record<string, unknown>>;

/** A sheet as arrays: the header row, then the data rows (what csv-parse without `columns` gives). */
export interface TableInput {
  headers: readonly unknown[];
  rows: readonly (readonly unknown[])[];
}

/** Rows as records keyed by header (csv-parse with `columns: true`), or as a table. */
export type RowsInput = readonly RawRow[] | TableInput;

export interface ImportOptions {
  /** Line number of the first data row (default 2: one header line). */
  firstLine?: number;
  /** Line in the file of each data row, when a CSV cell spans several lines (overrides `firstLine`). */
  lineNumbers?: readonly number[];
}

/** Table → records; a repeated header keeps its first column, later ones are suffixed « (2) », « (3) »… */
export function tableToRecords(table: TableInput): RawRow[] {
  const keys = tableHeaderKeys(table.headers);
  return table.rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])));
}

function tableHeaderKeys(headers: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const text = cellText(header) ?? '';
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return count === 1 ? text : `${text} (${count})`;
  });
}

/** Where each known column sits in the file: key → the file's own header. */
export type ColumnMap<K extends string> = Partial<Record<K, string>>;

/** Matches the file's headers to the known columns, ignoring case, accents, punctuation and units. */
export function matchColumns<K extends string>(
  headers: readonly string[],
  columns: readonly ColumnDef<K>[],
): { map: ColumnMap<K>; missing: ColumnDef<K>[]; unknown: string[] } {
  const map: ColumnMap<K> = {};
  const used = new Set<string>();
  const take = (column: ColumnDef<K>, name: string) => {
    if (map[column.key] !== undefined) return;
    const found = headers.find((header) => !used.has(header) && headerKey(header) === headerKey(name));
    if (found === undefined) return;
    map[column.key] = found;
    used.add(found);
  };
  // Exact headers first, so that a column's own header is never taken as another column's synonym;
  // then the synonyms, in their order of preference.
  // (Internal keys are not headers: the key « commune » must not take a column of commune names.)
  for (const column of columns) take(column, column.label);
  for (const column of columns) for (const synonym of column.synonyms ?? []) take(column, synonym);
  const missing = columns.filter((column) => column.required && map[column.key] === undefined);
  const unknown = headers.filter((header) => !used.has(header) && headerKey(header) !== '');
  return { map, missing, unknown };
}

/** Header comparison key: « Subvention (€) », "subvention_eur" and "SUBVENTION" are the same column. */
export function headerKey(header: string): string {
  return normalizeText(header.replace(/\(.*?\)/g, ' ').replace(/€|\beur\b|\beuros?\b/gi, ' '))
    .replace(/\b(en|le|la|les|du|de|des|d|l)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Union of the keys of all rows, in order of first appearance. */
export function headersOf(rows: readonly RawRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

export const quote = (value: string) => `« ${value} »`;

/** 5000000 → « 5 000 000 » (plain spaces, so messages read the same in every viewer). */
export const formatNumber = (value: number): string => {
  const [int, dec] = String(Math.abs(value)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${value < 0 ? '-' : ''}${grouped}${dec ? `,${dec}` : ''}`;
};

/** The cell as trimmed text, `null` when empty. Numbers and dates come back as their text. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && value !== null && 'richText' in value) {
    // exceljs rich text: runs of formatted text.
    const runs = (value as { richText: { text?: unknown }[] }).richText;
    return cellText(runs.map((run) => String(run.text ?? '')).join(''));
  }
  if (typeof value === 'object' && value !== null && 'text' in value)
    return cellText((value as { text: unknown }).text);
  if (typeof value === 'object' && value !== null && 'result' in value)
    return cellText((value as { result: unknown }).result);
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * A number written the French way or any usual way: « 1 234 567,89 », « 1.234.567 », « 63 000 € »,
 * « 1,5 M€ », « 40 k€ », « 12 ha ». Returns `undefined` when the text is not a number.
 * A lone dot followed by exactly three digits and nothing else (« 1.500 ») is a thousands separator,
 * as French spreadsheets write it; otherwise a lone dot is a decimal point.
 */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = cellText(value);
  if (text === null) return undefined;
  let t = text
    .toLowerCase()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/(euros?|eur|€|hectares?|ha|emplois?)$/g, '');
  let factor = 1;
  const suffix = /(md|mds|m|k)(€|euros?|eur)?$/.exec(t);
  if (suffix) {
    factor = suffix[1] === 'k' ? 1e3 : suffix[1] === 'm' ? 1e6 : 1e9;
    t = t.slice(0, suffix.index);
  }
  t = t.replace(/(€|euros?|eur)$/, '');
  if (!/^[-+]?[\d.,]+$/.test(t)) return undefined;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    t = t.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    if (t.indexOf(',') !== lastComma) t = t.split(',').join('');
    else t = t.replace(',', '.');
  } else if (lastDot >= 0) {
    if (t.indexOf('.') !== lastDot || /^[-+]?\d{1,3}\.\d{3}$/.test(t)) t = t.split('.').join('');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  const number = Number(t) * factor;
  return Number.isFinite(number) ? Math.round(number * 1e6) / 1e6 : undefined;
}

const TRUE_WORDS = new Set(['oui', 'o', 'vrai', 'x', '1', 'true', 'yes', 'y', 'ok']);
const FALSE_WORDS = new Set(['non', 'n', 'faux', '0', 'false', 'no']);

/** « Oui » / « Non » and their usual spellings. `undefined` when unrecognised. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = cellText(value);
  if (text === null) return undefined;
  const key = normalizeText(text);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return undefined;
}

/** A date as ISO « AAAA-MM-JJ » from ISO text, « JJ/MM/AAAA », a Date or an Excel serial number. */
export function parseDate(value: unknown): string | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value > 20000 && value < 80000) {
    // Excel serial day (1900 system): day 25569 is 1970-01-01.
    return new Date(Math.round((value - 25569) * 86400000)).toISOString().slice(0, 10);
  }
  const text = cellText(value);
  if (text === null) return undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  let [y, m, d] = match ? [match[1], match[2], match[3]] : [undefined, undefined, undefined];
  if (!match) {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (match) [d, m, y] = [match[1], match[2], match[3]];
  }
  if (!match) {
    match = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
    if (match) [d, m, y] = ['1', match[1], match[2]];
  }
  if (!y || !m || !d) return undefined;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** INSEE commune code: five characters, digits or 2A/2B; Excel's lost leading zero is restored. */
export function normalizeInsee(value: unknown): string | undefined {
  const text = cellText(typeof value === 'number' ? String(Math.trunc(value)) : value);
  if (text === null) return undefined;
  const t = text.toUpperCase().replace(/\s/g, '');
  if (/^\d{4}$/.test(t)) return `0${t}`;
  if (/^(\d{5}|2[AB]\d{3})$/.test(t)) return t;
  return undefined;
}

/** SIREN: nine digits, Luhn key checked (La Poste's 356000000 is the known exception); a SIRET gives its SIREN. */
export function normalizeSiren(value: unknown): string | undefined {
  const text = cellText(typeof value === 'number' ? String(Math.trunc(value)) : value);
  if (text === null) return undefined;
  const digits = text.replace(/[\s.\u00a0]/g, '');
  if (!/^\d{9}(\d{5})?$/.test(digits)) return undefined;
  const siren = digits.slice(0, 9);
  if (siren === '356000000') return siren;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(siren[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0 ? siren : undefined;
}

/** A value of a vocabulary: code, label or one of the synonyms, compared without case or accents. */
export interface VocabularyEntry<C extends string = string> {
  code: C;
  label: string;
  synonyms?: readonly string[];
}

export function matchVocabulary<C extends string>(
  value: string,
  vocabulary: readonly VocabularyEntry<C>[],
): C | undefined {
  const key = normalizeText(value);
  for (const entry of vocabulary) {
    if ([entry.code, entry.label, ...(entry.synonyms ?? [])].some((word) => normalizeText(word) === key))
      return entry.code;
  }
  return undefined;
}

/**
 * Reads one file's rows against a column list. It checks the headers once (a missing required column
 * is one error on line 1), then hands each row to `readRow` with a `Cells` helper that records
 * errors at the right line and column. Rows whose cells are all empty are skipped.
 */
export function importRows<K extends string, T>(
  input: RowsInput,
  columns: readonly ColumnDef<K>[],
  readRow: (cells: Cells<K>, line: number) => T | undefined,
  options: ImportOptions = {},
): ImportResult<T> {
  const errors: ImportError[] = [];
  const items: T[] = [];
  const rows = 'headers' in input ? tableToRecords(input) : (input as readonly RawRow[]);
  const headers = 'headers' in input ? tableHeaderKeys(input.headers) : headersOf(rows);
  const headerLine = (options.firstLine ?? 2) - 1;
  const { map, missing } = matchColumns(headers, columns);
  for (const column of missing) {
    const accepted = [column.label, ...(column.synonyms ?? [])].map(quote).join(', ');
    errors.push({
      line: headerLine,
      column: column.label,
      message: `colonne obligatoire absente ; en-têtes acceptés : ${accepted}`,
    });
  }
  if (missing.length > 0) return { items, errors };
  const idLines = new Map<string, number>();
  const idColumn = columns.find((column) => column.key === 'id');
  rows.forEach((row, index) => {
    const line = options.lineNumbers?.[index] ?? (options.firstLine ?? 2) + index;
    if (Object.values(row).every((value) => cellText(value) === null)) return;
    const cells = new Cells(row, map, columns, line, errors);
    const before = errors.length;
    // The same identifier twice in one file would make one row silently replace the other.
    const id = idColumn ? cellText(cells.raw(idColumn.key)) : null;
    if (idColumn && id !== null) {
      const first = idLines.get(id);
      if (first === undefined) idLines.set(id, line);
      else
        cells.error(
          idColumn.key,
          `identifiant ${quote(id)} déjà présent ligne ${first} ; attendu un identifiant unique`,
        );
    }
    const item = readRow(cells, line);
    if (item !== undefined && errors.length === before) items.push(item);
  });
  return { items, errors };
}

/** Reads the cells of one row; every reader records a French error and returns `undefined` on bad input. */
export class Cells<K extends string> {
  constructor(
    readonly row: RawRow,
    private readonly map: ColumnMap<K>,
    private readonly columns: readonly ColumnDef<K>[],
    readonly line: number,
    private readonly errors: ImportError[],
  ) {}

  /** The column's name as the file writes it, or its French label when absent. */
  columnName(key: K): string {
    return this.map[key] ?? this.columns.find((column) => column.key === key)?.label ?? key;
  }

  raw(key: K): unknown {
    const header = this.map[key];
    return header === undefined ? undefined : this.row[header];
  }

  has(key: K): boolean {
    return cellText(this.raw(key)) !== null;
  }

  error(key: K, what: string): undefined {
    this.errors.push({ line: this.line, column: this.columnName(key), message: what });
    return undefined;
  }

  private valueOrMissing(key: K, required: boolean): string | null | undefined {
    const text = cellText(this.raw(key));
    if (text === null && required) return this.error(key, 'valeur obligatoire manquante');
    return text;
  }

  /** Text; `null` when empty and optional. */
  text(key: K, required = false): string | null | undefined {
    return this.valueOrMissing(key, required);
  }

  /** A number ≥ `min` (default 0); `null` when empty and optional. */
  number(
    key: K,
    opts: { required?: boolean; min?: number; max?: number; integer?: boolean; expected?: string } = {},
  ): number | null | undefined {
    const text = this.valueOrMissing(key, opts.required ?? false);
    if (text === null || text === undefined) return text;
    const expected = opts.expected ?? (opts.integer ? 'un nombre entier' : 'un nombre');
    const value = parseNumber(this.raw(key));
    if (value === undefined)
      return this.error(key, `valeur ${quote(text)} non numérique ; attendu ${expected}`);
    if (opts.integer && !Number.isInteger(value))
      return this.error(key, `valeur ${quote(text)} non entière ; attendu ${expected}`);
    const min = opts.min ?? 0;
    if (value < min)
      return this.error(key, `valeur ${quote(text)} inférieure à ${min} ; attendu ${expected}`);
    if (opts.max !== undefined && value > opts.max)
      return this.error(key, `valeur ${quote(text)} supérieure à ${opts.max} ; attendu ${expected}`);
    return value;
  }

  /** A year between `min` and `max`. */
  year(key: K, opts: { required?: boolean; min?: number; max?: number } = {}): number | null | undefined {
    const min = opts.min ?? 2018;
    const max = opts.max ?? 2035;
    return this.number(key, {
      ...opts,
      min,
      max,
      integer: true,
      expected: `une année entre ${min} et ${max}`,
    });
  }

  boolean(key: K, required = false): boolean | null | undefined {
    const text = this.valueOrMissing(key, required);
    if (text === null || text === undefined) return text;
    const value = parseBoolean(this.raw(key));
    if (value === undefined)
      return this.error(key, `valeur ${quote(text)} non reconnue ; attendu « Oui » ou « Non »`);
    return value;
  }

  date(key: K, required = false): string | null | undefined {
    const text = this.valueOrMissing(key, required);
    if (text === null || text === undefined) return text;
    const value = parseDate(this.raw(key));
    if (value === undefined)
      return this.error(key, `date ${quote(text)} non reconnue ; attendu une date au format JJ/MM/AAAA`);
    return value;
  }

  /** A vocabulary value by code, label or synonym; the error lists the labels. */
  choice<C extends string>(
    key: K,
    vocabulary: readonly VocabularyEntry<C>[],
    required = false,
  ): C | null | undefined {
    const text = this.valueOrMissing(key, required);
    if (text === null || text === undefined) return text;
    const code = matchVocabulary(text, vocabulary);
    if (code === undefined)
      return this.error(
        key,
        `valeur ${quote(text)} inconnue ; attendu l'un de : ${vocabulary.map((entry) => entry.label).join(', ')}`,
      );
    return code;
  }

  insee(key: K, required = false): string | null | undefined {
    const text = this.valueOrMissing(key, required);
    if (text === null || text === undefined) return text;
    const code = normalizeInsee(this.raw(key));
    if (code === undefined)
      return this.error(key, `code ${quote(text)} invalide ; attendu un code commune INSEE à 5 caractères`);
    return code;
  }

  siren(key: K, required = false): string | null | undefined {
    const text = this.valueOrMissing(key, required);
    if (text === null || text === undefined) return text;
    const siren = normalizeSiren(this.raw(key));
    if (siren === undefined)
      return this.error(
        key,
        `SIREN ${quote(text)} invalide ; attendu 9 chiffres (ou un SIRET à 14 chiffres)`,
      );
    return siren;
  }

  email(key: K): string | null | undefined {
    const text = this.valueOrMissing(key, false);
    if (text === null || text === undefined) return text;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
      return this.error(key, `adresse ${quote(text)} invalide ; attendu une adresse électronique`);
    return text.toLowerCase();
  }

  phone(key: K): string | null | undefined {
    const text = this.valueOrMissing(key, false);
    if (text === null || text === undefined) return text;
    const digits = text.replace(/[\s.\-()]/g, '');
    if (!/^(\+\d{8,15}|0\d{9})$/.test(digits))
      return this.error(
        key,
        `numéro ${quote(text)} invalide ; attendu 10 chiffres ou un numéro international`,
      );
    return digits;
  }

  /** A list separated by « ; », « , » or line breaks. */
  list(key: K): string[] {
    const text = cellText(this.raw(key));
    if (text === null) return [];
    return text
      .split(/[;,\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }
}
