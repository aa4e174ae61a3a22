import { atelierLabel, besoinTypeLabel, type LandNeed, maturiteLabel, type Site } from '../../domain/foncier';
import { PLACE_EXPORT_HEADERS, placeCells } from '../territoires/place-export';
import type { FoncierData } from './data';

// Exports with the importers' French headers (an exported file imports back), plus names for readers.

const yesNo = (v: boolean) => (v ? 'Oui' : 'Non');

export const SITE_EXPORT_HEADERS = [
  'Identifiant',
  'Site',
  ...PLACE_EXPORT_HEADERS,
  'Surface (ha)',
  'Maturité',
  'Recyclage foncier',
  "Atelier d'accompagnement",
  'Feuille de route restituée',
  'Données de démonstration',
];

export function siteExportRows(data: FoncierData, list: readonly Site[]): unknown[][] {
  return list.map((s) => [
    s.id,
    s.nom,
    ...placeCells(data, s),
    s.surfaceHa,
    maturiteLabel(s.maturite),
    yesNo(s.recyclageFoncier),
    atelierLabel(s.atelier),
    yesNo(s.feuilleDeRoute),
    yesNo(s.demo),
  ]);
}

export const LAND_NEED_EXPORT_HEADERS = [
  'Identifiant',
  "Territoire d'industrie",
  'Nom du territoire',
  'Région',
  'Besoin',
  'Nature du besoin',
  'Surface (ha)',
  'Échéance',
  'Action liée',
  'Données de démonstration',
];

export function landNeedExportRows(data: FoncierData, list: readonly LandNeed[]): unknown[][] {
  return list.map((n) => [
    n.id,
    n.tiId,
    data.territoires.get(n.tiId) ?? '',
    data.regions.get(n.reg) ?? n.reg,
    n.libelle,
    n.type ? besoinTypeLabel(n.type) : '',
    n.surfaceHa,
    n.echeance ?? '',
    n.actionId ?? '',
    yesNo(n.demo),
  ]);
}
