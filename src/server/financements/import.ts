import {
  type DispositifCode,
  type ImportError,
  type Laureate,
  parseLaureateRows,
  parseRebondMissionRows,
} from '../../domain/financements';
import type { AppContext } from '../platform/context';
import type { ImportRun } from '../platform/files/import-pipeline';
import { itemLines } from '../platform/files/import-report';
import { placedImport } from '../territoires/placed-import';
import { financementsCache } from './data';
import { hasActions, saveLaureates, saveMissions } from './store';

// Import of laureates and Rebond missions from a CSV or XLSX file (the shared pipeline of
// platform/files/import-pipeline.ts): parse with the domain importer (placement by commune or SIREN),
// check the links the domain cannot see (Rebond missions and actions in the database), then save
// everything in one transaction, or nothing when an error remains.

export interface LaureateImportOptions extends ImportRun {
  dispositif?: DispositifCode;
  annee?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const importLaureates = placedImport<Laureate, LaureateImportOptions>({
  entity: 'laureats',
  table: 'laureat',
  async parse(rows, options, { ctx, sheet, run }) {
    const result = parseLaureateRows(rows, { ...options, dispositif: run.dispositif, annee: run.annee });
    const errors: ImportError[] = [...result.errors];
    await checkLinks(ctx, result.items, itemLines(sheet, result.errors), errors);
    const linkLines = new Set(errors.slice(result.errors.length).map((e) => e.line));
    return {
      items: result.items,
      errors: errors.sort((a, b) => a.line - b.line),
      valides: result.items.length - linkLines.size,
      horsTi: result.horsTi.map((h) => ({ ...h, libelle: h.beneficiaire })),
    };
  },
  save: saveLaureates,
  cache: financementsCache,
});

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

export const importMissions = placedImport({
  entity: 'rebond_missions',
  table: 'mission',
  parse: parseRebondMissionRows,
  save: saveMissions,
  cache: financementsCache,
});
