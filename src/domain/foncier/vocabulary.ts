// Vocabulary of industrial land in the programme's words (« sites clés en main France 2030 »,
// bilan à un an du Temps II): the three maturity levels, the support workshop, and the kinds of land
// need a territory records in its plan.

import type { VocabularyEntry } from '../shared/import-kit';

export const MATURITES = [
  {
    code: 'pret',
    label: 'Prêt à accueillir des industriels',
    short: 'Prêt',
    synonyms: ['Prêt', 'Mature', 'Prêt début 2025', 'Disponible', 'Immédiat', '1'],
  },
  {
    code: 'court-terme',
    label: 'Disponible à court terme',
    short: 'Court terme',
    synonyms: ['Court terme', 'À court terme', '2'],
  },
  {
    code: 'avant-2030',
    label: 'Prêt avant 2030',
    short: 'Avant 2030',
    synonyms: ['Avant 2030', 'Moyen terme', 'Horizon 2030', '2030', '3'],
  },
] as const satisfies readonly (VocabularyEntry & { short: string })[];
export type MaturiteCode = (typeof MATURITES)[number]['code'];

// The support workshop (« atelier d'accompagnement ») the programme holds with each labelled site
// that needs one. « Non concerné » sites are outside the share of workshops held.
export const ATELIERS = [
  { code: 'tenu', label: 'Atelier tenu', synonyms: ['Tenu', 'Oui', 'Réalisé', 'Fait', 'Eu lieu'] },
  {
    code: 'a-venir',
    label: 'Atelier à venir',
    synonyms: ['À venir', 'Non', 'Prévu', 'À programmer', 'Programmé'],
  },
  { code: 'non-concerne', label: 'Non concerné', synonyms: ['Sans objet', 'NC', 'Non prévu'] },
] as const satisfies readonly VocabularyEntry[];
export type AtelierCode = (typeof ATELIERS)[number]['code'];

export const BESOIN_TYPES = [
  {
    code: 'implantation',
    label: "Implantation d'une nouvelle activité industrielle",
    synonyms: ['Implantation', 'Nouvelle implantation', 'Accueil'],
  },
  {
    code: 'extension',
    label: "Extension d'une entreprise existante",
    synonyms: ['Extension', 'Agrandissement', 'Développement endogène'],
  },
  {
    code: 'requalification',
    label: "Requalification d'une friche ou d'une zone existante",
    synonyms: ['Requalification', 'Friche', 'Recyclage foncier', 'Densification'],
  },
  {
    code: 'reserve',
    label: 'Réserve foncière / nouvelle zone d’activités',
    synonyms: ['Réserve', 'Réserve foncière', "Zone d'activités", 'ZAE'],
  },
] as const satisfies readonly VocabularyEntry[];
export type BesoinTypeCode = (typeof BESOIN_TYPES)[number]['code'];

const byCode = <T extends { code: string; label: string }>(list: readonly T[]) =>
  new Map<string, T>(list.map((item) => [item.code, item]));
const maturites = byCode(MATURITES);
const ateliers = byCode(ATELIERS);
const besoins = byCode(BESOIN_TYPES);

export const maturiteLabel = (code: string): string => maturites.get(code)?.label ?? code;
export const atelierLabel = (code: string): string => ateliers.get(code)?.label ?? code;
export const besoinTypeLabel = (code: string): string => besoins.get(code)?.label ?? code;
