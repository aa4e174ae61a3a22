import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import { ACTION_COLUMNS, type ExportContext, exportHeaders, exportRow } from '../../domain/actions';
import type { AppContext } from '../platform/context';
import { loadExcelJS } from '../platform/files/exceljs';
import { streamActions } from './list';
import type { ActionFilters, Visibility } from './query';
import { rowToAction } from './store';
import { tiDirectory } from './territories';

// Exports of a filtered action list, streamed page by page from the database: CSV (UTF-8 with BOM,
// « ; », French headers — what Excel opens cleanly) and XLSX (real numbers and dates shown
// dd/mm/yyyy). The columns are the import's (src/domain/actions/columns.ts): an export imports back
// unchanged, field for field.

async function exportContext(ctx: AppContext): Promise<ExportContext> {
  const directory = await tiDirectory(ctx);
  return { tiName: directory.tiName };
}

export async function exportCsv(
  ctx: AppContext,
  filters: ActionFilters,
  visibility: Visibility,
): Promise<PassThrough> {
  const context = await exportContext(ctx);
  const out = new PassThrough();
  const csv = stringify({ delimiter: ';', bom: true, record_delimiter: 'windows' });
  csv.pipe(out);
  (async () => {
    csv.write(exportHeaders());
    for await (const rows of streamActions(ctx, filters, visibility)) {
      for (const row of rows) {
        const line = exportRow({ ...rowToAction(row), id: row.id }, context, 'csv');
        if (!csv.write(line)) await new Promise((resolve) => csv.once('drain', resolve));
      }
    }
    csv.end();
  })().catch((error) => out.destroy(error as Error));
  return out;
}

const WIDTHS: Record<string, number> = {
  title: 60,
  description: 80,
  tiId: 32,
  thematiques: 40,
  partners: 40,
  owner: 32,
};

export async function exportXlsx(
  ctx: AppContext,
  filters: ActionFilters,
  visibility: Visibility,
): Promise<PassThrough> {
  const context = await exportContext(ctx);
  const out = new PassThrough();
  const { stream } = await loadExcelJS();
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Pilote TI';
  const sheet = workbook.addWorksheet("Plan d'action", { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ACTION_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: WIDTHS[c.key] ?? 18,
    style:
      c.key === 'startDate' || c.key === 'endDate'
        ? { numFmt: 'dd/mm/yyyy' }
        : c.key === 'plannedBudget' || c.key === 'fundingObtained'
          ? { numFmt: '#,##0.00' }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const rows of streamActions(ctx, filters, visibility)) {
      for (const row of rows) {
        sheet.addRow(exportRow({ ...rowToAction(row), id: row.id }, context, 'xlsx')).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error as Error));
  return out;
}
