import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { type ImportRun, runImport, type TableParse, tableImporter } from '../platform/files/import-pipeline';
import { importIdPrefix, sheetInput } from '../platform/files/import-report';
import type { TabularSheet } from '../platform/files/tabular';
import type { DatasetCache } from '../platform/http/dataset-cache';
import { loadPlaceLookup } from './places';

// The one-table imports whose rows the domain places at a commune, a SIREN or a TI (laureates, Rebond
// missions, sites, land needs): the shared pipeline, fed with the référentiel's place lookups.

/** A sheet as the placing domain importers take it: its table, the line of each row, the lookups. */
export async function placedSheet(ctx: AppContext, sheet: TabularSheet, table: string) {
  const { rows, options } = sheetInput(sheet);
  const places = await loadPlaceLookup(ctx.db);
  return { rows, options: { ...options, places, idPrefix: importIdPrefix(table, ctx.clock.now()) } };
}
export type PlacedSheet = Awaited<ReturnType<typeof placedSheet>>;

/**
 * The import function of one table: `entity` names it in the audit log, `table` prefixes the ids of
 * rows without an « Identifiant », and a saved import drops the module's dataset `cache`.
 */
export function placedImport<T extends { id: string }, O extends ImportRun = ImportRun>(spec: {
  entity: string;
  table: string;
  /** The domain importer (`rows`, `options` as it takes them), or a wrapper that checks more. */
  parse(
    rows: PlacedSheet['rows'],
    options: PlacedSheet['options'],
    more: { ctx: AppContext; sheet: TabularSheet; run: O },
  ): Promise<TableParse<T>> | TableParse<T>;
  save(tx: Sql, items: T[]): Promise<unknown>;
  cache(ctx: AppContext): DatasetCache<unknown>;
}) {
  return (ctx: AppContext, data: Uint8Array, fichier: string, run: O) =>
    runImport(
      ctx.db,
      data,
      fichier,
      run,
      tableImporter({
        entity: spec.entity,
        parse: async (sheet) => {
          const { rows, options } = await placedSheet(ctx, sheet, spec.table);
          return spec.parse(rows, options, { ctx, sheet, run });
        },
        save: spec.save,
        saved: () => spec.cache(ctx).invalidate(),
      }),
    );
}
