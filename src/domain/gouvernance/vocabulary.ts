// Vocabulary of the programme's governance in its own words (bilan à un an du Temps II; portraits
// des Territoires d'industrie 2024): binôme members, company size classes, the industrialists'
// functions as the programme charts them, and the kinds of network events.

import type { VocabularyEntry } from '../shared/import-kit';

export const MEMBER_KINDS = [
  { code: 'elu', label: 'Élu', synonyms: ['Élue', 'Élus', 'Elu local', 'Collectivité'] },
  {
    code: 'industriel',
    label: 'Industriel',
    synonyms: ['Industrielle', 'Industriels', 'Entreprise', 'Chef d’entreprise'],
  },
] as const satisfies readonly VocabularyEntry[];
export type MemberKind = (typeof MEMBER_KINDS)[number]['code'];

export const TAILLES = [
  { code: 'tpe', label: 'TPE', synonyms: ['Très petite entreprise', 'Microentreprise', 'Micro-entreprise'] },
  { code: 'pme', label: 'PME', synonyms: ['Petite et moyenne entreprise', 'Petite ou moyenne entreprise'] },
  { code: 'eti', label: 'ETI', synonyms: ['Entreprise de taille intermédiaire'] },
  { code: 'ge', label: 'GE', synonyms: ['Grande entreprise', 'Grand groupe', 'Groupe'] },
] as const satisfies readonly VocabularyEntry[];
export type TailleCode = (typeof TAILLES)[number]['code'];

// The functions of the binômes' industrialists, in the order and wording of the programme's chart.
// A function outside the list is kept as written under « Autre fonction »; an empty one is « NC ».
export const FONCTIONS = [
  {
    code: 'president',
    label: 'Président',
    synonyms: ['Présidente', 'Président du directoire', 'Présidente du directoire'],
  },
  {
    code: 'dg',
    label: 'DG',
    synonyms: [
      'Directeur général',
      'Directrice générale',
      'Directeur général délégué',
      'Directrice générale déléguée',
      'CEO',
    ],
  },
  { code: 'directeur', label: 'Directeur', synonyms: ['Directrice'] },
  {
    code: 'pdg',
    label: 'PDG',
    synonyms: ['Président-directeur général', 'Présidente-directrice générale', 'P-DG'],
  },
  {
    code: 'dirigeant',
    label: 'Dirigeant',
    synonyms: ['Dirigeante', "Chef d'entreprise", "Cheffe d'entreprise"],
  },
  {
    code: 'directeur-site',
    label: 'Directeur de site',
    synonyms: ['Directrice de site', 'Responsable de site'],
  },
  { code: 'gerant', label: 'Gérant', synonyms: ['Gérante', 'Cogérant', 'Cogérante'] },
  {
    code: 'directeur-usine',
    label: "Directeur d'usine",
    synonyms: ["Directrice d'usine", "Directeur de l'usine"],
  },
  {
    code: 'drh',
    label: 'DRH',
    synonyms: ['Directeur des ressources humaines', 'Directrice des ressources humaines', 'Responsable RH'],
  },
  { code: 'autre', label: 'Autre fonction', synonyms: ['Autre'] },
] as const satisfies readonly VocabularyEntry[];
export type FonctionCode = (typeof FONCTIONS)[number]['code'];
export const FONCTION_NC = { code: 'nc', label: 'NC' } as const;

export type EventScope = 'ti' | 'region' | 'national';

export const EVENT_KINDS = [
  {
    code: 'copil-lancement',
    label: 'COPIL de lancement',
    scope: 'ti',
    synonyms: ['COPIL lancement', 'Comité de pilotage de lancement'],
  },
  {
    code: 'copil-local',
    label: 'COPIL local',
    scope: 'ti',
    synonyms: ['COPIL', 'Comité de pilotage', 'COPIL territorial'],
  },
  {
    code: 'copil-regional',
    label: 'COPIL régional',
    scope: 'region',
    synonyms: ['Comité de pilotage régional', 'COPIL région'],
  },
  { code: 'seminaire-national', label: 'Séminaire national', scope: 'national', synonyms: ['Séminaire'] },
  {
    code: 'webinaire-national',
    label: 'Webinaire national',
    scope: 'national',
    synonyms: ['Webinaire', 'Webinar'],
  },
  { code: 'formation', label: 'Formation', scope: 'national', synonyms: ['Session de formation'] },
  { code: 'autre', label: 'Autre événement', scope: 'national', synonyms: ['Autre', 'Événement'] },
] as const satisfies readonly (VocabularyEntry & { scope: EventScope })[];
export type EventKind = (typeof EVENT_KINDS)[number]['code'];

const byCode = <T extends { code: string }>(list: readonly T[]) =>
  new Map<string, T>(list.map((i) => [i.code, i]));
const kinds = byCode(MEMBER_KINDS);
const tailles = byCode(TAILLES);
const fonctions = byCode(FONCTIONS);
const events = byCode(EVENT_KINDS);

export const memberKindLabel = (code: string): string => kinds.get(code)?.label ?? code;
export const tailleLabel = (code: string): string => tailles.get(code)?.label ?? code;
export const fonctionLabel = (code: string | null): string =>
  code === null ? FONCTION_NC.label : (fonctions.get(code)?.label ?? code);
export const eventKindLabel = (code: string): string => events.get(code)?.label ?? code;
export const eventScope = (code: EventKind): EventScope => events.get(code)!.scope;
