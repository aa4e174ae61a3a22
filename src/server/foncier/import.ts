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
import type { Sql } from '../platform/db/database';
import type { RequestContext } from '../platform/http/request-context';
import { foncierCache } from './data';
import { saveLandNeeds, saveSites } from './store';

// Import of sites clés en main and land needs (CSV or XLSX): all or nothing, simulation possible.
// Both kinds share one pipeline: read, parse with the place lookup, then save and audit in one
// transaction only when no error remains.

interface Options {
  simulation: boolean;
  who: RequestContext;
}

interface Parsed<T> {
  items: T[];
  errors: Parameters<typeof reportErrors>[0];
  horsTi?: { line: number; nom: string; communeInsee: string; communeNom: string }[];
}

async function runImport<T extends { id: string }>(
  ctx: AppContext,
  data: Uint8Array,
  fichier: string,
  o: Options,
  kind: {
    idPrefix: string;
    entity: string;
    parse: (rows: unknown, options: Record<string, unknown>) => Parsed<T>;
    save: (tx: Sql, items: T[]) => Promise<unknown>;
  },
): Promise<ImportReport> {
  const file = await readUpload(data, fichier);
  const sheet = file.sheets[0]!;
  const { rows, options } = sheetInput(sheet);
  const places = await loadPlaceLookup(ctx.db);
  const result = kind.parse(rows, {
    ...options,
    places,
    idPrefix: importIdPrefix(kind.idPrefix, ctx.clock.now()),
  });
  let saved = 0;
  if (result.errors.length === 0 && !o.simulation) {
    await ctx.db.transaction(async (tx) => {
      await kind.save(tx, result.items);
      await recordAudit(tx, o.who, {
        action: 'import',
        entity: kind.entity,
        after: { fichier, lignes: result.items.length, ids: result.items.map((item) => item.id) },
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
    horsTi: (result.horsTi ?? []).map((h) => ({
      ligne: h.line,
      libelle: h.nom,
      communeInsee: h.communeInsee,
      communeNom: h.communeNom,
    })),
    enregistres: saved,
    apercu: result.items.slice(0, 20),
  };
}

export const importSites = (ctx: AppContext, data: Uint8Array, fichier: string, o: Options) =>
  runImport(ctx, data, fichier, o, {
    idPrefix: 'site',
    entity: 'sites_cles_en_main',
    parse: (rows, options) => parseSiteRows(rows as never, options as never),
    save: saveSites,
  });

export const importLandNeeds = (ctx: AppContext, data: Uint8Array, fichier: string, o: Options) =>
  runImport(ctx, data, fichier, o, {
    idPrefix: 'besoin',
    entity: 'besoins_fonciers',
    parse: (rows, options) => parseLandNeedRows(rows as never, options as never),
    save: saveLandNeeds,
  });
