import { parseLandNeedRows, parseSiteRows } from '../../domain/foncier';
import { placedImport } from '../territoires/placed-import';
import { foncierCache } from './data';
import { saveLandNeeds, saveSites } from './store';

// Import of sites clés en main and land needs (CSV or XLSX) through the shared pipeline of
// platform/files/import-pipeline.ts: all or nothing, simulation possible.

export const importSites = placedImport({
  entity: 'sites_cles_en_main',
  table: 'site',
  parse: (rows, options) => {
    const result = parseSiteRows(rows, options);
    return { ...result, horsTi: result.horsTi.map((h) => ({ ...h, libelle: h.nom })) };
  },
  save: saveSites,
  cache: foncierCache,
});

export const importLandNeeds = placedImport({
  entity: 'besoins_fonciers',
  table: 'besoin',
  parse: parseLandNeedRows,
  save: saveLandNeeds,
  cache: foncierCache,
});
