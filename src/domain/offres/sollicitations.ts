// Requests for support (« sollicitations »): a chef de projet asks an operator, or the regional task
// force (« cellule régionale ») which assigns it to an operator, for help on one action. This file
// holds the pure rules: statuses and their transitions, who may answer, the due date, the figures.
//
// Rules (documented for the Délégation, see also the API description):
// - a request starts « Nouvelle »; the addressed side moves it to « En instruction », then decides:
//   « Favorable », « Déclinée » (both final), or « Réorientée » towards another operator, which then
//   instructs and decides in turn (a réorientée request is open again for the new operator);
// - the due date (échéance) is 15 calendar days after the request reaches its current addressee
//   (creation, assignment by the cellule, réorientation); a request still undecided after its due
//   date is « en retard »;
// - the answer time (délai de réponse) runs from creation to the first decision (favorable,
//   déclinée or réorientée); the share favourable counts final decisions only.

import type { Grant } from '../comptes/policy';

export const SOLLICITATION_STATUTS = [
  { code: 'nouvelle', label: 'Nouvelle' },
  { code: 'en-instruction', label: 'En instruction' },
  { code: 'favorable', label: 'Favorable' },
  { code: 'reorientee', label: 'Réorientée' },
  { code: 'declinee', label: 'Déclinée' },
] as const;
export type SollicitationStatut = (typeof SOLLICITATION_STATUTS)[number]['code'];

export const DESTINATAIRES = [
  { code: 'operateur', label: 'Un opérateur' },
  { code: 'cellule-regionale', label: 'La cellule régionale' },
] as const;
export type Destinataire = (typeof DESTINATAIRES)[number]['code'];

/** Days between reaching an addressee and the due date. */
export const DELAI_ECHEANCE_JOURS = 15;

const statuts = new Map<string, string>(SOLLICITATION_STATUTS.map((s) => [s.code, s.label]));
export const isSollicitationStatut = (code: string): code is SollicitationStatut => statuts.has(code);
export const sollicitationStatutLabel = (code: string): string => statuts.get(code) ?? code;

export const FINAL_STATUTS: readonly SollicitationStatut[] = ['favorable', 'declinee'];
export const DECISIONS: readonly SollicitationStatut[] = ['favorable', 'declinee', 'reorientee'];
export const isFinal = (statut: string): boolean => (FINAL_STATUTS as readonly string[]).includes(statut);

// Which status may follow which. « Réorientée » is reached through a réorientation (it needs the
// new operator), never through a plain status change.
const NEXT: Record<SollicitationStatut, readonly SollicitationStatut[]> = {
  nouvelle: ['en-instruction', 'favorable', 'declinee'],
  'en-instruction': ['favorable', 'declinee'],
  reorientee: ['en-instruction', 'favorable', 'declinee'],
  favorable: [],
  declinee: [],
};

/** null when allowed, else the French reason. */
export function checkTransition(from: SollicitationStatut, to: SollicitationStatut): string | null {
  if (from === to) return `la sollicitation est déjà « ${sollicitationStatutLabel(to)} »`;
  if (isFinal(from))
    return `la sollicitation est close (« ${sollicitationStatutLabel(from)} ») : son statut ne peut plus changer`;
  if (to === 'reorientee') return 'pour réorienter, indiquez l’opérateur vers lequel réorienter';
  if (!NEXT[from].includes(to))
    return `passage de « ${sollicitationStatutLabel(from)} » à « ${sollicitationStatutLabel(to)} » impossible`;
  return null;
}

/** What a request must carry for the rules of who may act on it. */
export interface SollicitationScope {
  territoire: string;
  region: string;
  /** Operator currently addressed; null while the cellule régionale has not assigned it. */
  organisation: string | null;
  /** Addressed to the regional task force at creation (it keeps a say afterwards). */
  viaCellule: boolean;
}

/** May these grants change the status of (answer) the request? National always; the addressed
 * operator's members; the region's coordination for requests sent to its task force. */
export function mayAnswer(grants: readonly Grant[], s: SollicitationScope): boolean {
  return grants.some(
    (g) =>
      g.role === 'national' ||
      (g.role === 'partner' && s.organisation !== null && g.organisation === s.organisation) ||
      (g.role === 'regional' && s.viaCellule && g.region === s.region),
  );
}

/** May these grants assign (cellule) or redirect the request to an operator? Same people as mayAnswer. */
export const mayRoute = mayAnswer;

/** May these grants read the request and write on its thread? */
export function mayRead(grants: readonly Grant[], s: SollicitationScope): boolean {
  return grants.some(
    (g) =>
      g.role === 'national' ||
      (g.role === 'regional' && g.region === s.region) ||
      (g.role === 'territorial' && g.territoire === s.territoire) ||
      (g.role === 'partner' && s.organisation !== null && g.organisation === s.organisation),
  );
}

/** ISO date `days` after the ISO date or instant `from` (UTC calendar days). */
export function addDays(from: Date | string, days: number): string {
  const base = typeof from === 'string' ? new Date(`${from.slice(0, 10)}T00:00:00Z`) : from;
  const date = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

export const dueDate = (reachedOn: Date | string): string => addDays(reachedOn, DELAI_ECHEANCE_JOURS);

/** Undecided and past its due date on `today` (ISO date). */
export const isLate = (statut: string, echeance: string, today: string): boolean =>
  !isFinal(statut) && echeance < today;

/** Whole days between two instants (rounded to one decimal). */
export const daysBetween = (from: Date, to: Date): number =>
  Math.round(((to.getTime() - from.getTime()) / 86_400_000) * 10) / 10;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface SollicitationFact {
  statut: SollicitationStatut;
  createdAt: Date;
  /** First decision (favorable, déclinée, réorientée), if any. */
  decidedAt: Date | null;
  echeance: string;
}

export interface SollicitationFigures {
  nombre: number;
  enCours: number;
  enRetard: number;
  decidees: number;
  favorables: number;
  declinees: number;
  reorientees: number;
  /** Median days from creation to the first decision; null when none decided. */
  delaiMedianJours: number | null;
  /** Favorable ÷ final decisions (favorable + déclinée), in % with one decimal; null when none. */
  partFavorable: number | null;
}

/** Figures of a group of requests, as shown per region, per operator and nationally. */
export function summarize(facts: readonly SollicitationFact[], today: string): SollicitationFigures {
  let favorables = 0;
  let declinees = 0;
  let reorientees = 0;
  let enRetard = 0;
  const delays: number[] = [];
  for (const f of facts) {
    if (f.statut === 'favorable') favorables++;
    else if (f.statut === 'declinee') declinees++;
    else if (f.statut === 'reorientee') reorientees++;
    if (isLate(f.statut, f.echeance, today)) enRetard++;
    if (f.decidedAt) delays.push(daysBetween(f.createdAt, f.decidedAt));
  }
  const finals = favorables + declinees;
  const med = median(delays);
  return {
    nombre: facts.length,
    enCours: facts.length - finals,
    enRetard,
    decidees: delays.length,
    favorables,
    declinees,
    reorientees,
    delaiMedianJours: med === null ? null : Math.round(med * 10) / 10,
    partFavorable: finals === 0 ? null : Math.round((favorables / finals) * 1000) / 10,
  };
}
