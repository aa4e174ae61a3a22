import {
  type DispositifCode,
  type ImportError,
  type Laureate,
  parseLaureateRows,
  parseRebondMissionRows,
  type RebondMission,
} from '../../domain/financements';
import { recordAudit } from '../comptes/audit';
import type { AppContext } from '../platform/context';
import type { RequestContext } from '../platform/http/request-context';
import { financementsCache } from './data';
import {
  type ImportReport,
  importIdPrefix,
  itemLines,
  readUpload,
  reportErrors,
  sheetInput,
} from './import-runner';
import { loadPlaceLookup } from './places';
import { hasActions, saveLaureates, saveMissions } from './store';

// Import of laureates and Rebond missions from a CSV or XLSX file: parse with the domain importer
// (placement by commune or SIREN), check the links the domain cannot see (Rebond missions and actions
// in the database), then save everything in one transaction, or nothing when an error remains.

export interface LaureateImportOptions {
  simulation: boolean;
  dispositif?: DispositifCode;
  annee?: number;
  who: RequestContext;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function importLaureates(
  ctx: AppContext,
  data: Uint8Array,
  fichier: string,
  options: LaureateImportOptions,
): Promise<ImportReport> {
  const file = await readUpload(data, fichier);
  const sheet = file.sheets[0]!;
  const { rows, options: lines } = sheetInput(sheet);
  const places = await loadPlaceLookup(ctx.db);
  const result = parseLaureateRows(rows, {
    ...lines,
    places,
    dispositif: options.dispositif,
    annee: options.annee,
    idPrefix: importIdPrefix('laureat', ctx.clock.now()),
  });
  const errors: ImportError[] = [...result.errors];
  const lineOf = itemLines(sheet, result.errors);
  await checkLinks(ctx, result.items, lineOf, errors);
  const items = errors.length > result.errors.length ? [] : result.items;
  let saved = 0;
  if (errors.length === 0 && !options.simulation) {
    await ctx.db.transaction(async (tx) => {
      await saveLaureates(tx, items);
      await recordAudit(tx, options.who, {
        action: 'import',
        entity: 'laureats',
        after: { fichier, lignes: items.length, ids: items.map((l) => l.id) },
      });
    });
    financementsCache(ctx).invalidate();
    saved = items.length;
  }
  return {
    simulation: options.simulation,
    fichier,
    format: file.format,
    lignes: itemLines(sheet, []).length,
    valides: result.items.length - new Set(errors.slice(result.errors.length).map((e) => e.line)).size,
    erreurs: reportErrors(errors.sort((a, b) => a.line - b.line)),
    horsTi: result.horsTi.map((h) => ({
      ligne: h.line,
      libelle: h.beneficiaire,
      communeInsee: h.communeInsee,
      communeNom: h.communeNom,
    })),
    enregistres: saved,
    apercu: result.items.slice(0, 20),
  };
}

/** Rebond missions must exist; actions must be actions of the laureate's TI. */
async function checkLinks(
  ctx: AppContext,
  items: readonly Laureate[],
  lineOf: readonly number[],
  errors: ImportError[],
): Promise<void> {
  const missionIds = [...new Set(items.map((l) => l.missionId).filter((m): m is string => m !== null))];
  const known = new Set<string>();
  if (missionIds.length) {
    const { rows } = await ctx.db.query<{ id: string }>(
      'SELECT id FROM rebond_missions WHERE id = ANY($1::text[])',
      [missionIds],
    );
    for (const r of rows) known.add(r.id);
  }
  const actionIds = [...new Set(items.flatMap((l) => l.actionIds).filter((a) => UUID.test(a)))];
  const actionTi = new Map<string, string>();
  const actionsTable = actionIds.length > 0 && (await hasActions(ctx.db));
  if (actionsTable) {
    const { rows } = await ctx.db.query<{ id: string; territoire_id: string }>(
      'SELECT id::text AS id, territoire_id FROM actions WHERE id = ANY($1::uuid[])',
      [actionIds],
    );
    for (const r of rows) actionTi.set(r.id, r.territoire_id);
  }
  items.forEach((l, i) => {
    const line = lineOf[i] ?? 0;
    if (l.missionId && !known.has(l.missionId))
      errors.push({
        line,
        column: 'Mission Rebond',
        message: `mission « ${l.missionId} » inconnue ; attendu l'identifiant d'une mission Rebond déjà importée`,
      });
    for (const a of l.actionIds) {
      if (!UUID.test(a))
        errors.push({
          line,
          column: 'Actions liées',
          message: `« ${a} » n'est pas un identifiant d'action (UUID)`,
        });
      else if (!actionTi.has(a.toLowerCase()))
        errors.push({ line, column: 'Actions liées', message: `action « ${a} » inconnue` });
      else if (actionTi.get(a.toLowerCase()) !== l.tiId)
        errors.push({
          line,
          column: 'Actions liées',
          message: `l'action « ${a} » appartient au territoire ${actionTi.get(a.toLowerCase())}, pas à celui du lauréat (${l.tiId ?? 'hors TI'})`,
        });
    }
  });
}

export async function importMissions(
  ctx: AppContext,
  data: Uint8Array,
  fichier: string,
  options: { simulation: boolean; who: RequestContext },
): Promise<ImportReport> {
  const file = await readUpload(data, fichier);
  const sheet = file.sheets[0]!;
  const { rows, options: lines } = sheetInput(sheet);
  const places = await loadPlaceLookup(ctx.db);
  const result = parseRebondMissionRows(rows, {
    ...lines,
    places,
    idPrefix: importIdPrefix('mission', ctx.clock.now()),
  });
  let saved = 0;
  if (result.errors.length === 0 && !options.simulation) {
    await ctx.db.transaction(async (tx) => {
      await saveMissions(tx, result.items as RebondMission[]);
      await recordAudit(tx, options.who, {
        action: 'import',
        entity: 'rebond_missions',
        after: { fichier, lignes: result.items.length, ids: result.items.map((m) => m.id) },
      });
    });
    financementsCache(ctx).invalidate();
    saved = result.items.length;
  }
  return {
    simulation: options.simulation,
    fichier,
    format: file.format,
    lignes: itemLines(sheet, []).length,
    valides: result.items.length,
    erreurs: reportErrors(result.errors),
    horsTi: [],
    enregistres: saved,
    apercu: result.items.slice(0, 20),
  };
}
