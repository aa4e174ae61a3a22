import { writeCsv, writeXlsx } from './tabular';

// A downloadable table. Modules export with their importers' own French headers, so that an exported
// file can be edited and imported back.

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One table as CSV or XLSX (`sheet` names the workbook's sheet). */
export async function exportTable(
  format: 'csv' | 'xlsx',
  name: string,
  sheet: string,
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<ExportFile> {
  if (format === 'csv')
    return { body: writeCsv(headers, rows), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  return {
    body: await writeXlsx([{ name: sheet, headers, rows }]),
    contentType: XLSX_TYPE,
    filename: `${name}.xlsx`,
  };
}
