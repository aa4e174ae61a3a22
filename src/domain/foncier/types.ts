// A site clés en main France 2030, and a land need (besoin foncier) a territory records in its plan.

import type { AtelierCode, BesoinTypeCode, MaturiteCode } from './vocabulary';

export interface Site {
  id: string;
  nom: string;
  communeInsee: string;
  communeNom: string;
  dep: string;
  reg: string;
  /** The TI the site lies in; null (and `horsTi`) when its commune is outside every TI. */
  tiId: string | null;
  horsTi: boolean;
  surfaceHa: number;
  maturite: MaturiteCode;
  /** The site reuses already artificialised land (friche, brownfield): « recyclage foncier ». */
  recyclageFoncier: boolean;
  atelier: AtelierCode;
  /** The roadmap (« feuille de route ») was delivered after the workshop. */
  feuilleDeRoute: boolean;
  demo: boolean;
}

export interface LandNeed {
  id: string;
  tiId: string;
  reg: string;
  libelle: string;
  type: BesoinTypeCode | null;
  surfaceHa: number;
  /** Year by which the land is needed. */
  echeance: number | null;
  /** The action of the plan it comes from, when known. */
  actionId: string | null;
  demo: boolean;
}
