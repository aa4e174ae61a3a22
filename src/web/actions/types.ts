// Shapes of the action-plan API (src/server/actions/present.ts), as the pages use them.

export type Ref = { id: string; nom: string };

export type ActionItem = {
  id: string;
  territoire: Ref;
  region: { code: string; nom: string };
  intitule: string;
  axe: string;
  axeLibelle: string;
  thematiques: string[];
  statut: string | null;
  statutLibelle: string;
  porteur: string | null;
  budgetPrevisionnel: number | null;
  financementsObtenus: number | null;
  dateDebut: string | null;
  dateFin: string | null;
  referenceExterne: string | null;
  version: number;
  modifieLe: string;
  archivee: boolean;
  demo: boolean;
};

export type ActionSheet = ActionItem & {
  description: string | null;
  thematiquesLibelles: string[];
  partenaires: string[];
  filiere: string | null;
  etiquettes: string[];
  creeLe: string;
  archiveeLe: string | null;
};

export type ActionList = { total: number; page: number; limit: number; items: ActionItem[] };

export type HistoryEntry = {
  le: string;
  type: 'created' | 'updated' | 'archived' | 'restored' | 'imported';
  version: number;
  champ: string | null;
  libelle: string | null;
  avant: unknown;
  apres: unknown;
  par: string | null;
};

export type ConflictChange = {
  champ: string;
  libelle: string;
  avant: unknown;
  apres: unknown;
  par: string | null;
  le: string;
};

export type ImportError = { line: number; column: string | null; message: string };
export type ImportReport = {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  errorsTotal: number;
  preview: {
    line: number;
    fate: 'created' | 'updated' | 'unchanged';
    territoire: Ref;
    intitule: string;
    champs: string[];
  }[];
  ignoredColumns: string[];
  rows: number;
  dryRun: boolean;
  applied: boolean;
  message: string;
};
