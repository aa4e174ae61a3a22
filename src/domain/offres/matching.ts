// The « parcours »: which offers of the catalogue fit an action, and why, in words a chef de projet
// reads (« thématique Requalification friche, au stade En étude préalable »). Rules are the offers'
// declarative `regles`; this file only weighs them, so that the national team changes the matching by
// editing an offer file, not code.
//
// An offer fits an action when it shares a thématique with it, or, failing that, serves its axe;
// then every restriction the offer declares must hold: the action's stage (when the action has one),
// its owner kind and its territory kinds (when known). Unknown facts never exclude an offer, they
// only earn no bonus: a missing status must not hide the offers that would help fill it in.

import {
  type AxeCode,
  axeLabel,
  type StatutCode,
  statutLabel,
  type ThematiqueCode,
  thematiqueLabel,
} from '../actions/vocabulary';
import type { Offer } from './catalogue';
import { type PorteurCode, porteurPlural, type TerritoireCode, territoireReason } from './vocabulary';

/** What matching needs to know of an action; callers pass their own action objects, extra fields kept. */
export interface ActionNeed {
  axe: AxeCode;
  thematiques: readonly ThematiqueCode[];
  /** null = « Non renseigné ». */
  statut: StatutCode | null;
  /** Kind of owner (porteur) of the action, when known. */
  porteur?: PorteurCode | null;
  /** Kinds of the action's territory (rural, montagne…), when known. */
  territoires?: readonly TerritoireCode[] | null;
}

export interface MatchOptions {
  /** Also return closed offers, flagged `closed` and ranked after the others at equal score. */
  includeClosed?: boolean;
  /** Territory kinds used for actions that carry none (the TI's traits, for a whole plan). */
  territoires?: readonly TerritoireCode[];
}

export interface OfferMatch {
  offer: Offer;
  score: number;
  /** In French, most important first. */
  reasons: string[];
  upcoming: boolean;
  closed: boolean;
}

// Weights: a shared thématique says far more than a shared axe; the stage is the second signal the
// position paper asks for (« selon les besoins… et par étape »); the rest only breaks near-ties.
export const WEIGHTS = {
  thematique: 10,
  extraThematique: 2,
  axe: 4,
  statut: 5,
  porteur: 2,
  territoire: 2,
} as const;

const STATUS_RANK = { ouverte: 0, 'a-venir': 1, fermee: 2 } as const;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Precomputed lookups of a catalogue, built once per offers array: offers per thématique and per
 * axe, and each offer's place in the tie-break order (French collation is the slow part of sorting).
 */
interface CatalogueIndex {
  byThematique: Map<ThematiqueCode, Offer[]>;
  byAxe: Map<AxeCode, Offer[]>;
  order: Map<Offer, number>;
}

const indexes = new WeakMap<readonly Offer[], CatalogueIndex>();

function indexOf(offers: readonly Offer[]): CatalogueIndex {
  let index = indexes.get(offers);
  if (index) return index;
  index = { byThematique: new Map(), byAxe: new Map(), order: new Map() };
  for (const offer of offers) {
    for (const code of offer.regles.thematiques) push(index.byThematique, code, offer);
    for (const code of offer.regles.axes) push(index.byAxe, code, offer);
  }
  const sorted = [...offers].sort(compareOffers);
  for (let rank = 0; rank < sorted.length; rank++) index.order.set(sorted[rank]!, rank);
  indexes.set(offers, index);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const joinFr = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;

/** Scores one offer against one action, or null when it does not fit. */
function scoreOffer(offer: Offer, action: ActionNeed, options: MatchOptions): OfferMatch | null {
  if (offer.statut === 'fermee' && !options.includeClosed) return null;
  const rules = offer.regles;

  const shared = action.thematiques.filter((code) => rules.thematiques.includes(code));
  const axeFits = rules.axes.includes(action.axe);
  if (shared.length === 0 && !axeFits) return null;

  // Stage: a declared list excludes the other stages; an action without status is not excluded.
  const stageFits = action.statut !== null && rules.statuts.includes(action.statut);
  if (action.statut !== null && rules.statuts.length > 0 && !stageFits) return null;

  const porteur = action.porteur ?? null;
  const porteurFits = porteur !== null && rules.porteurs.includes(porteur);
  if (porteur !== null && rules.porteurs.length > 0 && !porteurFits) return null;

  const traits = action.territoires ?? options.territoires ?? null;
  const territoryFits = traits ? rules.territoires.filter((code) => traits.includes(code)) : [];
  if (traits && rules.territoires.length > 0 && territoryFits.length === 0) return null;

  let score = 0;
  const stage = stageFits ? `, au stade ${statutLabel(action.statut)}` : '';
  let main: string;
  if (shared.length > 0) {
    score += WEIGHTS.thematique + WEIGHTS.extraThematique * (shared.length - 1);
    const labels = shared.map(thematiqueLabel);
    main = `${shared.length > 1 ? 'thématiques' : 'thématique'} ${joinFr(labels)}`;
  } else {
    score += WEIGHTS.axe;
    // « axe Transversal / non classé » reads badly: say what it means.
    main = action.axe === 'transversal' ? 'action transversale' : `axe ${axeLabel(action.axe)}`;
  }
  if (stageFits) score += WEIGHTS.statut;
  const reasons = [main + stage];
  if (porteurFits) {
    score += WEIGHTS.porteur;
    reasons.push(`destinée aux ${porteurPlural(porteur)}`);
  }
  for (const code of territoryFits) {
    score += WEIGHTS.territoire;
    reasons.push(territoireReason(code));
  }
  if (offer.statut === 'a-venir')
    reasons.push(
      offer.ouverture ? `offre à venir (ouverture le ${frDate(offer.ouverture)})` : 'offre à venir',
    );
  if (offer.statut === 'fermee') reasons.push('offre fermée');
  return { offer, score, reasons, upcoming: offer.statut === 'a-venir', closed: offer.statut === 'fermee' };
}

const frDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Tie-break between two offers: open before upcoming before closed, then title (French order), then slug. */
export function compareOffers(a: Offer, b: Offer): number {
  return (
    STATUS_RANK[a.statut] - STATUS_RANK[b.statut] ||
    collator.compare(a.titre, b.titre) ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

/** Best first: score, then the offers' tie-break order. */
export function compareMatches(a: OfferMatch, b: OfferMatch): number {
  return b.score - a.score || compareOffers(a.offer, b.offer);
}

/** The offers that fit one action, ranked, each with its French reasons. An abandoned action gets none. */
export function matchOffers(
  action: ActionNeed,
  offers: readonly Offer[],
  options: MatchOptions = {},
): OfferMatch[] {
  if (action.statut === 'abandonne') return [];
  const index = indexOf(offers);
  // Only offers sharing the axe or a thématique can fit: gather them once each, in catalogue order.
  const candidates = new Set<Offer>(index.byAxe.get(action.axe));
  for (const code of action.thematiques)
    for (const offer of index.byThematique.get(code) ?? []) candidates.add(offer);
  const matches: OfferMatch[] = [];
  for (const offer of candidates) {
    const match = scoreOffer(offer, action, options);
    if (match) matches.push(match);
  }
  const { order } = index;
  return matches.sort((a, b) => b.score - a.score || order.get(a.offer)! - order.get(b.offer)!);
}

export interface PlanOfferMatch<A extends ActionNeed> {
  offer: Offer;
  /** The plan's actions this offer fits, best fit first (stable for equal scores). */
  actions: { action: A; score: number; reasons: string[] }[];
  /** Best score over the actions served. */
  bestScore: number;
  upcoming: boolean;
  closed: boolean;
}

/**
 * A territory's view: every offer that fits at least one action of its plan, with the actions it
 * serves. Ranked by number of actions served, then best score, then status, title and slug.
 */
export function matchPlan<A extends ActionNeed>(
  actions: readonly A[],
  offers: readonly Offer[],
  options: MatchOptions = {},
): PlanOfferMatch<A>[] {
  const byOffer = new Map<Offer, PlanOfferMatch<A>>();
  for (const action of actions) {
    for (const match of matchOffers(action, offers, options)) {
      let entry = byOffer.get(match.offer);
      if (!entry) {
        entry = {
          offer: match.offer,
          actions: [],
          bestScore: 0,
          upcoming: match.upcoming,
          closed: match.closed,
        };
        byOffer.set(match.offer, entry);
      }
      entry.actions.push({ action, score: match.score, reasons: match.reasons });
      entry.bestScore = Math.max(entry.bestScore, match.score);
    }
  }
  const result = [...byOffer.values()];
  for (const entry of result) entry.actions.sort((a, b) => b.score - a.score); // stable: plan order on ties
  return result.sort(
    (a, b) =>
      b.actions.length - a.actions.length || b.bestScore - a.bestScore || compareOffers(a.offer, b.offer),
  );
}
