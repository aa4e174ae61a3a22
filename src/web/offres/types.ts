// Shapes of the offers API (src/server/offres/), as the pages read them.

export type OfferSummary = {
  slug: string;
  titre: string;
  operateur: string;
  operateurLibelle: string;
  operateurCourt: string;
  partenaires: string[];
  nature: string[];
  natureLibelles: string[];
  resume: string;
  montants: string;
  statut: 'ouverte' | 'a-venir' | 'fermee';
  statutLibelle: string;
  axes: string[];
  thematiques: string[];
};

type Labelled = { code: string; libelle: string };

export type OfferDetail = Omit<OfferSummary, 'montants'> & {
  partenairesLibelles: string[];
  description: string;
  beneficiaires: string;
  pour: Labelled[];
  montants: { texte: string; min?: number; max?: number };
  conditions: string;
  candidater: string;
  statutPrecision: string | null;
  ouverture: string | null;
  cloture: string | null;
  regles: {
    axes: Labelled[];
    thematiques: Labelled[];
    statuts: Labelled[];
    territoires: Labelled[];
    porteurs: Labelled[];
  };
  motsCles: string[];
  sources: { publication: string; fichier?: string; passage?: string; url?: string }[];
  miseAJour: string;
};

export type MatchItem = OfferSummary & { score: number; raisons: string[]; aVenir: boolean; fermee: boolean };

export type ActionSummary = {
  id: string;
  titre: string;
  territoire: string;
  region: string;
  axe: string;
  axeLibelle: string;
  thematiques: Labelled[];
  statut: string;
  statutLibelle: string;
  archivee: boolean;
  demo: boolean;
};

export type Parcours = { action: ActionSummary; total: number; offres: MatchItem[] };

export type TerritoryParcours = {
  territoire: { id: string; nom: string; region: string };
  nbActions: number;
  nbActionsServies: number;
  demo: boolean;
  offres: (OfferSummary & {
    nbActions: number;
    meilleurScore: number;
    aVenir: boolean;
    actions: { id: string; titre: string; statut: string; score: number; raisons: string[] }[];
  })[];
};

export type Sollicitation = {
  id: string;
  reference: string;
  objet: string;
  statut: 'nouvelle' | 'en-instruction' | 'favorable' | 'reorientee' | 'declinee';
  statutLibelle: string;
  viaCellule: boolean;
  organisation: string | null;
  organisationLibelle: string | null;
  adresseeA: string;
  action: { id: string; titre: string };
  territoire: { id: string; nom: string };
  region: { code: string; nom: string };
  offre: { slug: string; titre: string } | null;
  demandeur: string | null;
  echeance: string;
  enRetard: boolean;
  creeLe: string;
  modifieLe: string;
  decideLe: string | null;
  demo: boolean;
};

export type Message = {
  id: number;
  auteur: string;
  cote: 'territoire' | 'cellule' | 'operateur' | 'national';
  texte: string;
  statut: string | null;
  statutLibelle: string | null;
  organisation: string | null;
  organisationLibelle: string | null;
  le: string;
};

export type SollicitationDetail = Sollicitation & {
  messages: Message[];
  droits: { repondre: boolean; affecter: boolean; ecrire: boolean };
};

export type Figures = {
  nombre: number;
  enCours: number;
  enRetard: number;
  decidees: number;
  favorables: number;
  declinees: number;
  reorientees: number;
  delaiMedianJours: number | null;
  partFavorable: number | null;
};
