import type { GouvernanceFigures } from '../../domain/gouvernance/summary';

/** Shapes of the governance API's answers (see src/server/gouvernance/data.ts). */
export type Personne = {
  type: 'membre' | 'chef-de-projet' | 'coordinateur';
  id: string;
  role: string;
  prenom: string | null;
  nom: string;
  nomComplet: string;
  territoire: { id: string; nom: string } | null;
  region: { code: string; nom: string };
  organisation: string | null;
  mandat?: string | null;
  entreprise?: string | null;
  taille?: { code: string; libelle: string } | null;
  fonction?: string | null;
  enPosteDepuis?: string | null;
  cofinance?: boolean;
  demo: boolean;
  /** Present only for signed-in users entitled to them. */
  email?: string | null;
  telephone?: string | null;
};
export type Evenement = {
  id: string;
  type: { code: string; libelle: string };
  titre: string;
  date: string;
  territoire: { id: string; nom: string } | null;
  region: { code: string; nom: string } | null;
  participants: number | null;
  organisations: string[];
  demo: boolean;
};
export type GouvernanceTerritoire = {
  territoire: { id: string; nom: string };
  region: { code: string; nom: string };
  binome: { elus: Personne[]; industriels: Personne[] };
  chefsDeProjet: Personne[];
  coordinateurs: Personne[];
  copil: Evenement[];
  contactsVisibles: boolean;
  demo: boolean;
};

export type GouvernanceRow = {
  code: string;
  nom: string;
  elus: number;
  industriels: number;
  chefsDeProjet: number;
  chefsCofinances: number;
  coordinateurs: number;
  copilLancement: number;
};
/** `GET /api/v1/gouvernance/stats` (see src/server/gouvernance/data.ts). */
export type GouvernanceStats = {
  perimetre: { niveau: string; code: string; nom: string };
  chiffres: GouvernanceFigures;
  publie: {
    elus: number;
    industriels: number;
    chefsDeProjet: number;
    chefsCofinances: number;
    coordinateurs: number;
    regionsCoordonnees: number;
    copilLancement: number;
  } | null;
  parRegion: GouvernanceRow[];
  parTerritoire: GouvernanceRow[];
  demo: boolean;
};
