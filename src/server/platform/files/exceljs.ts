// exceljs weighs 15-25 MiB once loaded and serves only imports and exports: it is loaded on the
// first spreadsheet read or written, not when the server starts.
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
