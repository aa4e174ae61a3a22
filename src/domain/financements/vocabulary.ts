// Vocabulary of the funding the programme mobilises, in the programme's words (bilan à un an du
// Temps II, Nov. 2024). Codes are stable identifiers for the database and the API; labels are for people.

import type { VocabularyEntry } from '../shared/import-kit';

export const DISPOSITIFS = [
  {
    code: 'fonds-vert',
    label: "Fonds vert — Territoires d'industrie en transition écologique",
    short: 'Fonds vert',
    operateur: 'ADEME et préfectures de région',
    synonyms: [
      'Fonds vert',
      'TITE',
      "Territoires d'industrie en transition écologique",
      "Fonds vert Territoires d'industrie en transition écologique",
    ],
  },
  {
    code: 'rebond-industriel',
    label: 'Rebond industriel (France 2030) — subvention',
    short: 'Rebond industriel',
    operateur: 'Banque des Territoires et Bpifrance',
    synonyms: ['Rebond industriel', 'Rebond', 'AMI Rebond industriel', 'AAP Rebond', 'France 2030 Rebond'],
  },
  {
    code: 'ingenierie-anct',
    label: 'Ingénierie ANCT',
    short: 'Ingénierie ANCT',
    operateur: 'ANCT',
    synonyms: ['ANCT', 'Ingénierie', "Mission d'ingénierie ANCT", 'Étude ANCT'],
  },
  {
    code: 'ingenierie-rebond',
    label: 'Ingénierie « Rebond industriel »',
    short: 'Ingénierie Rebond',
    operateur: 'Banque des Territoires (France 2030) ou ANCT',
    synonyms: [
      'Ingénierie Rebond',
      'Mission Rebond',
      'Mission Rebond industriel',
      'Ingénierie Rebond industriel',
    ],
  },
] as const satisfies readonly (VocabularyEntry & { short: string; operateur: string })[];
export type DispositifCode = (typeof DISPOSITIFS)[number]['code'];

// The three filière categories of the Fonds vert measure, then « other value chains ».
export const FILIERES = [
  {
    code: 'economie-circulaire',
    label: 'Économie circulaire, recyclage, réemploi, valorisation de déchets et coproduits',
    short: 'Économie circulaire',
    synonyms: ['Économie circulaire', 'Recyclage', 'Réemploi', '1'],
  },
  {
    code: 'relocalisation-biens',
    label: 'Relocalisation de biens de consommation courants à hauts standards environnementaux',
    short: 'Relocalisation de biens de consommation',
    synonyms: ['Relocalisation', 'Relocalisation de biens de consommation', 'Biens de consommation', '2'],
  },
  {
    code: 'bioeconomie',
    label: 'Bioéconomie et produits biosourcés',
    short: 'Bioéconomie',
    synonyms: ['Bioéconomie', 'Biosourcé', 'Produits biosourcés', '3'],
  },
  {
    code: 'autre',
    label: 'Autres chaînes de valeur (mobilités durables, agroalimentaire durable…)',
    short: 'Autres chaînes de valeur',
    synonyms: ['Autre', 'Autres', 'Autres chaînes de valeur', 'Autre chaîne de valeur'],
  },
] as const satisfies readonly (VocabularyEntry & { short: string })[];
export type FiliereCode = (typeof FILIERES)[number]['code'];

const labels = <T extends { code: string; label: string }>(list: readonly T[]) =>
  new Map(list.map((item) => [item.code as string, item]));
const dispositifsByCode = labels(DISPOSITIFS);
const filieresByCode = labels(FILIERES);

export const dispositifLabel = (code: string): string => dispositifsByCode.get(code)?.label ?? code;
export const filiereLabel = (code: string): string => filieresByCode.get(code)?.label ?? code;
export const isDispositif = (code: string): code is DispositifCode => dispositifsByCode.has(code);
export const isFiliere = (code: string): code is FiliereCode => filieresByCode.has(code);
