/** Shapes of the portraits and thematic maps API (src/server/portraits). */
import type { Source } from '../platform/api';

export type FigureOut = {
  valeur: number | null;
  affichage: string;
  unite: string;
  annee: number | string;
  source: string;
  manquant: string | null;
};

export type TrendOut = {
  libelle: string;
  de: number;
  a: number;
  variationPct: number | null;
  variation: number | null;
  affichage: string;
  manquant: string | null;
  source: string;
};

export type CountRow = { code: string; libelle: string; nombre: number; part: number | null; axe?: string };

export type Plan =
  | {
      total: number;
      parStatut: CountRow[];
      parAxe: CountRow[];
      parThematique: CountRow[];
      partRealise: number | null;
      partBloque: number | null;
      demo: boolean;
      source: string;
    }
  | { absence: string };

export type Portrait = {
  niveau: 'territoire' | 'region' | 'programme';
  id: string;
  nom: string;
  region?: { code: string; nom: string } | null;
  territoires?: { id: string; nom: string }[] | number;
  perimetre: { version: string; date: string; libelle: string };
  tempsI?: { statut: string; libelle: string; territoires: { id: string; nom: string }[] } | null;
  demo: boolean;
  communes: number;
  population: FigureOut;
  emploi: {
    salaries: FigureOut;
    salariesIndustrie: FigureOut;
    partIndustrie: FigureOut;
    demandeurs: FigureOut;
    salariesParAnnee: { annee: number; valeur: number | null }[];
    demandeursParAnnee: { annee: number; valeur: number | null }[];
    evolutionAvant2020: TrendOut;
    evolutionDepuis2020: TrendOut;
    communesSansDonnees: number;
    avertissement: string | null;
    sourceSerie: string;
    sourceDemandeurs: string;
  };
  typologies: {
    emploi: {
      code: string;
      libelle: string;
      explication: string;
      regle: string;
      classes: { code: string; libelle: string; explication: string }[];
    };
    urbainRural: {
      code: string;
      libelle: string;
      explication: string;
      regle: string;
      partPopulationRurale: number | null;
      affichage: string;
      parDensite: {
        niveau: number;
        libelle: string;
        rural: boolean;
        communes: number;
        population: number;
        partPopulation: number | null;
      }[];
      communesNonClassees: number;
      source: string;
    };
    ruralites: {
      lignes: { libelle: string; communes: number; population: number; partPopulation: number | null }[];
      source: string;
    };
  };
  recouvrements: {
    communes: number;
    programmes: { code: string; libelle: string; communes: number; partCommunes: number | null }[];
    qpv: number;
    massifs: { massif: string; communes: number }[];
    source: string;
  } | null;
  comparaison: {
    colonnes: { cle: string; libelle: string; absence: string | null }[];
    lignes: {
      indicateur: { code: string; libelle: string; unite: string | null; description: string };
      source: string;
      valeurs: { cle: string; valeur: number | string | null; affichage: string }[];
    }[];
  };
  planAction: Plan;
  publie?: {
    publication: string;
    lignes: {
      libelle: string;
      calcule: number | null;
      publie: number;
      unite: string;
      annee: string;
      affichageCalcule: string;
      affichagePublie: string;
    }[];
    recouvrements: {
      code: string;
      libelle: string;
      communes: number;
      communesEnTi: number;
      part: number | null;
      affichage: string;
      publie: number;
    }[];
    qpvQuartiers: { total: number; enTi: number; part: number | null };
    regle: string;
  };
  sources: Source[];
};

export type Choropleth = {
  indicateur: {
    code: string;
    libelle: string;
    unite: string | null;
    type: string;
    description: string;
    annee: string;
  };
  niveau: { code: 'ti' | 'epci'; libelle: string };
  methode: string | null;
  legende: { classe: number | null; libelle: string; nombre: number }[];
  seuils: number[];
  categories: { code: string; libelle: string; explication: string }[] | null;
  lignes: {
    id: string;
    nom: string;
    territoire?: string | null;
    valeur: number | string | null;
    affichage: string;
    classe: number | null;
    libelleClasse: string;
  }[];
  note: string | null;
  source: string;
  demo: boolean;
};

export type IndicatorList = {
  indicateurs: {
    code: string;
    libelle: string;
    unite: string | null;
    type: string;
    description: string;
    niveaux: string[];
    classification: { methode: string; classes: number } | null;
    source: string;
  }[];
  niveaux: { code: string; libelle: string }[];
  methodes: { code: string; libelle: string }[];
};
