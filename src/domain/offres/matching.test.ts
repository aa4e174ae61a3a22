import { describe, expect, it } from 'vitest';
import type { Action } from '../actions/action';
import { AXES, STATUTS, THEMATIQUES, thematiqueAxe } from '../actions/vocabulary';
import { createRandom } from '../shared/random';
import type { Offer, OfferRules } from './catalogue';
import { type ActionNeed, matchOffers, matchPlan, WEIGHTS } from './matching';
import { TERRITOIRES } from './vocabulary';

/** A hand-made offer: only what matching reads matters, the rest is filler. */
function offer(slug: string, regles: Partial<OfferRules>, extra: Partial<Offer> = {}): Offer {
  return {
    slug,
    titre: slug,
    operateur: 'anct',
    partenaires: [],
    nature: ['ingenierie'],
    resume: '',
    description: '',
    beneficiaires: '',
    pour: ['epci'],
    montants: { texte: '' },
    conditions: '',
    candidater: '',
    statut: 'ouverte',
    regles: { axes: [], thematiques: [], statuts: [], territoires: [], porteurs: [], ...regles },
    motsCles: [],
    sources: [{ publication: 'test' }],
    miseAJour: '2026-11-22',
    ...extra,
  };
}

const friche: ActionNeed = { axe: 'foncier', thematiques: ['requalification-friche'], statut: 'etude' };
const slugs = (matches: { offer: Offer }[]) => matches.map((match) => match.offer.slug);

describe('matchOffers', () => {
  it('returns nothing when no offer shares the axe or a thématique', () => {
    const offers = [
      offer('eau', { thematiques: ['gestion-eau'] }),
      offer('formations', { axes: ['competences'] }),
    ];
    expect(matchOffers(friche, offers)).toEqual([]);
    expect(matchOffers(friche, [])).toEqual([]);
  });

  it('explains a thématique and stage fit in French', () => {
    const [match] = matchOffers(friche, [
      offer('friches', { thematiques: ['requalification-friche'], statuts: ['etude'] }),
    ]);
    expect(match?.reasons).toEqual(['thématique Requalification friche, au stade En étude préalable']);
    expect(match?.score).toBe(WEIGHTS.thematique + WEIGHTS.statut);
  });

  it('falls back on the axe, and ranks a thématique fit above it', () => {
    const offers = [
      offer('foncier', { axes: ['foncier'] }),
      offer('friches', { thematiques: ['requalification-friche'] }),
    ];
    const matches = matchOffers(friche, offers);
    expect(slugs(matches)).toEqual(['friches', 'foncier']);
    expect(matches[1]?.reasons).toEqual(['axe Foncier industriel']);
  });

  it('names every shared thématique and rewards each extra one', () => {
    const action: ActionNeed = {
      axe: 'foncier',
      thematiques: ['sites-cles-en-main', 'requalification-friche', 'optimisation-foncier'],
      statut: null,
    };
    const [match] = matchOffers(action, [
      offer('sites', {
        thematiques: ['requalification-friche', 'sites-cles-en-main', 'optimisation-foncier'],
      }),
    ]);
    expect(match?.reasons).toEqual([
      'thématiques Sites clés en main, Requalification friche et Optimisation / densification foncier',
    ]);
    expect(match?.score).toBe(WEIGHTS.thematique + 2 * WEIGHTS.extraThematique);
  });

  it('excludes an offer declared for other stages, but keeps it for an action without status', () => {
    const studies = offer('etudes', { axes: ['foncier'], statuts: ['amont', 'etude'] });
    expect(matchOffers({ ...friche, statut: 'en-cours' }, [studies])).toEqual([]);
    const [unknown] = matchOffers({ ...friche, statut: null }, [studies]);
    expect(unknown?.reasons).toEqual(['axe Foncier industriel']);
    expect(unknown?.score).toBe(WEIGHTS.axe);
  });

  it('words a transversal fit plainly', () => {
    const [match] = matchOffers({ axe: 'transversal', thematiques: [], statut: 'amont' }, [
      offer('animation', { axes: ['transversal'], statuts: ['amont'] }),
    ]);
    expect(match?.reasons).toEqual(['action transversale, au stade Amont / action à initier']);
  });

  it('takes the action sheets of the actions module as they are', () => {
    const sheet: Action = {
      tiId: 'ti-1',
      title: 'Reconvertir la friche Dupont',
      description: null,
      axe: 'foncier',
      thematiques: ['requalification-friche'],
      statut: 'etude',
      owner: 'CC du Val',
      partners: [],
      plannedBudget: null,
      fundingObtained: null,
      startDate: null,
      endDate: null,
      filiere: null,
      tags: [],
      externalRef: null,
    };
    const [entry] = matchPlan([sheet], [offer('friches', { thematiques: ['requalification-friche'] })]);
    expect(entry?.actions[0]?.action.title).toBe('Reconvertir la friche Dupont');
  });

  it('gives nothing to an abandoned action', () => {
    expect(
      matchOffers({ ...friche, statut: 'abandonne' }, [offer('foncier', { axes: ['foncier'] })]),
    ).toEqual([]);
  });

  it('breaks ties by title in French order, then slug', () => {
    const offers = [
      offer('z', { axes: ['foncier'] }, { titre: 'Zones d’activités' }),
      offer('e2', { axes: ['foncier'] }, { titre: 'Études foncières' }),
      offer('a', { axes: ['foncier'] }, { titre: 'Appui foncier' }),
      offer('e1', { axes: ['foncier'] }, { titre: 'Études foncières' }),
    ];
    const matches = matchOffers(friche, offers);
    expect(new Set(matches.map((match) => match.score)).size).toBe(1);
    expect(slugs(matches)).toEqual(['a', 'e1', 'e2', 'z']);
    // Same answer whatever the catalogue order.
    expect(slugs(matchOffers(friche, [...offers].reverse()))).toEqual(['a', 'e1', 'e2', 'z']);
  });

  it('leaves closed offers out unless asked, then flags them and ranks them last at equal score', () => {
    const offers = [
      offer('ouverte', { axes: ['foncier'] }, { titre: 'B' }),
      offer('fermee', { axes: ['foncier'] }, { titre: 'A', statut: 'fermee' }),
      offer('avenir', { axes: ['foncier'] }, { titre: 'A bis', statut: 'a-venir', ouverture: '2027-01-15' }),
    ];
    expect(slugs(matchOffers(friche, offers))).toEqual(['ouverte', 'avenir']);
    const all = matchOffers(friche, offers, { includeClosed: true });
    expect(slugs(all)).toEqual(['ouverte', 'avenir', 'fermee']);
    expect(all.map((match) => [match.closed, match.upcoming])).toEqual([
      [false, false],
      [false, true],
      [true, false],
    ]);
    expect(all[1]?.reasons).toEqual(['axe Foncier industriel', 'offre à venir (ouverture le 15/01/2027)']);
    expect(all[2]?.reasons).toEqual(['axe Foncier industriel', 'offre fermée']);
  });

  it('ranks an upcoming offer with a better score before an open one', () => {
    const offers = [
      offer('ouverte', { axes: ['foncier'] }),
      offer('avenir', { thematiques: ['requalification-friche'] }, { statut: 'a-venir' }),
    ];
    expect(slugs(matchOffers(friche, offers))).toEqual(['avenir', 'ouverte']);
  });

  it('keeps territory-reserved offers to the right territories and says why', () => {
    const mountain = offer('montagne', { axes: ['foncier'], territoires: ['montagne'] });
    const [match] = matchOffers({ ...friche, territoires: ['rural', 'montagne'] }, [mountain]);
    expect(match?.reasons).toEqual(['axe Foncier industriel', 'adaptée aux territoires de montagne']);
    expect(match?.score).toBe(WEIGHTS.axe + WEIGHTS.territoire);
    expect(matchOffers({ ...friche, territoires: ['urbain'] }, [mountain])).toEqual([]);
    // Unknown territory: kept, without the bonus; the plan's traits apply when the action has none.
    expect(matchOffers(friche, [mountain])[0]?.score).toBe(WEIGHTS.axe);
    expect(matchOffers(friche, [mountain], { territoires: ['urbain'] })).toEqual([]);
  });

  it('fits offers to the kind of owner', () => {
    const forFirms = offer('entreprises', { axes: ['foncier'], porteurs: ['entreprise', 'pme'] });
    expect(matchOffers({ ...friche, porteur: 'epci' }, [forFirms])).toEqual([]);
    expect(matchOffers({ ...friche, porteur: 'pme' }, [forFirms])[0]?.reasons).toEqual([
      'axe Foncier industriel',
      'destinée aux PME',
    ]);
    expect(matchOffers({ ...friche, porteur: null }, [forFirms])).toHaveLength(1);
  });
});

describe('matchPlan', () => {
  it('lists the offers fitting a plan with the actions each one serves', () => {
    const plan = [
      { id: 'a1', ...friche },
      { id: 'a2', axe: 'foncier' as const, thematiques: [], statut: 'en-cours' as const },
      { id: 'a3', axe: 'competences' as const, thematiques: ['besoin-formation' as const], statut: null },
      { id: 'a4', axe: 'innovation' as const, thematiques: ['tiers-lieux' as const], statut: null },
    ];
    const offers = [
      offer('foncier', { axes: ['foncier'] }),
      offer('friches', { thematiques: ['requalification-friche'], statuts: ['etude'] }),
      offer('formation', { thematiques: ['besoin-formation'] }),
      offer('ferme', { thematiques: ['tiers-lieux'] }, { statut: 'fermee' }),
    ];
    const view = matchPlan(plan, offers);
    expect(view.map((entry) => [entry.offer.slug, entry.actions.map((served) => served.action.id)])).toEqual([
      ['foncier', ['a1', 'a2']],
      ['friches', ['a1']],
      ['formation', ['a3']],
    ]);
    expect(view[1]?.bestScore).toBe(WEIGHTS.thematique + WEIGHTS.statut);
    expect(view[1]?.actions[0]?.reasons).toEqual([
      'thématique Requalification friche, au stade En étude préalable',
    ]);
    expect(matchPlan(plan, offers, { includeClosed: true }).at(-1)).toMatchObject({
      offer: { slug: 'ferme' },
      closed: true,
    });
    expect(matchPlan([], offers)).toEqual([]);
  });

  it('matches 2,812 actions against a 40-offer catalogue well under a second', () => {
    const random = createRandom(7);
    const pick = <T>(items: readonly T[], n: number) => random.shuffle(items).slice(0, n);
    const thematiques = THEMATIQUES.map((t) => t.code);
    const offers = Array.from({ length: 40 }, (_, i) =>
      offer(`offre-${i}`, {
        axes: pick(
          AXES.map((a) => a.code),
          random.int(0, 2),
        ),
        thematiques: pick(thematiques, random.int(1, 4)),
        statuts: pick(
          STATUTS.map((s) => s.code),
          random.int(0, 4),
        ),
        territoires:
          random.next() < 0.2
            ? pick(
                TERRITOIRES.map((t) => t.code),
                2,
              )
            : [],
      }),
    );
    const actions: ActionNeed[] = Array.from({ length: 2812 }, () => {
      const own = pick(thematiques, random.int(1, 3));
      return {
        axe: thematiqueAxe(own[0]!),
        thematiques: own,
        statut: random.next() < 0.08 ? null : random.pick(STATUTS).code,
        territoires: pick(
          TERRITOIRES.map((t) => t.code),
          random.int(0, 3),
        ),
      };
    });
    const started = performance.now();
    const view = matchPlan(actions, offers);
    const elapsed = performance.now() - started;
    expect(view.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(1000);
  });
});
