import type { ScopeNames } from '../platform/http/territory-names';

// The columns of an export that place a row at its commune (laureates, sites, land needs): the
// importers read the commune code; the names are added for readers (the importers ignore them).

/** The columns that place a laureate or a site: its commune, department, region and TI. */
export const PLACE_EXPORT_HEADERS = [
  'Code commune',
  'Commune',
  'Département',
  'Région',
  "Territoire d'industrie",
  'Identifiant TI',
];

export const placeCells = (
  names: ScopeNames,
  item: { communeInsee: string | null; communeNom: string; dep: string; reg: string; tiId: string | null },
) => [
  item.communeInsee,
  item.communeNom,
  item.dep,
  names.regions.get(item.reg) ?? item.reg,
  item.tiId ? (names.territoires.get(item.tiId) ?? '') : 'Hors TI',
  item.tiId ?? '',
];
