import { dispositifLabel, filiereLabel, type Laureate, type RebondMission } from '../../domain/financements';
import { writeCsv, writeXlsx } from '../platform/files/tabular';
import type { FinancementsData } from './data';

// Exports use the importers' own French headers, so that an exported file can be edited and imported
// back; the names of the TI and the region are added for readers (the importer ignores them).

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'Oui' : 'Non');

export const LAUREATE_EXPORT_HEADERS = [
  'Identifiant',
  'Dispositif',
  'Bénéficiaire',
  'SIREN',
  'Projet',
  'Code commune',
  'Commune',
  'Département',
  'Région',
  "Territoire d'industrie",
  'Identifiant TI',
  'Subvention (€)',
  'Investissement (€)',
  'Emplois prévus',
  'Emplois conditionnés',
  'Filière',
  'Atténuation du changement climatique',
  'Économie circulaire',
  'Année',
  'Mission Rebond',
  'Actions liées',
  'Données de démonstration',
];

export function laureateExportRows(data: FinancementsData, list: readonly Laureate[]): unknown[][] {
  return list.map((l) => [
    l.id,
    dispositifLabel(l.dispositif),
    l.beneficiaire,
    l.siren ?? '',
    l.projet,
    l.communeInsee,
    l.communeNom,
    l.dep,
    data.regions.get(l.reg) ?? l.reg,
    l.tiId ? (data.territoires.get(l.tiId) ?? '') : 'Hors TI',
    l.tiId ?? '',
    l.subventionEuros,
    l.investissementEuros ?? '',
    l.emploisPrevus ?? '',
    l.emploisConditionnes ?? '',
    l.filiere ? filiereLabel(l.filiere) : '',
    yesNo(l.attenuationClimat),
    yesNo(l.economieCirculaire),
    l.annee,
    l.missionId ?? '',
    l.actionIds.join(', '),
    l.demo ? 'Oui' : 'Non',
  ]);
}

export const MISSION_EXPORT_HEADERS = [
  'Identifiant',
  "Territoire d'industrie",
  'Mission',
  'Région',
  'Année',
  'Entretiens réalisés',
  'Projets recensés',
  'Investissements recensés (€)',
  'Emplois recensés',
  'Entreprises soutenues',
  'Enveloppe Rebond (€)',
  'Ingénierie (€)',
  'Données de démonstration',
];

export function missionExportRows(data: FinancementsData, list: readonly RebondMission[]): unknown[][] {
  return list.map((m) => [
    m.id,
    m.tiId,
    m.nom,
    data.regions.get(m.reg) ?? m.reg,
    m.annee,
    m.entretiens,
    m.projetsRecenses,
    m.investissementsRecensesEuros,
    m.emploisRecenses,
    m.entreprisesSoutenues,
    m.enveloppeEuros,
    m.ingenierieEuros ?? '',
    m.demo ? 'Oui' : 'Non',
  ]);
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** One table as CSV or XLSX. */
export async function exportTable(
  format: 'csv' | 'xlsx',
  name: string,
  sheet: string,
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<ExportFile> {
  if (format === 'csv')
    return { body: writeCsv(headers, rows), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  return {
    body: await writeXlsx([{ name: sheet, headers, rows }]),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${name}.xlsx`,
  };
}
