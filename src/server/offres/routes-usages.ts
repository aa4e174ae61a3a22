// Uptake (« recours aux offres »): a territory (or the national team) records that an offer was
// requested, obtained or refused for one of its actions; national and regional levels see which
// offers are used, where, and with what result.

import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../comptes/audit';
import type { AppContext } from '../platform/context';
import { badRequest } from '../platform/http/errors';
import { visibleAction } from './action-lookup';
import { catalogue } from './catalogue-store';
import { ActionIdParams } from './routes-catalogue';

const tags = ['offres'];

export const RESULTATS = [
  { code: 'demandee', label: 'Demandée' },
  { code: 'obtenue', label: 'Obtenue' },
  { code: 'refusee', label: 'Refusée' },
] as const;
const resultatLabel = (code: string) => RESULTATS.find((r) => r.code === code)?.label ?? code;

const UsageBody = Type.Object(
  {
    offre: Type.String({ minLength: 1, description: 'Identifiant (slug) de l’offre du catalogue' }),
    resultat: Type.Union(
      RESULTATS.map((r) => Type.Literal(r.code)),
      { description: 'demandee, obtenue ou refusee' },
    ),
    date: Type.Optional(
      Type.String({
        format: 'date',
        description: 'Date de la demande ou de la décision (AAAA-MM-JJ), par défaut aujourd’hui',
      }),
    ),
    montant: Type.Optional(
      Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
        description: 'Montant en euros, s’il y en a un',
      }),
    ),
    commentaire: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
const UsageQuery = Type.Object({
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région' })),
});

interface UsageRow {
  id: string;
  offre_slug: string;
  titre: string | null;
  operateur: string | null;
  resultat: string;
  date: string;
  montant: number | null;
  commentaire: string | null;
  created_at: Date;
  demo: boolean;
}

const usageItem = (row: UsageRow) => ({
  id: row.id,
  offre: row.offre_slug,
  offreTitre: row.titre ?? row.offre_slug,
  operateur: row.operateur,
  resultat: row.resultat,
  resultatLibelle: resultatLabel(row.resultat),
  date: row.date,
  montant: row.montant,
  commentaire: row.commentaire,
  demo: row.demo,
});

export async function usagesRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/v1/actions/:id/offres',
    {
      config: { access: 'actions.write' },
      schema: {
        tags,
        summary: 'Enregistre le recours à une offre pour une action : demandée, obtenue ou refusée',
        params: ActionIdParams,
        body: UsageBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as {
        offre: string;
        resultat: string;
        date?: string;
        montant?: number | null;
        commentaire?: string;
      };
      const action = await visibleAction(ctx.db, request.ctx.actor, id, 'actions.write');
      const offer = (await catalogue(ctx)).bySlug.get(body.offre);
      if (!offer) throw badRequest(`Champ « offre » : offre « ${body.offre} » inconnue du catalogue.`);
      const today = ctx.clock.now().toISOString().slice(0, 10);
      const date = body.date ?? today;
      if (date > today) throw badRequest(`Champ « date » : la date ${date} est dans le futur.`);
      const row = await ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<UsageRow>(
          `INSERT INTO offre_usages (action_id, offre_slug, territoire_id, region_code, resultat, date, montant, commentaire, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           RETURNING id, offre_slug, NULL::text AS titre, NULL::text AS operateur, resultat, date, montant, commentaire, created_at, demo`,
          [
            action.id,
            offer.slug,
            action.territoire,
            action.region,
            body.resultat,
            date,
            body.montant ?? null,
            body.commentaire?.trim() || null,
            request.ctx.actor.userId,
            ctx.clock.now(),
          ],
        );
        const created = { ...rows[0]!, titre: offer.titre, operateur: offer.operateur };
        await recordAudit(tx, request.ctx, {
          action: 'offres.usage.create',
          entity: 'offre_usage',
          entityId: created.id,
          territoire: action.territoire,
          region: action.region,
          after: usageItem(created),
        });
        return created;
      });
      reply.code(201);
      return usageItem(row);
    },
  );

  app.get(
    '/api/v1/actions/:id/offres',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary: 'Les offres demandées, obtenues ou refusées pour une action',
        params: ActionIdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const action = await visibleAction(ctx.db, request.ctx.actor, id);
      const { rows } = await ctx.db.query<UsageRow>(
        `SELECT u.id, u.offre_slug, o.titre, o.operateur, u.resultat, u.date, u.montant, u.commentaire, u.created_at, u.demo
           FROM offre_usages u LEFT JOIN offres o ON o.slug = u.offre_slug
          WHERE u.action_id = $1 ORDER BY u.date DESC, u.created_at DESC`,
        [action.id],
      );
      return { action: action.id, total: rows.length, items: rows.map(usageItem) };
    },
  );

  app.get(
    '/api/v1/offres/usage',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary: 'Recours aux offres : nombre de demandes, d’obtentions et de refus par offre et par région',
        querystring: UsageQuery,
      },
    },
    async (request) => {
      const { region } = request.query as { region?: string };
      const params = region ? [region] : [];
      const where = region ? 'WHERE u.region_code = $1' : '';
      const counts = `count(*) FILTER (WHERE u.resultat = 'demandee')::int AS demandees,
                      count(*) FILTER (WHERE u.resultat = 'obtenue')::int AS obtenues,
                      count(*) FILTER (WHERE u.resultat = 'refusee')::int AS refusees,
                      coalesce(sum(u.montant) FILTER (WHERE u.resultat = 'obtenue'), 0)::float8 AS montant_obtenu,
                      count(DISTINCT u.territoire_id)::int AS territoires,
                      bool_or(u.demo) AS demo`;
      const [byOffer, byRegion] = await Promise.all([
        ctx.db.query<Record<string, unknown>>(
          `SELECT u.offre_slug AS slug, coalesce(o.titre, u.offre_slug) AS titre, o.operateur, ${counts}
             FROM offre_usages u LEFT JOIN offres o ON o.slug = u.offre_slug ${where}
            GROUP BY u.offre_slug, o.titre, o.operateur ORDER BY count(*) DESC, 2`,
          params,
        ),
        ctx.db.query<Record<string, unknown>>(
          `SELECT u.region_code AS code, r.nom, ${counts}
             FROM offre_usages u LEFT JOIN regions r ON r.code = u.region_code ${where}
            GROUP BY u.region_code, r.nom ORDER BY u.region_code`,
          params,
        ),
      ]);
      const shape = (row: Record<string, unknown>) => ({
        demandees: row.demandees as number,
        obtenues: row.obtenues as number,
        refusees: row.refusees as number,
        montantObtenu: row.montant_obtenu as number,
        nbTerritoires: row.territoires as number,
      });
      const total = { demandees: 0, obtenues: 0, refusees: 0, montantObtenu: 0 };
      for (const row of byRegion.rows) {
        total.demandees += row.demandees as number;
        total.obtenues += row.obtenues as number;
        total.refusees += row.refusees as number;
        total.montantObtenu += row.montant_obtenu as number;
      }
      return {
        region: region ?? null,
        total,
        demo: byRegion.rows.some((r) => r.demo === true),
        parOffre: byOffer.rows.map((row) => ({
          slug: row.slug as string,
          titre: row.titre as string,
          operateur: (row.operateur as string | null) ?? null,
          ...shape(row),
        })),
        parRegion: byRegion.rows.map((row) => ({
          code: row.code as string,
          nom: (row.nom as string) ?? row.code,
          ...shape(row),
        })),
      };
    },
  );
}
