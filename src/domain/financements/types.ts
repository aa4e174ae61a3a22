// A laureate is one project supported by one of the programme's funds; a Rebond mission is one
// « Rebond industriel » engineering mission in a territory, with its own results.

import type { DispositifCode, FiliereCode } from './vocabulary';

export interface Laureate {
  id: string;
  dispositif: DispositifCode;
  /** The company or body carrying the project. */
  beneficiaire: string;
  siren: string | null;
  projet: string;
  communeInsee: string;
  communeNom: string;
  dep: string;
  reg: string;
  /** The TI the project lies in; null when its commune is outside every TI (then `horsTi` is true). */
  tiId: string | null;
  horsTi: boolean;
  /** Grant in euros (for engineering missions: the value of the engineering provided). */
  subventionEuros: number;
  /** Total investment of the project in euros; null for engineering or when unknown. */
  investissementEuros: number | null;
  /** Planned job creations, and among them those conditioned by the aid. */
  emploisPrevus: number | null;
  emploisConditionnes: number | null;
  filiere: FiliereCode | null;
  /** Environmental contributions declared by the project (Fonds vert). */
  attenuationClimat: boolean | null;
  economieCirculaire: boolean | null;
  annee: number;
  /** For a Rebond industriel grant: the mission that identified the project. */
  missionId: string | null;
  /** Actions of the TI's plan the project serves. */
  actionIds: string[];
  demo: boolean;
}

export interface RebondMission {
  id: string;
  tiId: string;
  reg: string;
  nom: string;
  annee: number;
  entretiens: number;
  projetsRecenses: number;
  investissementsRecensesEuros: number;
  emploisRecenses: number;
  entreprisesSoutenues: number;
  /** Rebond grants attributed to the companies of the mission. */
  enveloppeEuros: number;
  /** Cost of the engineering (consultancy) of the mission, when known. */
  ingenierieEuros: number | null;
  demo: boolean;
}
