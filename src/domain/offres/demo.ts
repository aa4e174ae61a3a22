// Demonstration requests (sollicitations) and uptake records, calibrated on the bilan's figure for the
// PACA regional task force: 140 requests in a year, 80 % answered favourably. Other regions get fewer
// requests, sent straight to operators. Pure and seeded: the same actions give the same data.

import { createRandom, type Random } from '../shared/random';
import type { Offer } from './catalogue';
import { type ActionNeed, matchOffers } from './matching';
import { addDays, type SollicitationStatut } from './sollicitations';

export interface DemoActionRef extends ActionNeed {
  id: string;
  territoire: string;
  region: string;
  titre: string;
}

export interface DemoMessage {
  /** Who writes: the requesting territory, the cellule régionale or the operator. */
  side: 'territoire' | 'cellule' | 'operateur';
  at: string; // ISO instant
  body: string;
  /** Status set with this message, if any. */
  statut?: SollicitationStatut;
  /** Organisation the request is assigned or redirected to with this message. */
  organisation?: string;
}

export interface DemoSollicitation {
  actionId: string;
  territoire: string;
  region: string;
  offre: string | null;
  viaCellule: boolean;
  /** Operator finally addressed. */
  organisation: string | null;
  objet: string;
  statut: SollicitationStatut;
  createdAt: string;
  decidedAt: string | null;
  echeance: string;
  messages: DemoMessage[];
}

export interface DemoUsage {
  actionId: string;
  offre: string;
  resultat: 'demandee' | 'obtenue' | 'refusee';
  date: string;
  montant: number | null;
}

export const DEMO_TASK_FORCE_REGION = '93'; // Provence-Alpes-Côte d'Azur
export const DEMO_TASK_FORCE = { requests: 140, favorable: 112 } as const;
/** The year of the bilan's figure: December 2023 to November 2024. */
const YEAR_START = '2023-12-01';
const YEAR_DAYS = 350;

// Operators that answer requests themselves (the others publish calls for projects).
const ANSWERING = new Set([
  'bpifrance',
  'banque-des-territoires',
  'ademe',
  'france-travail',
  'business-france',
  'action-logement',
  'cerema',
  'cnam',
  'anct',
]);

const instant = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

function pickOffer(action: DemoActionRef, offers: readonly Offer[], rnd: Random): Offer | null {
  const fits = matchOffers(action, offers).filter((m) => ANSWERING.has(m.offer.operateur) && !m.upcoming);
  if (fits.length === 0) return null;
  return fits[Math.min(fits.length - 1, rnd.int(0, 2))]!.offer;
}

function otherOperator(current: string, rnd: Random): string {
  const choices = [...ANSWERING].filter((code) => code !== current);
  return rnd.pick(choices);
}

const ASKS = [
  'Nous souhaitons être accompagnés pour préciser le montage de cette action et identifier les financements mobilisables.',
  'Le projet entre en phase opérationnelle : pouvez-vous nous indiquer si votre offre peut s’appliquer et les pièces à fournir ?',
  'Les industriels du territoire attendent une réponse rapide : un premier échange est-il possible dans les prochaines semaines ?',
  'Nous cherchons un appui en ingénierie pour l’étude préalable de cette action.',
];
const FAVORABLE = [
  'Avis favorable : un chargé d’affaires prend contact avec le chef de projet pour lancer l’accompagnement.',
  'Votre demande est éligible ; nous proposons une réunion de cadrage avec les porteurs.',
  'Accompagnement accordé, sous réserve des pièces complémentaires listées dans le dossier.',
];
const DECLINED = [
  'Le projet ne répond pas aux critères de l’offre à ce stade ; nous vous invitons à revenir vers nous une fois l’étude préalable terminée.',
  'L’enveloppe de l’année est épuisée ; la demande pourra être présentée à la prochaine session.',
];

/**
 * Requests and uptake for the demo actions. `actions` must be in a stable order (e.g. by id) for the
 * output to be deterministic. PACA gets the task force's 140 requests (112 favourable, 28 declined);
 * every other region with actions gets a few requests addressed to operators directly.
 */
export function generateDemoSollicitations(
  actions: readonly DemoActionRef[],
  offers: readonly Offer[],
  seed = 20_241_130,
): { sollicitations: DemoSollicitation[]; usages: DemoUsage[] } {
  const rnd = createRandom(seed);
  const usable = actions.filter((a) => a.statut !== 'abandonne' && a.statut !== 'realise');
  const byRegion = new Map<string, DemoActionRef[]>();
  for (const action of usable) {
    const list = byRegion.get(action.region);
    if (list) list.push(action);
    else byRegion.set(action.region, [action]);
  }
  const sollicitations: DemoSollicitation[] = [];
  const usages: DemoUsage[] = [];

  const make = (action: DemoActionRef, viaCellule: boolean, outcome: SollicitationStatut) => {
    const offer = pickOffer(action, offers, rnd);
    const operator = offer?.operateur ?? rnd.pick([...ANSWERING]);
    const createdDay = addDays(YEAR_START, rnd.int(0, YEAR_DAYS - 1));
    const createdAt = instant(createdDay, rnd.int(8, 17));
    const objet = offer ? `${offer.titre} – ${action.titre}` : `Appui pour « ${action.titre} »`;
    const messages: DemoMessage[] = [{ side: 'territoire', at: createdAt, body: rnd.pick(ASKS) }];
    let day = createdDay;
    let echeance = addDays(createdDay, 15);
    let organisation: string | null = viaCellule ? null : operator;
    const step = (min: number, max: number) => {
      day = addDays(day, rnd.int(min, max));
      return instant(day, rnd.int(8, 18));
    };
    if (viaCellule) {
      organisation = operator;
      messages.push({
        side: 'cellule',
        at: step(1, 5),
        body: 'La cellule régionale transmet la demande à l’opérateur le mieux placé.',
        organisation,
      });
      echeance = addDays(day, 15);
    }
    let decidedAt: string | null = null;
    if (outcome !== 'nouvelle') {
      messages.push({
        side: 'operateur',
        at: step(1, 6),
        body: 'Demande prise en charge.',
        statut: 'en-instruction',
      });
    }
    // One request in eight is first redirected to a better-placed operator, then decided there.
    if ((outcome === 'favorable' || outcome === 'declinee') && rnd.next() < 0.125) {
      organisation = otherOperator(operator, rnd);
      const at = step(2, 8);
      decidedAt = at;
      messages.push({
        side: viaCellule ? 'cellule' : 'operateur',
        at,
        body: 'Cette demande relève plutôt d’un autre opérateur : nous la réorientons.',
        statut: 'reorientee',
        organisation,
      });
      echeance = addDays(day, 15);
    }
    if (outcome === 'favorable' || outcome === 'declinee') {
      const at = step(2, 20);
      decidedAt ??= at;
      messages.push({
        side: 'operateur',
        at,
        body: rnd.pick(outcome === 'favorable' ? FAVORABLE : DECLINED),
        statut: outcome,
      });
    }
    sollicitations.push({
      actionId: action.id,
      territoire: action.territoire,
      region: action.region,
      offre: offer?.slug ?? null,
      viaCellule,
      organisation,
      objet: objet.length > 200 ? `${objet.slice(0, 199)}…` : objet,
      statut: outcome,
      createdAt,
      decidedAt,
      echeance,
      messages,
    });
    if (offer && (outcome === 'favorable' || outcome === 'declinee')) {
      const amount = offer.nature.some((n) => n === 'subvention' || n === 'pret')
        ? rnd.int(2, 60) * 5_000
        : null;
      usages.push({
        actionId: action.id,
        offre: offer.slug,
        resultat: outcome === 'favorable' ? 'obtenue' : 'refusee',
        date: day,
        montant: outcome === 'favorable' ? amount : null,
      });
    }
  };

  // The PACA task force: exactly 140 requests, 112 favourable, 28 declined.
  const paca = byRegion.get(DEMO_TASK_FORCE_REGION) ?? [];
  if (paca.length > 0) {
    const outcomes = rnd.shuffle([
      ...Array<SollicitationStatut>(DEMO_TASK_FORCE.favorable).fill('favorable'),
      ...Array<SollicitationStatut>(DEMO_TASK_FORCE.requests - DEMO_TASK_FORCE.favorable).fill('declinee'),
    ]);
    for (const outcome of outcomes) make(rnd.pick(paca), true, outcome);
  }
  // Elsewhere: 6 to 12 requests per region, about three in four favourable, a few still open.
  for (const [region, list] of [...byRegion].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (region === DEMO_TASK_FORCE_REGION) continue;
    const count = rnd.int(6, 12);
    for (let i = 0; i < count; i++) {
      const draw = rnd.next();
      const outcome: SollicitationStatut =
        draw < 0.7 ? 'favorable' : draw < 0.88 ? 'declinee' : draw < 0.95 ? 'en-instruction' : 'nouvelle';
      make(rnd.pick(list), false, outcome);
    }
  }
  // A few offers requested without a formal request (declared by the territory itself).
  for (const action of rnd.shuffle(usable).slice(0, 40)) {
    const offer = pickOffer(action, offers, rnd);
    if (!offer) continue;
    usages.push({
      actionId: action.id,
      offre: offer.slug,
      resultat: 'demandee',
      date: addDays(YEAR_START, rnd.int(0, YEAR_DAYS - 1)),
      montant: null,
    });
  }
  sollicitations.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return { sollicitations, usages };
}
