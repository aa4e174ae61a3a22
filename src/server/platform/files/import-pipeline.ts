import { recordAudit } from '../../comptes/audit';
import type { Database, Sql } from '../db/database';
import type { RequestContext } from '../http/request-context';
import { type ImportReport, itemLines, type RowError, readUpload, reportErrors } from './import-report';
import type { TabularFile, TabularSheet } from './tabular';

// The one pipeline of every spreadsheet import (laureates, Rebond missions, sites, land needs,
// governance): read the file → parse it with the module's importer → save and record the audit in ONE
// transaction, only when no error remains and it is not a simulation → report. All or nothing: one
// error anywhere and nothing is written, so a file is fixed and sent again as a whole.

export interface ImportRun {
  simulation: boolean;
  who: RequestContext;
}

/** What a module's importer makes of a file: what to save, and the report's figures. */
export interface ParsedImport<S> {
  /** What `save` writes. */
  rows: S;
  /** How many rows `save` writes (the report's `enregistres`). */
  count: number;
  /** The audit entry of a saved import (`fichier` is added in front of `after`). */
  audit: { entity: string; after: Record<string, unknown> };
  report: Pick<ImportReport, 'lignes' | 'valides' | 'erreurs' | 'horsTi' | 'apercu' | 'feuilles'>;
}

export interface Importer<S> {
  parse(file: TabularFile): Promise<ParsedImport<S>>;
  save(tx: Sql, rows: S): Promise<unknown>;
  /** Runs once the transaction has committed (the modules drop their in-memory dataset). */
  saved?(): void;
}

export async function runImport<S>(
  db: Database,
  data: Uint8Array,
  fichier: string,
  run: ImportRun,
  importer: Importer<S>,
): Promise<ImportReport> {
  const file = await readUpload(data, fichier);
  const parsed = await importer.parse(file);
  const { lignes, valides, erreurs, horsTi, apercu, feuilles } = parsed.report;
  let enregistres = 0;
  if (erreurs.length === 0 && !run.simulation) {
    await db.transaction(async (tx) => {
      await importer.save(tx, parsed.rows);
      await recordAudit(tx, run.who, {
        action: 'import',
        entity: parsed.audit.entity,
        after: { fichier, ...parsed.audit.after },
      });
    });
    importer.saved?.();
    enregistres = parsed.count;
  }
  return {
    simulation: run.simulation,
    fichier,
    format: file.format,
    lignes,
    valides,
    erreurs,
    horsTi,
    enregistres,
    apercu,
    ...(feuilles ? { feuilles } : {}),
  };
}

/** What a domain importer makes of one table (the sheet's rows are items with an id). */
export interface TableParse<T> {
  items: T[];
  errors: readonly RowError[];
  /** Rows placed outside every TI (imported all the same). */
  horsTi?: readonly { line: number; libelle: string; communeInsee: string; communeNom: string }[];
  /** Rows without error, when checks after the domain importer failed some of its items. */
  valides?: number;
}

/** The importer of a one-table file (CSV, or the first sheet of a workbook). */
export function tableImporter<T extends { id: string }>(spec: {
  /** Audit entity (the table's name). */
  entity: string;
  parse(sheet: TabularSheet): Promise<TableParse<T>>;
  save(tx: Sql, items: T[]): Promise<unknown>;
  saved?(): void;
}): Importer<T[]> {
  return {
    async parse(file) {
      const sheet = file.sheets[0]!;
      const result = await spec.parse(sheet);
      return {
        rows: result.items,
        count: result.items.length,
        audit: {
          entity: spec.entity,
          after: { lignes: result.items.length, ids: result.items.map((i) => i.id) },
        },
        report: {
          lignes: itemLines(sheet, []).length,
          valides: result.valides ?? result.items.length,
          erreurs: reportErrors(result.errors),
          horsTi: (result.horsTi ?? []).map((h) => ({
            ligne: h.line,
            libelle: h.libelle,
            communeInsee: h.communeInsee,
            communeNom: h.communeNom,
          })),
          apercu: result.items.slice(0, 20),
        },
      };
    },
    save: spec.save,
    saved: spec.saved,
  };
}
