import {
  type Gouvernance,
  parseBinomeRows,
  parseChefDeProjetRows,
  parseCoordinatorRows,
  parseEventRows,
} from '../../domain/gouvernance';
import { recordAudit } from '../comptes/audit';
import {
  findSheet,
  type ImportReport,
  importIdPrefix,
  itemLines,
  type ReportError,
  readUpload,
  reportErrors,
  sheetInput,
} from '../financements/import-runner';
import { loadPlaceLookup } from '../financements/places';
import type { AppContext } from '../platform/context';
import type { TabularSheet } from '../platform/files/tabular';
import { badRequest } from '../platform/http/errors';
import type { RequestContext } from '../platform/http/request-context';
import { gouvernanceCache } from './data';
import { saveGouvernance } from './store';

// Import of the governance: a workbook with one sheet per table (« Binômes », « Chefs de projet »,
// « Coordinateurs », « Événements »), or one table (CSV or single sheet) whose kind is given. All the
// sheets are checked before anything is saved: one error anywhere and nothing is imported.

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
export const isGouvernanceTable = (v: string): v is GouvernanceTable => v in GOUVERNANCE_TABLES;

export async function importGouvernance(
  ctx: AppContext,
  data: Uint8Array,
  fichier: string,
  o: { simulation: boolean; table?: GouvernanceTable; who: RequestContext },
): Promise<ImportReport> {
  const file = await readUpload(data, fichier);
  const plan: { table: GouvernanceTable; sheet: TabularSheet }[] = [];
  if (o.table) {
    plan.push({
      table: o.table,
      sheet: findSheet(file, GOUVERNANCE_TABLES[o.table].sheets) ?? file.sheets[0]!,
    });
  } else {
    for (const [table, def] of Object.entries(GOUVERNANCE_TABLES) as [
      GouvernanceTable,
      (typeof GOUVERNANCE_TABLES)[GouvernanceTable],
    ][]) {
      const sheet = findSheet(file, def.sheets);
      if (sheet) plan.push({ table, sheet });
    }
    if (plan.length === 0)
      throw badRequest(
        `Aucune feuille reconnue. Nommez les feuilles « Binômes », « Chefs de projet », « Coordinateurs », « Événements », ou précisez le type de table (binomes, chefs-de-projet, coordinateurs, evenements).`,
      );
  }
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
  let saved = 0;
  if (erreurs.length === 0 && !o.simulation) {
    await ctx.db.transaction(async (tx) => {
      await saveGouvernance(tx, result);
      await recordAudit(tx, o.who, {
        action: 'import',
        entity: 'gouvernance',
        after: { fichier, feuilles },
      });
    });
    gouvernanceCache(ctx).invalidate();
    saved = valides;
  }
  const apercu = [
    ...(result.membres ?? []),
    ...(result.chefsDeProjet ?? []),
    ...(result.coordinateurs ?? []),
    ...(result.evenements ?? []),
  ]
    .slice(0, 20)
    .map((item) => ({ ...item, email: undefined, telephone: undefined }));
  return {
    simulation: o.simulation,
    fichier,
    format: file.format,
    lignes,
    valides,
    erreurs,
    horsTi: [],
    enregistres: saved,
    apercu,
    feuilles,
  };
}
