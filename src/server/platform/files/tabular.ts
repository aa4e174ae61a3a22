import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { loadExcelJS } from './exceljs';

// Reads a spreadsheet the way people send them: CSV in UTF-8 (with or without BOM) or Windows-1252,
// separated by « ; », « , » or tabs, or an XLSX workbook (every sheet). Each sheet comes back as a
// header row and data rows with the line number of each row in the file, so that import errors can
// say « Ligne 12 ». Shared by the importers of every module (laureates, sites, governance…).

export interface TabularSheet {
  name: string;
  headers: unknown[];
  rows: unknown[][];
  /** Line (CSV) or row number (XLSX) of each data row in the file. */
  lineNumbers: number[];
}

export interface TabularFile {
  format: 'csv' | 'xlsx';
  sheets: TabularSheet[];
}

export class TabularError extends Error {}

const isZip = (data: Uint8Array) =>
  data.length > 3 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03;

/** Reads CSV or XLSX bytes; `name` (the file name) only helps tell the format when the bytes cannot. */
export async function readTabular(data: Uint8Array, name = ''): Promise<TabularFile> {
  if (data.length === 0) throw new TabularError('Fichier vide : aucune ligne à importer.');
  if (isZip(data) || /\.xlsx$/i.test(name)) return { format: 'xlsx', sheets: await readXlsx(data) };
  if (/\.xls$/i.test(name))
    throw new TabularError(
      'Format .xls (Excel 97-2003) non pris en charge : enregistrez le fichier en .xlsx ou en CSV.',
    );
  return { format: 'csv', sheets: [readCsv(data, name)] };
}

/** UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise (Excel's « CSV » on French Windows). */
export function decodeText(data: Uint8Array): string {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buffer, 'win1252');
  }
}

/** The separator used most on the first line, outside quotes: « ; », « , » or a tab. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

function readCsv(data: Uint8Array, name: string): TabularSheet {
  const text = decodeText(data);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new TabularError(
      `Fichier CSV illisible${line ? ` (ligne ${line})` : ''} : vérifiez les guillemets et le séparateur.`,
    );
  }
  const [header, ...rows] = records;
  if (!header) throw new TabularError('Fichier vide : aucune ligne à importer.');
  const nonEmpty = rows.filter((r) => r.record.some((cell) => cell !== ''));
  return {
    name: name.replace(/\.[^.]*$/, '') || 'CSV',
    headers: header.record,
    rows: nonEmpty.map((r) => r.record),
    // csv-parse counts the lines read so far: the record's last line (its first, unless a cell spans several).
    lineNumbers: nonEmpty.map((r) => r.info.lines),
  };
}

async function readXlsx(data: Uint8Array): Promise<TabularSheet[]> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as never);
  } catch {
    throw new TabularError('Classeur Excel illisible : enregistrez-le au format .xlsx ou en CSV.');
  }
  const sheets: TabularSheet[] = [];
  workbook.eachSheet((sheet) => {
    const rows: { number: number; values: unknown[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      // row.values is 1-based (index 0 is empty).
      const values = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v));
      if (values.some((v) => v !== null && v !== '')) rows.push({ number, values });
    });
    const [header, ...data] = rows;
    if (!header) return;
    sheets.push({
      name: sheet.name,
      headers: header.values,
      rows: data.map((r) => r.values),
      lineNumbers: data.map((r) => r.number),
    });
  });
  if (sheets.length === 0) throw new TabularError('Classeur vide : aucune feuille ne contient de lignes.');
  return sheets;
}

/** Writes rows as a semicolon CSV with BOM (what French spreadsheets open directly). */
export function writeCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): Buffer {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : String(value);
    // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [headers, ...rows].map((row) => row.map(cell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Writes one or several sheets as an XLSX workbook, headers in bold, columns sized to their content. */
export async function writeXlsx(
  sheets: readonly { name: string; headers: readonly string[]; rows: readonly (readonly unknown[])[] }[],
): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pilote TI';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31));
    sheet.addRow([...s.headers]).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map((v) => (v === undefined ? null : v)));
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        s.headers[i]?.length ?? 0,
        ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
      );
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
