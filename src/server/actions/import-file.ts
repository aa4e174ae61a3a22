import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { loadExcelJS } from '../platform/files/exceljs';
import { badRequest } from '../platform/http/errors';

// Reads an uploaded action plan, row by row, without holding the file in memory: CSV (comma,
// semicolon or tab; UTF-8 with or without BOM, or Windows-1252 as Excel writes it on French
// Windows) or XLSX (first worksheet, exceljs streaming reader). The file is on disk (the upload is
// streamed to a temporary file first), so it can be read twice: once to tell its encoding, once to
// parse it.

export interface FileRow {
  /** Line (CSV, the line where the record starts) or row number (XLSX), 1-based. */
  line: number;
  cells: unknown[];
}

export type FileFormat = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

async function head(file: string, size: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Tells CSV from XLSX by the bytes (XLSX is a ZIP archive), refusing what is neither. */
export async function detectFormat(file: string, name: string): Promise<FileFormat> {
  const start = await head(file, 4096);
  if (start.length === 0) throw badRequest('Fichier vide : aucune ligne à importer.');
  if (ZIP.every((b, i) => start[i] === b)) return 'xlsx';
  if (/\.xls$/i.test(name) || (start[0] === 0xd0 && start[1] === 0xcf))
    throw badRequest(
      'Format .xls (Excel 97-2003) non pris en charge : enregistrez le fichier en .xlsx ou en CSV.',
    );
  if (/\.(xlsx|xlsm)$/i.test(name))
    throw badRequest(`Le fichier « ${name} » n'est pas un classeur Excel (.xlsx) valide.`);
  // Text files have no NUL byte (UTF-16 is not supported: Excel's « CSV UTF-8 » and « CSV » are).
  if (start.includes(0))
    throw badRequest(
      `Le fichier « ${name} » n'est ni un CSV ni un classeur XLSX : enregistrez-le au format CSV (séparateur « ; » ou « , ») ou XLSX.`,
    );
  return 'csv';
}

/** True when the whole file is valid UTF-8 (checked chunk by chunk). */
export async function isUtf8(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The separator used most on the first line, outside quotes: « ; », « , » or a tab. */
export function detectDelimiter(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

async function* csvRows(file: string): AsyncGenerator<FileRow> {
  const utf8 = await isUtf8(file);
  const encoding = utf8 ? 'utf-8' : 'win1252';
  const firstBytes = await head(file, 64 * 1024);
  const firstText = iconv.decode(firstBytes, encoding).replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(firstText.split(/\r?\n/, 1)[0] ?? '');
  const decoded: Readable = createReadStream(file).pipe(iconv.decodeStream(encoding) as unknown as Transform);
  const parser = decoded.pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }),
  );
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the line where the record ends; a record spanning lines starts earlier.
      const breaks = record.record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
      yield { line: record.info.lines - breaks, cells: record.record };
    }
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string };
    throw badRequest(
      `Fichier CSV illisible${e.lines ? ` à la ligne ${e.lines}` : ''} : ${e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'guillemet ouvert jamais refermé' : 'structure invalide'}. Vérifiez le fichier ou enregistrez-le à nouveau depuis votre tableur.`,
    );
  }
}

async function* xlsxRows(file: string): AsyncGenerator<FileRow> {
  const { stream } = await loadExcelJS();
  const reader = new stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based (index 0 unused).
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { line: row.number, cells: Array.from(values, (v) => (v === undefined ? null : v)) };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw badRequest(
      "Classeur XLSX illisible : le fichier est endommagé ou n'est pas au format Excel (.xlsx).",
    );
  }
}

export function readRows(file: string, format: FileFormat): AsyncGenerator<FileRow> {
  return format === 'xlsx' ? xlsxRows(file) : csvRows(file);
}
