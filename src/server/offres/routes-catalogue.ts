// The public catalogue (search and filters, one offer) and the parcours: the offers that fit an
// action, and those that fit a territory's whole plan, each with its reasons in French.

import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AXES, THEMATIQUES } from '../../domain/actions/vocabulary';
import { matchOffers, matchPlan } from '../../domain/offres/matching';
import { NATURES, OFFRE_STATUTS, OPERATEURS } from '../../domain/offres/vocabulary';
import { normalizeText } from '../../domain/shared/text';
import type { AppContext } from '../platform/context';
import { requireVisible } from '../platform/http/access';
import { badRequest, notFound } from '../platform/http/errors';
import { type ActionFacts, visibleAction } from './action-lookup';
import { catalogue } from './catalogue-store';
import { actionSummary, matchItem, offerDetail, offerSummary } from './present';
import { BodyCache, sendPrivate } from './response-cache';

const tags = ['offres'];

const SlugParams = Type.Object({
  slug: Type.String({
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    description: 'Identifiant de l’offre (nom de son fichier)',
  }),
});
export const ActionIdParams = Type.Object({
  id: Type.String({ description: 'Identifiant (UUID) de l’action' }),
});
const TerritoryIdParams = Type.Object({
  id: Type.String({
    pattern: '^ti-[0-9]{4}$',
    description: 'Identifiant du territoire, par exemple ti-8405',
  }),
});
const CatalogueQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Mots recherchés (titre, résumé, description, mots-clés, opérateur)',
    }),
  ),
  operateur: Type.Optional(Type.String({ description: 'Code de l’opérateur, par exemple bpifrance' })),
  nature: Type.Optional(Type.String({ description: 'Nature de l’appui : ingenierie, subvention, pret…' })),
  axe: Type.Optional(
    Type.String({ description: 'Axe servi : competences, foncier, innovation, transition, transversal' }),
  ),
  thematique: Type.Optional(
    Type.String({ description: 'Thématique servie, par exemple requalification-friche' }),
  ),
  statut: Type.Optional(Type.String({ description: 'ouverte, a-venir ou fermee' })),
});
const ParcoursQuery = Type.Object({
  fermees: Type.Optional(
    Type.Boolean({ description: 'Inclure les offres fermées (signalées « offre fermée »)' }),
  ),
});

/** A filter's value must be a known code: say which ones are, in French. */
function checkCode(value: string | undefined, list: readonly { code: string }[], param: string): void {
  if (value === undefined || value === '') return;
  if (list.some((item) => item.code === value)) return;
  throw badRequest(
    `Paramètre « ${param} » : valeur « ${value} » inconnue ; attendu l’un de : ${list.map((i) => i.code).join(', ')}.`,
  );
}

export async function catalogueRoutes(app: FastifyInstance, ctx: AppContext) {
  const parcoursBodies = new BodyCache();
  app.get(
    '/api/v1/offres',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Le catalogue des offres de services (recherche et filtres)',
        querystring: CatalogueQuery,
      },
    },
    async (request) => {
      const query = request.query as Record<string, string | undefined>;
      checkCode(query.operateur, OPERATEURS, 'operateur');
      checkCode(query.nature, NATURES, 'nature');
      checkCode(query.axe, AXES, 'axe');
      checkCode(query.thematique, THEMATIQUES, 'thematique');
      checkCode(query.statut, OFFRE_STATUTS, 'statut');
      const cat = await catalogue(ctx);
      const words = normalizeText(query.q ?? '')
        .split(' ')
        .filter(Boolean);
      const items = cat.offers.filter((offer) => {
        if (
          query.operateur &&
          offer.operateur !== query.operateur &&
          !offer.partenaires.includes(query.operateur as never)
        )
          return false;
        if (query.nature && !offer.nature.includes(query.nature as never)) return false;
        if (query.axe && !offer.regles.axes.includes(query.axe as never)) return false;
        if (query.thematique && !offer.regles.thematiques.includes(query.thematique as never)) return false;
        if (query.statut && offer.statut !== query.statut) return false;
        if (words.length) {
          const text = cat.searchText.get(offer)!;
          return words.every((word) => text.includes(word));
        }
        return true;
      });
      return { total: items.length, totalCatalogue: cat.offers.length, items: items.map(offerSummary) };
    },
  );

  app.get(
    '/api/v1/offres/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Une offre du catalogue : description, conditions, règles de correspondance, sources',
        params: SlugParams,
      },
    },
    async (request) => {
      const { slug } = request.params as { slug: string };
      const offer = (await catalogue(ctx)).bySlug.get(slug);
      if (!offer) throw notFound(`Offre inconnue : « ${slug} ». Consultez le catalogue sur /api/v1/offres.`);
      return offerDetail(offer);
    },
  );

  app.get(
    '/api/v1/actions/:id/parcours',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary:
          'Le parcours d’une action : les offres qui lui correspondent, classées, avec la raison en clair',
        params: ActionIdParams,
        querystring: ParcoursQuery,
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { fermees } = request.query as { fermees?: boolean };
      const action = await visibleAction(ctx.db, request.ctx.actor, id, 'actions.read', { cached: true });
      const cat = await catalogue(ctx);
      // Everything the body depends on is in the key: a changed action or catalogue is a new entry.
      const key = JSON.stringify([cat.version, fermees === true, action]);
      const body = parcoursBodies.get(key, () => {
        const matches = matchOffers(action, cat.offers, { includeClosed: fermees === true });
        return { action: actionSummary(action), total: matches.length, offres: matches.map(matchItem) };
      });
      return sendPrivate(request, reply, body);
    },
  );

  app.get(
    '/api/v1/territoires/:id/parcours',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary:
          'Le parcours d’un territoire : les offres qui servent son plan d’actions, avec les actions concernées',
        params: TerritoryIdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { rows: found } = await ctx.db.query<{ nom: string; region_code: string }>(
        `SELECT t.nom, t.region_code FROM territoires t JOIN perimetres p ON p.version = t.version AND p.courant
          WHERE t.id = $1`,
        [id],
      );
      const territory = found[0];
      const message = `Territoire d'industrie inconnu : « ${id} ».`;
      if (!territory) throw notFound(message);
      requireVisible(
        request.ctx.actor,
        'actions.read',
        { territoire: id, region: territory.region_code },
        message,
      );
      const { rows } = await ctx.db.query<{
        id: string;
        title: string;
        axe: ActionFacts['axe'];
        thematiques: ActionFacts['thematiques'];
        statut: ActionFacts['statut'];
        demo: boolean;
      }>(
        `SELECT id, title, axe, thematiques, statut, demo FROM actions
          WHERE territoire_id = $1 AND archived_at IS NULL ORDER BY title, id`,
        [id],
      );
      const cat = await catalogue(ctx);
      const plan = matchPlan(rows, cat.offers);
      return {
        territoire: { id, nom: territory.nom, region: territory.region_code },
        nbActions: rows.length,
        nbActionsServies: new Set(plan.flatMap((p) => p.actions.map((a) => a.action.id))).size,
        demo: rows.some((r) => r.demo),
        offres: plan.map((entry) => ({
          ...offerSummary(entry.offer),
          nbActions: entry.actions.length,
          meilleurScore: entry.bestScore,
          aVenir: entry.upcoming,
          actions: entry.actions.map(({ action, score, reasons }) => ({
            id: action.id,
            titre: action.title,
            statut: action.statut ?? 'non-renseigne',
            score,
            raisons: reasons,
          })),
        })),
      };
    },
  );
}
