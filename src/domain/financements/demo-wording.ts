// Invented company names and project titles for the demonstration laureates, by filière, so that a
// dashboard reads like the programme's own examples without naming any real company.

import { ofPlace, SURNAMES } from '../shared/demo-names';
import type { Random } from '../shared/random';
import type { FiliereCode } from './vocabulary';

type CompanyPattern = (surname: string, commune: string) => string;

const GENERIC: readonly CompanyPattern[] = [
  (s) => `${s} Industries`,
  (s) => `Ateliers ${s}`,
  (s) => `${s} & Fils`,
];

// Company names by trade, so that a company's name fits its project.
const BY_FILIERE: Record<FiliereCode, readonly CompanyPattern[]> = {
  'economie-circulaire': [
    (_, c) => `Forges ${ofPlace(c)}`,
    (_, c) => `Fonderie ${ofPlace(c)}`,
    (s) => `${s} Recyclage`,
    (s) => `Métallerie ${s}`,
    (s) => `Plasturgie ${s}`,
    (s) => `${s} Emballages`,
    (s) => `${s} Environnement`,
  ],
  'relocalisation-biens': [
    (_, c) => `Textiles ${ofPlace(c)}`,
    (s) => `Menuiseries ${s}`,
    (s) => `Confection ${s}`,
    (_, c) => `Manufacture ${ofPlace(c)}`,
    (s) => `Meubles ${s}`,
  ],
  bioeconomie: [
    (_, c) => `Scierie ${ofPlace(c)}`,
    (s) => `${s} Bois`,
    (_, c) => `Chanvrière ${ofPlace(c)}`,
    (s) => `Laboratoires ${s}`,
    (s) => `${s} Biomatériaux`,
  ],
  autre: [
    (_, c) => `Mécanique de précision ${ofPlace(c)}`,
    (_, c) => `Conserverie ${ofPlace(c)}`,
    (s) => `Composites ${s}`,
    (s) => `${s} Mobilités`,
    (s) => `${s} Agroalimentaire`,
  ],
};

const ALL_PATTERNS: readonly CompanyPattern[] = [...GENERIC, ...Object.values(BY_FILIERE).flat()];

const LEGAL_FORMS = ['SAS', 'SAS', 'SAS', 'SA', 'SARL', ''] as const;

/** An invented company name, of a trade that fits the filière when one is given. */
export function companyName(random: Random, commune: string, filiere?: FiliereCode | null): string {
  const patterns = filiere ? [...GENERIC, ...BY_FILIERE[filiere]] : ALL_PATTERNS;
  const name = random.pick(patterns)(random.pick(SURNAMES), commune);
  const form = random.pick(LEGAL_FORMS);
  return form ? `${name} ${form}` : name;
}

const TITLES: Record<FiliereCode, readonly string[]> = {
  'economie-circulaire': [
    'Unité de recyclage des chutes et copeaux métalliques',
    'Valorisation des coproduits de la production',
    'Ligne de recyclage des plastiques techniques',
    'Réemploi et reconditionnement de palettes et emballages',
    'Plateforme de tri et de valorisation des déchets du BTP',
    'Régénération de solvants industriels',
    'Recyclage de textiles usagés en fibres',
    'Valorisation de coquilles et coproduits marins en matériaux',
    'Décarbonation de la ligne de production de pièces en aluminium recyclé',
  ],
  'relocalisation-biens': [
    'Relocalisation de la production de vêtements de travail',
    'Nouvelle unité de fabrication de mobilier',
    'Relocalisation de la fabrication de chaussures',
    'Atelier de confection de linge de maison',
    "Relocalisation de la production d'articles de puériculture",
    "Nouvelle ligne de fabrication d'ustensiles de cuisine",
    'Relocalisation de la production de cycles',
  ],
  bioeconomie: [
    'Ligne de production de panneaux isolants biosourcés',
    'Transformation du chanvre en matériaux de construction',
    'Défibrage et transformation du lin',
    'Unité de production de bois lamellé-collé',
    'Production de résines biosourcées',
    'Valorisation de la biomasse agricole en matériaux',
  ],
  autre: [
    'Décarbonation de la ligne de production de pièces de fonderie',
    "Atelier d'assemblage de véhicules utilitaires électriques",
    'Unité de transformation de légumineuses locales',
    'Fabrication de composants pour la propulsion vélique',
    'Décarbonation de la ligne de production de conserves',
    "Ligne d'assemblage de batteries de seconde vie",
  ],
};

export function projectTitle(random: Random, filiere: FiliereCode): string {
  return random.pick(TITLES[filiere]);
}

const REBOND_TITLES = [
  "Modernisation de l'outil de production",
  'Extension du site de production',
  "Robotisation d'une ligne d'usinage",
  'Diversification vers de nouveaux marchés',
  "Acquisition d'équipements de production",
  'Création d’un nouvel atelier',
] as const;

export const rebondProjectTitle = (random: Random) => random.pick(REBOND_TITLES);

const ANCT_STUDIES = [
  "Étude d'opportunité pour l'autoconsommation collective",
  "Étude d'opportunité sur la structuration d'une filière",
  "Stratégie d'écologie industrielle et territoriale",
  'Étude de requalification de friches industrielles',
  "Stratégie d'attractivité des métiers industriels",
  "Schéma d'accueil des entreprises et foncier économique",
  'Étude de faisabilité d’un tiers-lieu industriel',
  'Diagnostic des besoins en compétences',
] as const;

export const anctStudyTitle = (random: Random) => random.pick(ANCT_STUDIES);
