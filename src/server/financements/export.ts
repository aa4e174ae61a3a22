import { dispositifLabel, filiereLabel, type Laureate, type RebondMission } from '../../domain/financements';
import { PLACE_EXPORT_HEADERS, placeCells } from '../territoires/place-export';
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
  ...PLACE_EXPORT_HEADERS,
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
    ...placeCells(data, l),
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
