/** Shapes of the funding API's answers the pages read (see src/server/financements/data.ts). */
export type Ref = { code: string; nom: string };
export type Laureat = {
  id: string;
  dispositif: { code: string; libelle: string };
  beneficiaire: string;
  projet: string;
  commune: { insee: string; nom: string } | null;
  region: Ref;
  territoire: { id: string; nom: string } | null;
  horsTi: boolean;
  subventionEuros: number;
  investissementEuros: number | null;
  emploisPrevus: number | null;
  filiere: { code: string; libelle: string } | null;
  annee: number;
  demo: boolean;
};
export type LaureatList = {
  total: number;
  offset: number;
  limit: number;
  totaux: { subventionsEuros: number; investissementsEuros: number; emploisPrevus: number };
  demo: boolean;
  items: Laureat[];
};
export type Share = { count: number; pct: number };
export type LaureatFigures = {
  laureats: number;
  territoires: number;
  departements: number;
  regions: number;
  horsTi: number;
  subventionsEuros: number;
  investissementsEuros: number;
  emploisPrevus: number;
  emploisConditionnes: number;
  attenuationClimat: Share;
  economieCirculaire: Share;
  filieres: ({ code: string; label: string; short: string } & Share)[];
};
export type BreakdownRow = {
  code: string;
  nom: string;
  laureats: number;
  subventionsEuros: number;
  investissementsEuros: number;
  emploisPrevus: number;
};
export type FinancementsStats = {
  perimetre: { niveau: string; code: string; nom: string };
  ensemble: LaureatFigures;
  parDispositif: ({ code: string; libelle: string; court: string; operateur: string } & LaureatFigures)[];
  missionsRebond: {
    missions: number;
    enveloppeEuros: number;
    entretiens: number;
    projetsRecenses: number;
    entreprisesSoutenues: number;
  };
  parRegion: BreakdownRow[];
  parTerritoire: BreakdownRow[];
  demo: boolean;
};
export type Region = { code: string; nom: string };
