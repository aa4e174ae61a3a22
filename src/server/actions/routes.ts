import type { FastifyInstance } from 'fastify';
import { type ActionInput, AXES, STATUTS_REPORTED, THEMATIQUES } from '../../domain/actions';
import type { AppContext } from '../platform/context';
import { requireVisible } from '../platform/http/access';
import { sendCached } from '../platform/http/cached-response';
import { notFound } from '../platform/http/errors';
import { listActions } from './list';
import { API_KEYS, FIELD_LABELS, inputFromBody, presentAction, presentItem } from './present';
import { type ActionFilters, checkFilters, visibilityFor } from './query';
import { actionFileRoutes } from './routes-files';
import {
  ActionIdParams,
  BulkBody,
  CreateBody,
  ErrorSchema,
  ListQuery,
  PatchBody,
  StatsQuery,
  StatsResponse,
  VersionQuery,
} from './schemas';
import { type GroupBy, statsBody } from './stats';
import { loadAction } from './store';
import { tiDirectory } from './territories';
import { bulkSetStatut, createAction, setArchived, updateAction } from './write';

// The action-plan API. Who may do what (policy.ts, permission actions.read / actions.write):
// - the aggregated figures (stats/actions) are public: the programme publishes them;
// - the sheets are working documents, readable by signed-in users within their scope: national
//   and partners (« plans partagés ») every plan, regional its region, territorial its territory;
// - writes: national, or territorial on its own territory.

const tags = ['actions'];
const notFoundMessage = (id: string) => `Action introuvable : « ${id} ».`;

export async function actionsRoutes(app: FastifyInstance, ctx: AppContext) {
  await actionFileRoutes(app, ctx);

  app.get(
    '/api/v1/actions/vocabulaire',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Vocabulaire des plans d’action : axes, thématiques, statuts et champs' },
    },
    async () => ({
      axes: AXES.map((a) => ({ code: a.code, libelle: a.label, court: a.short })),
      thematiques: THEMATIQUES.map((t) => ({ code: t.code, libelle: t.label, axe: t.axe })),
      statuts: STATUTS_REPORTED.map((s) => ({ code: s.code, libelle: s.label, court: s.short })),
      champs: Object.entries(API_KEYS).map(([field, key]) => ({
        cle: key,
        libelle: FIELD_LABELS[field as keyof typeof FIELD_LABELS],
      })),
    }),
  );

  app.get(
    '/api/v1/actions',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary:
          'Liste paginée des actions (filtres, recherche plein texte, tri), dans le périmètre de l’utilisateur',
        querystring: ListQuery,
      },
    },
    async (request) => {
      const q = request.query as ActionFilters & { page?: number; limit?: number; sort?: string };
      checkFilters(q);
      const directory = await tiDirectory(ctx);
      if (q.ti) {
        const ti = directory.byId.get(q.ti);
        if (!ti) throw notFound(`Territoire d'industrie inconnu : « ${q.ti} ».`);
        requireVisible(
          request.ctx.actor,
          'actions.read',
          { territoire: ti.id, region: ti.regionCode },
          `Plan d'action introuvable pour « ${q.ti} ».`,
        );
      }
      const page = q.page ?? 1;
      const limit = q.limit ?? 50;
      const filters = pickFilters(q);
      const { total, rows } = await listActions(
        ctx,
        filters,
        visibilityFor(request.ctx.actor),
        page,
        limit,
        q.sort,
      );
      return { total, page, limit, items: rows.map((r) => presentItem(r, directory)) };
    },
  );

  app.get(
    '/api/v1/stats/actions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Nombre d’actions par axe, thématique, statut ou région (une action compte une fois par thématique) — chiffres publics',
        querystring: StatsQuery,
        response: { 200: StatsResponse },
      },
    },
    async (request, reply) => {
      const q = request.query as ActionFilters & { groupBy: GroupBy };
      checkFilters(q);
      const body = await statsBody(ctx, q.groupBy, pickFilters(q));
      return sendCached(request, reply, body, 0);
    },
  );

  app.get(
    '/api/v1/actions/:id',
    {
      config: { access: 'actions.read' },
      schema: { tags, summary: 'Une fiche action', params: ActionIdParams, response: { 404: ErrorSchema } },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const row = await loadAction(ctx.db, id);
      if (!row) throw notFound(notFoundMessage(id));
      requireVisible(
        request.ctx.actor,
        'actions.read',
        { territoire: row.territoire_id, region: row.region_code },
        notFoundMessage(id),
      );
      return presentAction(row, await tiDirectory(ctx));
    },
  );

  app.post(
    '/api/v1/actions',
    {
      config: { access: 'actions.write' },
      schema: { tags, summary: 'Crée une fiche action dans un territoire', body: CreateBody },
    },
    async (request, reply) => {
      const body = request.body as Record<string, unknown> & { territoire: string };
      const input = { ...inputFromBody(body), tiId: body.territoire } as ActionInput;
      const id = await createAction(ctx, request.ctx, input);
      const row = await loadAction(ctx.db, id);
      return reply.status(201).send(presentAction(row!, await tiDirectory(ctx)));
    },
  );

  app.patch(
    '/api/v1/actions/:id',
    {
      config: { access: 'actions.write' },
      schema: {
        tags,
        summary:
          'Modifie une fiche action (verrou optimiste : « version » est celle de la fiche modifiée ; 409 avec les changements intervenus entre-temps)',
        params: ActionIdParams,
        body: PatchBody,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { version, ...rest } = request.body as Record<string, unknown> & { version: number };
      await updateAction(ctx, request.ctx, id, version, inputFromBody(rest));
      return presentAction((await loadAction(ctx.db, id))!, await tiDirectory(ctx));
    },
  );

  app.delete(
    '/api/v1/actions/:id',
    {
      config: { access: 'actions.write' },
      schema: {
        tags,
        summary: 'Archive une fiche action (rien n’est supprimé ; elle peut être restaurée)',
        params: ActionIdParams,
        querystring: VersionQuery,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { version } = request.query as { version?: number };
      await setArchived(ctx, request.ctx, id, true, version);
      return presentAction((await loadAction(ctx.db, id))!, await tiDirectory(ctx));
    },
  );

  app.post(
    '/api/v1/actions/:id/restaurer',
    {
      config: { access: 'actions.write' },
      schema: {
        tags,
        summary: 'Restaure une fiche action archivée',
        params: ActionIdParams,
        querystring: VersionQuery,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { version } = request.query as { version?: number };
      await setArchived(ctx, request.ctx, id, false, version);
      return presentAction((await loadAction(ctx.db, id))!, await tiDirectory(ctx));
    },
  );

  app.post(
    '/api/v1/actions/lot',
    {
      config: { access: 'actions.write' },
      schema: {
        tags,
        summary: 'Change le statut de plusieurs actions en une seule transaction (tout ou rien)',
        body: BulkBody,
      },
    },
    async (request) => {
      const { ids, statut } = request.body as { ids: string[]; statut: string | null };
      const result = await bulkSetStatut(ctx, request.ctx, ids, statut);
      return { modifiees: result.updated, inchangees: result.unchanged };
    },
  );

  app.get(
    '/api/v1/actions/:id/historique',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary: 'Historique d’une fiche action : qui, quand, avant, après',
        params: ActionIdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const row = await loadAction(ctx.db, id);
      if (!row) throw notFound(notFoundMessage(id));
      requireVisible(
        request.ctx.actor,
        'actions.read',
        { territoire: row.territoire_id, region: row.region_code },
        notFoundMessage(id),
      );
      const { rows } = await ctx.db.query<{
        at: Date;
        kind: string;
        version: number;
        field: keyof typeof API_KEYS | null;
        before: unknown;
        after: unknown;
        display_name: string | null;
      }>(
        `SELECT h.at, h.kind, h.version, h.field, h.before, h.after, u.display_name
           FROM action_history h LEFT JOIN users u ON u.id = h.user_id
          WHERE h.action_id = $1 ORDER BY h.at DESC, h.id DESC`,
        [id],
      );
      return {
        id,
        demo: row.demo,
        items: rows.map((h) => ({
          le: h.at.toISOString(),
          type: h.kind,
          version: h.version,
          champ: h.field ? API_KEYS[h.field] : null,
          libelle: h.field ? FIELD_LABELS[h.field] : null,
          avant: h.before,
          apres: h.after,
          par: h.display_name,
        })),
      };
    },
  );
}

function pickFilters(q: ActionFilters): ActionFilters {
  const out: ActionFilters = {};
  for (const key of ['ti', 'region', 'axe', 'thematique', 'statut', 'q', 'archivee', 'demo'] as const) {
    if (q[key] !== undefined && q[key] !== '') (out as Record<string, unknown>)[key] = q[key];
  }
  return out;
}
