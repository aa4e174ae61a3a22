import {
  type Gouvernance,
  parseBinomeRows,
  parseChefDeProjetRows,
  parseCoordinatorRows,
  parseEventRows,
} from '../../domain/gouvernance';
import type { AppContext } from '../platform/context';
import { type ImportRun, type ParsedImport, runImport } from '../platform/files/import-pipeline';
import {
  findSheet,
  type ImportReport,
  importIdPrefix,
  itemLines,
  type ReportError,
  reportErrors,
  sheetInput,
} from '../platform/files/import-report';
import type { TabularFile, TabularSheet } from '../platform/files/tabular';
import { badRequest } from '../platform/http/errors';
import { loadPlaceLookup } from '../territoires/places';
import { gouvernanceCache } from './data';
import { saveGouvernance } from './store';

// Import of the governance: a workbook with one sheet per table (« Binômes », « Chefs de projet »,
// « Coordinateurs », « Événements »), or one table (CSV or single sheet) whose kind is given. All the
// sheets are checked before anything is saved (the shared pipeline of
// platform/files/import-pipeline.ts): one error anywhere and nothing is imported.

export const GOUVERNANCE_TABLES = {
  binomes: {
    label: 'Binômes',
    sheets: ['Binômes', 'Binome', 'Binômes (élus et industriels)', 'Membres'],
    key: 'membres',
    parse: parseBinomeRows,
  },
  'chefs-de-projet': {
    label: 'Chefs de projet',
    sheets: ['Chefs de projet', 'Chef de projet', 'CDP'],
    key: 'chefsDeProjet',
    parse: parseChefDeProjetRows,
  },
  coordinateurs: {
    label: 'Coordinateurs',
    sheets: ['Coordinateurs', 'Coordinateurs régionaux', 'Coordination régionale'],
    key: 'coordinateurs',
    parse: parseCoordinatorRows,
  },
  evenements: {
    label: 'Événements',
    sheets: ['Événements', 'Evenements', 'COPIL', 'Réunions'],
    key: 'evenements',
    parse: parseEventRows,
  },
} as const;
export type GouvernanceTable = keyof typeof GOUVERNANCE_TABLES;

export const importGouvernance = (
  ctx: AppContext,
  data: Uint8Array,
  fichier: string,
  run: ImportRun & { table?: GouvernanceTable },
): Promise<ImportReport> =>
  runImport(ctx.db, data, fichier, run, {
    parse: (file) => parseWorkbook(ctx, file, run.table),
    save: saveGouvernance,
    saved: () => gouvernanceCache(ctx).invalidate(),
  });

/** The sheets to read: the one of `table`, or every sheet with a known name. */
function sheetPlan(file: TabularFile, table?: GouvernanceTable) {
  if (table) return [{ table, sheet: findSheet(file, GOUVERNANCE_TABLES[table].sheets) ?? file.sheets[0]! }];
  const plan: { table: GouvernanceTable; sheet: TabularSheet }[] = [];
  for (const [name, def] of Object.entries(GOUVERNANCE_TABLES) as [
    GouvernanceTable,
    (typeof GOUVERNANCE_TABLES)[GouvernanceTable],
  ][]) {
    const sheet = findSheet(file, def.sheets);
    if (sheet) plan.push({ table: name, sheet });
  }
  if (plan.length === 0)
    throw badRequest(
      `Aucune feuille reconnue. Nommez les feuilles « Binômes », « Chefs de projet », « Coordinateurs », « Événements », ou précisez le type de table (binomes, chefs-de-projet, coordinateurs, evenements).`,
    );
  return plan;
}

async function parseWorkbook(
  ctx: AppContext,
  file: TabularFile,
  table?: GouvernanceTable,
): Promise<ParsedImport<Partial<Gouvernance>>> {
  const plan = sheetPlan(file, table);
  const places = await loadPlaceLookup(ctx.db);
  const prefix = importIdPrefix('gouv', ctx.clock.now());
  const result: Partial<Gouvernance> = {};
  const erreurs: ReportError[] = [];
  const feuilles: NonNullable<ImportReport['feuilles']> = [];
  let lignes = 0;
  let valides = 0;
  for (const { table, sheet } of plan) {
    const def = GOUVERNANCE_TABLES[table];
    const { rows, options } = sheetInput(sheet);
    const parsed = def.parse(rows, { ...options, places, idPrefix: `${prefix}-${table}` });
    (result as Record<string, unknown>)[def.key] = parsed.items;
    erreurs.push(...reportErrors(parsed.errors, file.format === 'xlsx' ? sheet.name : undefined));
    const count = itemLines(sheet, []).length;
    lignes += count;
    valides += parsed.items.length;
    feuilles.push({ feuille: sheet.name, table: def.label, lignes: count, valides: parsed.items.length });
  }
  // The preview never shows contacts (it is an answer to the import, not the directory).
  const apercu = [
    ...(result.membres ?? []),
    ...(result.chefsDeProjet ?? []),
    ...(result.coordinateurs ?? []),
    ...(result.evenements ?? []),
  ]
    .slice(0, 20)
    .map((item) => ({ ...item, email: undefined, telephone: undefined }));
  return {
    rows: result,
    count: valides,
    audit: { entity: 'gouvernance', after: { feuilles } },
    report: { lignes, valides, erreurs, horsTi: [], apercu, feuilles },
  };
}
