/** Shapes of the dashboards API (src/server/tableaux-de-bord). */

export type Option = { code: string; libelle: string };

export type ChartColumn = { cle: string; libelle: string; unite?: string };

export type Chart = {
  code: string;
  titre: string;
  description: string;
  type: 'barres' | 'barres-empilees';
  colonnes: ChartColumn[];
  lignes: Record<string, string | number | null>[];
  source: string;
};

export type KeyFigure = {
  code: string;
  libelle: string;
  valeur: number | null;
  affichage: string;
  source: string;
};

export type Dashboard = {
  niveau: 'national' | 'region' | 'territoire';
  perimetre: { id: string; nom: string; region?: { code: string; nom: string } | null };
  filtres: Record<'campagne' | 'region' | 'axe' | 'thematique' | 'statut', Option | null>;
  options: {
    campagnes: Option[];
    regions: Option[];
    axes: Option[];
    thematiques: (Option & { axe: string })[];
    statuts: Option[];
  };
  plansDisponibles: boolean;
  absence: string | null;
  total: number;
  demo: boolean;
  chiffresCles: KeyFigure[];
  graphiques: Chart[];
  carte: {
    titre: string;
    methode: string;
    legende: { classe: number | null; libelle: string; nombre: number }[];
    lignes: { id: string; nom: string; valeur: number; classe: number | null }[];
    note: string | null;
  } | null;
};
