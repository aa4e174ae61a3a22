// The people and meetings of a territory's governance: binôme members (élus and industriels), the
// chef de projet, the regional coordinators, and the COPIL and network events.

import type { EventKind, FonctionCode, MemberKind, TailleCode } from './vocabulary';

/** Contact details: personal data, shown only to signed-in users entitled to them (see privacy.ts). */
export interface Contact {
  email: string | null;
  telephone: string | null;
}

export interface BinomeMember extends Contact {
  id: string;
  tiId: string;
  reg: string;
  kind: MemberKind;
  prenom: string | null;
  nom: string;
  /** Élu: the mandate (« Président de la CC … », « Maire de … ») and the body it is held in. */
  mandat: string | null;
  collectivite: string | null;
  /** Industriel: the company, its size class and the person's function. */
  entreprise: string | null;
  taille: TailleCode | null;
  /** null is « NC » (not communicated); « autre » keeps the wording in `fonctionLibelle`. */
  fonction: FonctionCode | null;
  fonctionLibelle: string | null;
  demo: boolean;
}

export interface ChefDeProjet extends Contact {
  id: string;
  tiId: string;
  reg: string;
  prenom: string | null;
  nom: string;
  /** The employer: usually an intercommunalité or an economic development agency. */
  structure: string | null;
  /** In post since (ISO date). */
  enPosteDepuis: string | null;
  /** The post is co-financed by the State. */
  cofinance: boolean;
  /** State co-financing received for the post in 2023-2024, in euros. */
  cofinancementEtatEuros: number | null;
  demo: boolean;
}

export interface Coordinator extends Contact {
  id: string;
  reg: string;
  prenom: string | null;
  nom: string;
  structure: string | null;
  demo: boolean;
}

export interface GovernanceEvent {
  id: string;
  kind: EventKind;
  titre: string;
  /** ISO date. */
  date: string;
  /** The TI (local COPIL) or the region (regional COPIL); both null for national events. */
  tiId: string | null;
  reg: string | null;
  /** Number of participants, when known. */
  participants: number | null;
  /** Organisations represented: public information, unlike the participants' names. */
  organisations: string[];
  demo: boolean;
}

export interface Gouvernance {
  membres: BinomeMember[];
  chefsDeProjet: ChefDeProjet[];
  coordinateurs: Coordinator[];
  evenements: GovernanceEvent[];
}
