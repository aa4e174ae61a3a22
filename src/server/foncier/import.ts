import { parseLandNeedRows, parseSiteRows } from '../../domain/foncier';
import { recordAudit } from '../comptes/audit';
import {
  type ImportReport,
  importIdPrefix,
  itemLines,
  readUpload,
  reportErrors,
  sheetInput,
} from '../financements/import-runner';
import { loadPlaceLookup } from '../financements/places';
import type { AppContext } from '../platform/context';
import type { RequestContext } from '../platform/http/request-context';
import { foncierCache } from './data';
import { saveLandNeeds, saveSites } from './store';

// Import of sites clés en main and land needs (CSV or XLSX): all or nothing, simulation possible.

interface Options {
  simulation: boolean;
  who: RequestContext;
}

export async function importSites(
  ctx: AppContext,
  data: Uint8Array,
  fichier: string,
  o: Options,
): Promise<ImportReport> {
  const file = await readUpload(data, fichier);
  const sheet = file.sheets[0]!;
  const { rows, options } = sheetInput(sheet);
  const places = await loadPlaceLookup(ctx.db);
  const result = parseSiteRows(rows, {
    ...options,
    places,
    idPrefix: importIdPrefix('site', ctx.clock.now()),
  });
  let saved = 0;
  if (result.errors.length === 0 && !o.simulation) {
    await ctx.db.transaction(async (tx) => {
      await saveSites(tx, result.items);
      await recordAudit(tx, o.who, {
        action: 'import',
        entity: 'sites_cles_en_main',
        after: { fichier, lignes: result.items.length, ids: result.items.map((s) => s.id) },
      });
    });
    foncierCache(ctx).invalidate();
    saved = result.items.length;
  }
  return {
    simulation: o.simulation,
    fichier,
    format: file.format,
    lignes: itemLines(sheet, []).length,
    valides: result.items.length,
    erreurs: reportErrors(result.errors),
    horsTi: result.horsTi.map((h) => ({
      ligne: h.line,
      libelle: h.nom,
      communeInsee: h.communeInsee,
      communeNom: h.communeNom,
    })),
    enregistres: saved,
    apercu: result.items.slice(0, 20),
  };
}

export async function importLandNeeds(
  ctx: AppContext,
  data: Uint8Array,
  fichier: string,
  o: Options,
): Promise<ImportReport> {
  const file = await readUpload(data, fichier);
  const sheet = file.sheets[0]!;
  const { rows, options } = sheetInput(sheet);
  const places = await loadPlaceLookup(ctx.db);
  const result = parseLandNeedRows(rows, {
    ...options,
    places,
    idPrefix: importIdPrefix('besoin', ctx.clock.now()),
  });
  let saved = 0;
  if (result.errors.length === 0 && !o.simulation) {
    await ctx.db.transaction(async (tx) => {
      await saveLandNeeds(tx, result.items);
      await recordAudit(tx, o.who, {
        action: 'import',
        entity: 'besoins_fonciers',
        after: { fichier, lignes: result.items.length, ids: result.items.map((n) => n.id) },
      });
    });
    foncierCache(ctx).invalidate();
    saved = result.items.length;
  }
  return {
    simulation: o.simulation,
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
