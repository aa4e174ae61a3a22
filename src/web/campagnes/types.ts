/** Shapes of the campaigns API as the pages use them. */

export type Campagne = {
  id: string;
  nom: string;
  ouverture: string;
  cloture: string;
  etat: 'a-venir' | 'ouverte' | 'en-retard' | 'close';
  etatLibelle: string;
  close: boolean;
  closeLe: string | null;
  tousTerritoires: boolean;
  nbActions: number | null;
  nbTerritoires?: number;
  nbRegions?: number;
  demo: boolean;
};

export type Fraicheur = Record<'a-jour' | 'a-revoir' | 'ancienne' | 'jamais', number>;

export type Totaux = {
  territoires: number;
  territoiresSignes: number;
  actions: number;
  actionsRevues: number;
  partRevue: number;
  partSignee: number;
  fraicheur: Fraicheur;
};

export type StatutTerritoire = 'a-faire' | 'en-cours' | 'revue-terminee' | 'signe' | 'renvoye' | 'valide';

export type Avancement = {
  campagne: Campagne;
  national: Totaux & { regions: number; regionsValidees: number; partValidee: number };
  regions: (Totaux & { region: string; nom: string; valideeLe: string | null })[];
  territoires: {
    territoire: string;
    nom: string;
    region: string;
    actions: number;
    revues: number;
    partRevue: number;
    fraicheur: Fraicheur;
    revuePlusAncienne: string | null;
    statut: StatutTerritoire;
    statutLibelle: string;
    signeLe: string | null;
    renvoyeLe: string | null;
    commentaireRenvoi: string | null;
  }[];
  libelles: { fraicheur: Record<keyof Fraicheur, string>; statuts: Record<StatutTerritoire, string> };
};

export type CampagneTerritoire = {
  campagne: Campagne;
  territoire: { id: string; nom: string; region: { code: string; nom: string } };
  actions: number;
  revues: number;
  partRevue: number;
  statut: StatutTerritoire;
  statutLibelle: string;
  signeLe: string | null;
  renvoyeLe: string | null;
  commentaireRenvoi: string | null;
  regionValideeLe: string | null;
  peutReviser: boolean;
  peutValider: boolean;
  rappels: { type: string; libelle: string; envoyeLe: string; destinataires: number }[];
  items: {
    id: string;
    titre: string;
    axe: string;
    thematiques: string[];
    statut: string;
    revue: boolean;
    derniereRevue: string | null;
  }[];
};

export type Rappels = {
  envoyes: {
    type: string;
    libelle: string;
    territoire: { id: string; nom: string } | null;
    region: { code: string; nom: string };
    destinataires: number;
    envoyeLe: string;
  }[];
  planifies: { type: string; libelle: string; prevuLe: string; etat: string }[];
};

export type Ligne = { key: string; label: string; de: number; a: number; ecart: number };

export type Comparaison = {
  de: Campagne;
  a: Campagne;
  region: { code: string; nom: string } | null;
  totaux: { de: number; a: number; ecart: number };
  parAxe: Ligne[];
  parThematique: Ligne[];
  parStatut: Ligne[];
  parRegion: Ligne[];
  nouvelles: number;
  disparues: number;
  abandonnees: number;
  realisees: number;
  inchangees: number;
  transitions: {
    statuts: { code: string; label: string }[];
    cells: number[][];
    nouvelles: number[];
    disparues: number[];
  };
};

export type Bloquees = {
  campagnes: { id: string; nom: string }[];
  total: number;
  enPause: number;
  amont: number;
  territoires: {
    territoire: string;
    nom: string;
    region: { code: string; nom: string };
    enPause: number;
    amont: number;
    actions: { id: string; titre: string; statut: string; statutLibelle: string; campagnes: number }[];
    tronque: boolean;
  }[];
};
