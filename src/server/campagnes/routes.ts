import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  assembleComparison,
  cannotReview,
  cannotSendBack,
  cannotSignOff,
  cannotValidate,
  type Dimension,
  FRESHNESS_LABELS,
  REMINDER_KIND_LABELS,
  statsRows,
  TERRITORY_STATUS_LABELS,
  validateCampaignInput,
} from '../../domain/campagnes';
import { can } from '../../domain/comptes/policy';
import { type TiInfo, tiDirectory } from '../actions/territories';
import { type AuditEntry, recordAudit } from '../comptes/audit';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { requirePermission, requireVisible } from '../platform/http/access';
import { badRequest, conflict, forbidden, notFound } from '../platform/http/errors';
import { sendMail } from '../platform/mail';
import { closeCampaign } from './close';
import { campaignCounts, comparisonAggregates, transitionCounts } from './figures';
import { campaignProgress, REVIEWED_SQL } from './progress';
import { planReminders, remindTerritories } from './reminders';
import {
  CampaignIdParams,
  CampaignRegionParams,
  CampaignTerritoryParams,
  ComparisonQuery,
  ErrorSchema,
  ManualReminderBody,
  OpenCampaignBody,
  ProgressQuery,
  ReviewBody,
  SendBackBody,
  StatsQuery,
  StatsResponse,
  StuckQuery,
  UpdateCampaignBody,
} from './schemas';
import {
  type CampaignRow,
  calendarOf,
  listCampaigns,
  loadCampaign,
  loadTerritoryStates,
  presentCampaign,
  type TiStateRow,
  toState,
} from './store';
import { stuckUpTo } from './stuck';

// The campaigns API. Who may do what:
// - the list of campaigns (names, dates, state) is public;
// - their progress: any signed-in user reads the national and
//   regional progress; the per-territory detail is limited to one's scope (national: all; regional:
//   its region; territorial: its territories). Snapshot figures and comparisons are aggregates, public
//   like /api/v1/stats/actions;
// - open, re-date, close, manual reminders: national (campagnes.manage);
// - review and sign-off: the territory's team (campagnes.signoff on the territory);
// - validation and send-back: the region's coordinator (campagnes.validate on the region).

const tags = ['campagnes'];

type Params = { id: string; ti?: string; code?: string };
/** What a workflow step traces besides the campaign (entity and id are the campaign's). */
type StepAudit = Omit<AuditEntry, 'entity' | 'entityId'>;

export async function campagnesRoutes(app: FastifyInstance, ctx: AppContext) {
  const userId = (request: FastifyRequest) => request.ctx.actor.userId;

  async function counts(id: string) {
    const { rows } = await ctx.db.query<{ territoires: number; regions: number }>(
      `SELECT count(*)::int AS territoires, count(DISTINCT region_code)::int AS regions
         FROM campagne_territoires WHERE campagne_id = $1`,
      [id],
    );
    return rows[0]!;
  }

  // Pass the transaction when inside one: on PGlite (one connection) a query outside it would wait forever.
  async function territoryInCampaign(c: CampaignRow, ti: string, sql: Sql = ctx.db, lock = false) {
    const directory = await tiDirectory(ctx);
    const info = directory.byId.get(ti);
    const [state] = await loadTerritoryStates(sql, c.id, { territoire: ti }, lock);
    const message = `Le territoire « ${info?.nom ?? ti} » ne participe pas à la campagne « ${c.nom} ».`;
    return { info, state, message, nom: info?.nom ?? ti };
  }

  // Every step of the workflow (review, sign-off, send-back, validation) runs the same way: in one
  // transaction, lock the campaign, let `step` load what it acts on, check and write, then trace it in
  // the audit log on the campaign. The trace commits or rolls back with the write.
  async function campaignStep<T>(
    request: FastifyRequest,
    id: string,
    step: (tx: Sql, c: CampaignRow, now: Date) => Promise<{ result: T; audit: StepAudit }>,
  ): Promise<T> {
    const now = ctx.clock.now();
    await tiDirectory(ctx); // warm: inside a PGlite transaction it could not load
    return ctx.db.transaction(async (tx) => {
      const c = await loadCampaign(tx, id, { lock: true });
      const { result, audit } = await step(tx, c, now);
      await recordAudit(tx, request.ctx, { entity: 'campagne', entityId: id, ...audit });
      return result;
    });
  }

  // A step on one territory: its state is locked (404 when it does not take part) and the trace
  // names the territory and its region.
  function territoryStep<T>(
    request: FastifyRequest,
    id: string,
    ti: string,
    step: (
      tx: Sql,
      c: CampaignRow,
      now: Date,
      t: { state: TiStateRow; nom: string; info: TiInfo | undefined },
    ) => Promise<{ result: T; audit: Omit<StepAudit, 'territoire' | 'region'> }>,
  ): Promise<T> {
    return campaignStep(request, id, async (tx, c, now) => {
      const { state, nom, info, message } = await territoryInCampaign(c, ti, tx, true);
      if (!state) throw notFound(message);
      const { result, audit } = await step(tx, c, now, { state, nom, info });
      return { result, audit: { ...audit, territoire: ti, region: state.region_code } };
    });
  }

  // A territory is always checked with its own region (from the référentiel, never from the request).
  async function requireSignOff(request: FastifyRequest, ti: string) {
    const info = (await tiDirectory(ctx)).byId.get(ti);
    requirePermission(
      request.ctx.actor,
      'campagnes.signoff',
      { territoire: ti, region: info?.regionCode },
      `Accès refusé : seule l'équipe du territoire « ${info?.nom ?? ti} » (ou l'équipe nationale) peut revoir et signer sa mise à jour.`,
    );
  }

  // ------------------------------------------------------------------ campaigns

  app.get(
    '/api/v1/campagnes',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Les campagnes de mise à jour des plans d’action' },
    },
    async () => {
      const rows = await listCampaigns(ctx.db);
      const items = [];
      for (const c of rows) items.push(presentCampaign(c, ctx, await counts(c.id)));
      return { total: items.length, items };
    },
  );

  app.post(
    '/api/v1/campagnes',
    {
      config: { access: 'campagnes.manage' },
      schema: {
        tags,
        summary: 'Ouvrir une campagne (nom, dates, territoires concernés : tous par défaut)',
        body: OpenCampaignBody,
        response: {
          201: Type.Object({}, { additionalProperties: true }),
          400: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const directory = await tiDirectory(ctx);
      const checked = validateCampaignInput(
        request.body as Record<string, unknown>,
        new Set(directory.byId.keys()),
      );
      if (!checked.ok) throw badRequest(checked.errors.join(' '), { erreurs: checked.errors });
      const input = checked.value;
      await tiDirectory(ctx); // warm: inside a PGlite transaction it could not load
      const created = await ctx.db.transaction(async (tx) => {
        const { rows: running } = await tx.query<{ nom: string }>(
          'SELECT nom FROM campagnes WHERE closed_at IS NULL ORDER BY ouverture LIMIT 1 FOR UPDATE',
        );
        if (running[0])
          throw conflict(
            `Une campagne est déjà en cours : « ${running[0].nom} ». Clôturez-la avant d’en ouvrir une autre.`,
          );
        const { rows } = await tx.query<CampaignRow>(
          `INSERT INTO campagnes (nom, ouverture, cloture, tous_territoires, created_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING id, nom, ouverture, cloture, tous_territoires, closed_at, nb_actions, created_at, demo`,
          [
            input.nom,
            input.ouverture,
            input.cloture,
            input.territoires === null,
            ctx.clock.now(),
            userId(request),
          ],
        );
        const c = rows[0]!;
        const list = (input.territoires ?? directory.list.map((t) => t.id)).map((id) => ({
          id,
          region: directory.byId.get(id)!.regionCode,
        }));
        await tx.query(
          `INSERT INTO campagne_territoires (campagne_id, territoire_id, region_code)
           SELECT $1, t, r FROM unnest($2::text[], $3::text[]) AS x(t, r)`,
          [c.id, list.map((t) => t.id), list.map((t) => t.region)],
        );
        await tx.query(
          `INSERT INTO campagne_regions (campagne_id, region_code)
           SELECT DISTINCT $1::uuid, region_code FROM campagne_territoires WHERE campagne_id = $1`,
          [c.id],
        );
        await planReminders(ctx, tx, c);
        await recordAudit(tx, request.ctx, {
          action: 'campagnes.ouverture',
          entity: 'campagne',
          entityId: c.id,
          after: input,
        });
        return c;
      });
      reply.code(201);
      return presentCampaign(created, ctx, await counts(created.id));
    },
  );

  app.get(
    '/api/v1/campagnes/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Une campagne', params: CampaignIdParams, response: { 404: ErrorSchema } },
    },
    async (request) => {
      const { id } = request.params as Params;
      const c = await loadCampaign(ctx.db, id);
      return presentCampaign(c, ctx, await counts(id));
    },
  );

  app.patch(
    '/api/v1/campagnes/:id',
    {
      config: { access: 'campagnes.manage' },
      schema: {
        tags,
        summary: 'Renommer ou redater une campagne non close (les rappels sont replanifiés)',
        params: CampaignIdParams,
        body: UpdateCampaignBody,
        response: { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Params;
      const body = request.body as { nom?: string; ouverture?: string; cloture?: string };
      await tiDirectory(ctx); // warm: inside a PGlite transaction it could not load
      const updated = await ctx.db.transaction(async (tx) => {
        const before = await loadCampaign(tx, id, { lock: true });
        if (before.closed_at)
          throw conflict(`La campagne « ${before.nom} » est close : elle ne peut plus être modifiée.`);
        const merged = {
          nom: body.nom ?? before.nom,
          ouverture: body.ouverture ?? before.ouverture,
          cloture: body.cloture ?? before.cloture,
        };
        const checked = validateCampaignInput(merged, new Set());
        if (!checked.ok) throw badRequest(checked.errors.join(' '), { erreurs: checked.errors });
        const { rows } = await tx.query<CampaignRow>(
          `UPDATE campagnes SET nom = $2, ouverture = $3, cloture = $4 WHERE id = $1
           RETURNING id, nom, ouverture, cloture, tous_territoires, closed_at, nb_actions, created_at, demo`,
          [id, checked.value.nom, checked.value.ouverture, checked.value.cloture],
        );
        await planReminders(ctx, tx, rows[0]!);
        await recordAudit(tx, request.ctx, {
          action: 'campagnes.modification',
          entity: 'campagne',
          entityId: id,
          before: { nom: before.nom, ouverture: before.ouverture, cloture: before.cloture },
          after: checked.value,
        });
        return rows[0]!;
      });
      return presentCampaign(updated, ctx, await counts(id));
    },
  );

  app.delete(
    '/api/v1/campagnes/:id',
    {
      config: { access: 'campagnes.manage' },
      schema: {
        tags,
        summary: 'Supprimer une campagne non close (ouverte par erreur)',
        params: CampaignIdParams,
        response: { 204: Type.Null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Params;
      await tiDirectory(ctx); // warm: inside a PGlite transaction it could not load
      await ctx.db.transaction(async (tx) => {
        const c = await loadCampaign(tx, id, { lock: true });
        if (c.closed_at)
          throw conflict(
            `La campagne « ${c.nom} » est close : son cliché est conservé, elle ne peut pas être supprimée.`,
          );
        await tx.query(
          `UPDATE jobs SET status = 'cancelled' WHERE status = 'pending' AND starts_with(key, $1)`,
          [`campagne:${id}:`],
        );
        await tx.query('DELETE FROM campagnes WHERE id = $1', [id]);
        await recordAudit(tx, request.ctx, {
          action: 'campagnes.suppression',
          entity: 'campagne',
          entityId: id,
          before: { nom: c.nom },
        });
      });
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/api/v1/campagnes/:id/cloture',
    {
      config: { access: 'campagnes.manage' },
      schema: {
        tags,
        summary: 'Clore la campagne : fige le cliché de toutes ses actions (ses chiffres ne changeront plus)',
        params: CampaignIdParams,
        response: { 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Params;
      await tiDirectory(ctx); // warm: inside a PGlite transaction it could not load
      const result = await ctx.db.transaction(async (tx) => {
        const r = await closeCampaign(ctx, tx, id, userId(request));
        await recordAudit(tx, request.ctx, {
          action: 'campagnes.cloture',
          entity: 'campagne',
          entityId: id,
          after: r,
        });
        return r;
      });
      const c = await loadCampaign(ctx.db, id);
      return { ...presentCampaign(c, ctx, await counts(id)), nbActions: result.nbActions };
    },
  );

  // ------------------------------------------------------------------ progress

  app.get(
    '/api/v1/campagnes/:id/avancement',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Avancement de la campagne : national, par région, par territoire (dans votre périmètre)',
        params: CampaignIdParams,
        querystring: ProgressQuery,
        response: { 404: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Params;
      const q = request.query as { region?: string; territoire?: string };
      const c = await loadCampaign(ctx.db, id);
      const progress = await campaignProgress(ctx, c);
      const actor = request.ctx.actor;
      // Per-territory rows only within the caller's scope; national and regional totals for all.
      const visible = progress.territoires.filter(
        (t) =>
          can(actor, 'actions.read', { territoire: t.territoire, region: t.region }) &&
          actor.grants.some((g) => g.role !== 'partner') &&
          (!q.region || t.region === q.region) &&
          (!q.territoire || t.territoire === q.territoire),
      );
      return {
        campagne: presentCampaign(c, ctx),
        national: progress.national,
        regions: progress.regions.map((r) => ({
          ...r,
          validatedAt: undefined,
          valideeLe: r.validatedAt ? r.validatedAt.toISOString() : null,
          nbTerritoires: r.territoires,
        })),
        territoires: visible.map((t) => ({
          territoire: t.territoire,
          nom: t.nom,
          region: t.region,
          actions: t.actions,
          revues: Math.min(t.reviewed, t.actions),
          partRevue: t.partRevue,
          fraicheur: t.freshness,
          revuePlusAncienne: t.oldestReview,
          statut: t.statut,
          statutLibelle: TERRITORY_STATUS_LABELS[t.statut],
          signeLe: t.signedOffAt ? t.signedOffAt.toISOString() : null,
          renvoyeLe: t.sentBackAt ? t.sentBackAt.toISOString() : null,
          commentaireRenvoi: t.sentBackComment,
        })),
        libelles: { fraicheur: FRESHNESS_LABELS, statuts: TERRITORY_STATUS_LABELS },
      };
    },
  );

  // ------------------------------------------------------------------ the territory's page

  app.get(
    '/api/v1/campagnes/:id/territoires/:ti',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary:
          'La campagne d’un territoire : ses actions à revoir ou revues, sa signature, le renvoi éventuel',
        params: CampaignTerritoryParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request) => {
      const { id, ti } = request.params as Required<Params>;
      const c = await loadCampaign(ctx.db, id);
      const { info, state, message, nom } = await territoryInCampaign(c, ti);
      if (!state) throw notFound(message);
      requireVisible(
        request.ctx.actor,
        'actions.read',
        { territoire: ti, region: state.region_code },
        message,
      );
      const progress = await campaignProgress(ctx, c, { territoire: ti });
      const figures = progress.territoires[0]!;
      const actions = c.closed_at
        ? (
            await ctx.db.query(
              `SELECT action_id AS id, titre, axe, thematiques, statut, revue, last_reviewed_at
                 FROM campagne_snapshots WHERE campagne_id = $1 AND territoire_id = $2 ORDER BY revue, titre`,
              [id, ti],
            )
          ).rows
        : (
            await ctx.db.query(
              `SELECT a.id, a.title AS titre, a.axe, a.thematiques, a.statut, ${REVIEWED_SQL} AS revue,
                      greatest(a.last_reviewed_at, r.reviewed_at) AS last_reviewed_at, a.version
                 FROM actions a
                 LEFT JOIN campagne_revues r ON r.campagne_id = $1 AND r.action_id = a.id
                WHERE a.territoire_id = $3 AND a.archived_at IS NULL
                ORDER BY 6, a.title`,
              [id, `${c.ouverture}T00:00:00Z`, ti],
            )
          ).rows;
      const { rows: rappels } = await ctx.db.query<{ kind: string; sent_at: Date; destinataires: number }>(
        `SELECT kind, sent_at, destinataires FROM campagne_rappels
          WHERE campagne_id = $1 AND territoire_id = $2 ORDER BY sent_at DESC`,
        [id, ti],
      );
      const actor = request.ctx.actor;
      return {
        campagne: presentCampaign(c, ctx),
        territoire: {
          id: ti,
          nom,
          region: { code: state.region_code, nom: info?.regionNom ?? state.region_code },
        },
        actions: figures.actions,
        revues: Math.min(figures.reviewed, figures.actions),
        partRevue: figures.partRevue,
        statut: figures.statut,
        statutLibelle: TERRITORY_STATUS_LABELS[figures.statut],
        signeLe: state.signed_off_at?.toISOString() ?? null,
        renvoyeLe: state.sent_back_at?.toISOString() ?? null,
        commentaireRenvoi: state.sent_back_comment,
        regionValideeLe: state.validated_at?.toISOString() ?? null,
        peutReviser: can(actor, 'campagnes.signoff', { territoire: ti, region: state.region_code }),
        peutValider: can(actor, 'campagnes.validate', { region: state.region_code }),
        rappels: rappels.map((r) => ({
          type: r.kind,
          libelle: REMINDER_KIND_LABELS[r.kind as keyof typeof REMINDER_KIND_LABELS],
          envoyeLe: r.sent_at.toISOString(),
          destinataires: r.destinataires,
        })),
        items: actions.map((a) => ({
          id: a.id,
          titre: a.titre,
          axe: a.axe,
          thematiques: a.thematiques,
          statut: a.statut ?? 'non-renseigne',
          revue: a.revue,
          derniereRevue: a.last_reviewed_at ? (a.last_reviewed_at as Date).toISOString() : null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/campagnes/:id/territoires/:ti/revues',
    {
      config: { access: 'campagnes.signoff' },
      schema: {
        tags,
        summary: 'Confirmer des actions du territoire (toujours exactes) : elles comptent comme revues',
        params: CampaignTerritoryParams,
        body: ReviewBody,
        response: { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id, ti } = request.params as Required<Params>;
      const ids = [...new Set((request.body as { actions: string[] }).actions.map((a) => a.toLowerCase()))];
      await requireSignOff(request, ti);
      return territoryStep(request, id, ti, async (tx, c, now, { state, nom }) => {
        const refusal = cannotReview(calendarOf(c), toState(state, nom), now);
        if (refusal) throw conflict(refusal);
        const { rows: found } = await tx.query<{ id: string }>(
          `SELECT id FROM actions WHERE id = ANY($1::uuid[]) AND territoire_id = $2 AND archived_at IS NULL`,
          [ids, ti],
        );
        const known = new Set(found.map((r) => r.id));
        const unknown = ids.filter((a) => !known.has(a));
        if (unknown.length)
          throw badRequest(
            `Action${unknown.length > 1 ? 's' : ''} introuvable${unknown.length > 1 ? 's' : ''} dans le territoire « ${nom} » : ${unknown
              .slice(0, 5)
              .map((a) => `« ${a} »`)
              .join(', ')}${unknown.length > 5 ? '…' : ''}.`,
          );
        const { rows: inserted } = await tx.query<{ action_id: string }>(
          `INSERT INTO campagne_revues (campagne_id, action_id, territoire_id, reviewed_at, reviewed_by)
           SELECT $1, a, $2, $3, $4 FROM unnest($5::uuid[]) AS a
           ON CONFLICT (campagne_id, action_id) DO NOTHING RETURNING action_id`,
          [id, ti, now, userId(request), ids],
        );
        // Confirming is a review of the sheet: its freshness date moves, its content and version do not.
        await tx.query('UPDATE actions SET last_reviewed_at = $2 WHERE id = ANY($1::uuid[])', [ids, now]);
        return {
          result: { confirmees: inserted.length, dejaRevues: ids.length - inserted.length },
          audit: { action: 'campagnes.revue', after: { actions: ids } },
        };
      });
    },
  );

  app.post(
    '/api/v1/campagnes/:id/territoires/:ti/signature',
    {
      config: { access: 'campagnes.signoff' },
      schema: {
        tags,
        summary: 'Signer la mise à jour du territoire (toutes ses actions revues)',
        params: CampaignTerritoryParams,
        response: { 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id, ti } = request.params as Required<Params>;
      await requireSignOff(request, ti);
      return territoryStep(request, id, ti, async (tx, c, now, { state, nom }) => {
        const progress = await campaignProgress(ctx, c, { territoire: ti }, tx);
        const figures = progress.territoires[0]!;
        const remaining = figures.actions - Math.min(figures.reviewed, figures.actions);
        const refusal = cannotSignOff(calendarOf(c), toState(state, nom), now, remaining);
        if (refusal) throw conflict(refusal);
        await tx.query(
          'UPDATE campagne_territoires SET signed_off_at = $3, signed_off_by = $4 WHERE campagne_id = $1 AND territoire_id = $2',
          [id, ti, now, userId(request)],
        );
        return {
          result: { territoire: ti, signeLe: now.toISOString(), actions: figures.actions },
          audit: {
            action: 'campagnes.signature',
            after: { signeLe: now.toISOString(), actions: figures.actions },
          },
        };
      });
    },
  );

  app.post(
    '/api/v1/campagnes/:id/territoires/:ti/renvoi',
    {
      config: { access: 'campagnes.validate' },
      schema: {
        tags,
        summary: 'Renvoyer au territoire sa mise à jour signée, avec un commentaire (coordination régionale)',
        params: CampaignTerritoryParams,
        body: SendBackBody,
        response: { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id, ti } = request.params as Required<Params>;
      const comment = (request.body as { commentaire: string }).commentaire.trim();
      return territoryStep(request, id, ti, async (tx, c, now, { state, nom, info }) => {
        requirePermission(
          request.ctx.actor,
          'campagnes.validate',
          { region: state.region_code },
          `Accès refusé : seule la coordination régionale de « ${info?.regionNom ?? state.region_code} » (ou l'équipe nationale) peut renvoyer la mise à jour du territoire « ${nom} ».`,
        );
        const refusal = cannotSendBack(calendarOf(c), toState(state, nom), comment, now);
        if (refusal) throw (comment ? conflict : badRequest)(refusal);
        await tx.query(
          `UPDATE campagne_territoires SET signed_off_at = NULL, signed_off_by = NULL,
                  sent_back_at = $3, sent_back_by = $4, sent_back_comment = $5
            WHERE campagne_id = $1 AND territoire_id = $2`,
          [id, ti, now, userId(request), comment],
        );
        const { rows: team } = await tx.query<{ email: string }>(
          `SELECT DISTINCT u.email FROM users u JOIN user_grants g ON g.user_id = u.id
            WHERE u.active AND g.role = 'territorial' AND g.territoire_id = $1`,
          [ti],
        );
        for (const { email } of team)
          await sendMail(ctx, tx, {
            to: email,
            subject: `[Territoires d'industrie] ${c.nom} : la région vous renvoie la mise à jour de ${nom}`,
            text: [
              'Bonjour,',
              '',
              `La coordination régionale a renvoyé la mise à jour du territoire « ${nom} » pour la campagne « ${c.nom} », avec ce commentaire :`,
              '',
              comment,
              '',
              `Revoyez les actions concernées puis signez à nouveau : ${ctx.config.publicUrl}/campagnes/${id}/territoires/${ti}`,
            ].join('\n'),
            category: 'campagnes.renvoi',
          });
        return {
          result: { territoire: ti, renvoyeLe: now.toISOString(), commentaire: comment },
          audit: {
            action: 'campagnes.renvoi',
            before: { signeLe: state.signed_off_at?.toISOString() },
            after: { commentaire: comment },
          },
        };
      });
    },
  );

  app.post(
    '/api/v1/campagnes/:id/regions/:code/validation',
    {
      config: { access: 'campagnes.validate' },
      schema: {
        tags,
        summary: 'Valider la campagne d’une région (tous ses territoires ont signé)',
        params: CampaignRegionParams,
        response: { 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id, code } = request.params as Required<Params>;
      const directory = await tiDirectory(ctx);
      const regionName = directory.regions.get(code) ?? code;
      requirePermission(
        request.ctx.actor,
        'campagnes.validate',
        { region: code },
        `Accès refusé : seule la coordination régionale de « ${regionName} » (ou l'équipe nationale) peut valider la campagne de cette région.`,
      );
      return campaignStep(request, id, async (tx, c, now) => {
        const { rows: regionRows } = await tx.query<{ validated_at: Date | null }>(
          'SELECT validated_at FROM campagne_regions WHERE campagne_id = $1 AND region_code = $2 FOR UPDATE',
          [id, code],
        );
        if (!regionRows[0])
          throw notFound(`La région « ${regionName} » n'a aucun territoire dans la campagne « ${c.nom} ».`);
        const states = await loadTerritoryStates(tx, id, { region: code });
        const refusal = cannotValidate(
          calendarOf(c),
          {
            region: code,
            nom: regionName,
            validatedAt: regionRows[0].validated_at,
            territories: states.map((s) => toState(s, directory.tiName(s.territoire_id))),
          },
          now,
        );
        if (refusal) throw conflict(refusal);
        await tx.query(
          'UPDATE campagne_regions SET validated_at = $3, validated_by = $4 WHERE campagne_id = $1 AND region_code = $2',
          [id, code, now, userId(request)],
        );
        return {
          result: { region: code, valideeLe: now.toISOString(), territoires: states.length },
          audit: {
            action: 'campagnes.validation',
            region: code,
            after: { valideeLe: now.toISOString(), territoires: states.length },
          },
        };
      });
    },
  );

  // ------------------------------------------------------------------ reminders

  app.get(
    '/api/v1/campagnes/:id/rappels',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Rappels envoyés (dans votre périmètre) et rappels planifiés',
        params: CampaignIdParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Params;
      const c = await loadCampaign(ctx.db, id);
      const directory = await tiDirectory(ctx);
      const actor = request.ctx.actor;
      const { rows } = await ctx.db.query<{
        kind: string;
        territoire_id: string | null;
        region_code: string;
        destinataires: number;
        sent_at: Date;
      }>(
        `SELECT kind, territoire_id, region_code, destinataires, sent_at FROM campagne_rappels
          WHERE campagne_id = $1 ORDER BY sent_at DESC, id DESC LIMIT 2000`,
        [id],
      );
      const { rows: planned } = await ctx.db.query<{
        key: string;
        run_at: Date;
        status: string;
        payload: { kind: string };
      }>(`SELECT key, run_at, status, payload FROM jobs WHERE starts_with(key, $1) ORDER BY run_at`, [
        `campagne:${id}:`,
      ]);
      const national = can(actor, 'campagnes.manage');
      return {
        campagne: presentCampaign(c, ctx),
        envoyes: rows
          .filter(
            (r) =>
              national ||
              (r.territoire_id
                ? can(actor, 'actions.read', { territoire: r.territoire_id, region: r.region_code })
                : can(actor, 'campagnes.validate', { region: r.region_code })),
          )
          .filter(() => actor.grants.some((g) => g.role !== 'partner'))
          .map((r) => ({
            type: r.kind,
            libelle: REMINDER_KIND_LABELS[r.kind as keyof typeof REMINDER_KIND_LABELS],
            territoire: r.territoire_id
              ? { id: r.territoire_id, nom: directory.tiName(r.territoire_id) ?? r.territoire_id }
              : null,
            region: { code: r.region_code, nom: directory.regions.get(r.region_code) ?? r.region_code },
            destinataires: r.destinataires,
            envoyeLe: r.sent_at.toISOString(),
          })),
        planifies: planned.map((p) => ({
          type: p.payload.kind,
          libelle:
            REMINDER_KIND_LABELS[p.payload.kind as keyof typeof REMINDER_KIND_LABELS] ?? p.payload.kind,
          prevuLe: p.run_at.toISOString(),
          etat: p.status,
        })),
      };
    },
  );

  app.post(
    '/api/v1/campagnes/:id/rappels',
    {
      config: { access: 'campagnes.manage' },
      schema: {
        tags,
        summary: 'Envoyer un rappel maintenant aux territoires qui n’ont pas signé (tous, ou ceux indiqués)',
        params: CampaignIdParams,
        body: ManualReminderBody,
        response: { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Params;
      const only = (request.body as { territoires?: string[] } | undefined)?.territoires;
      await tiDirectory(ctx); // warm: inside a PGlite transaction it could not load
      return ctx.db.transaction(async (tx) => {
        const c = await loadCampaign(tx, id);
        if (c.closed_at) throw conflict(`La campagne « ${c.nom} » est close : plus de rappel possible.`);
        if (only?.length) {
          const states = new Set((await loadTerritoryStates(tx, id)).map((s) => s.territoire_id));
          const outside = only.filter((t) => !states.has(t));
          if (outside.length)
            throw badRequest(
              `Champ « territoires » : ${outside.map((t) => `« ${t} »`).join(', ')} ne participe${outside.length > 1 ? 'nt' : ''} pas à la campagne « ${c.nom} ».`,
            );
        }
        const report = await remindTerritories(ctx, tx, c, 'manuel', { only, userId: userId(request) });
        await recordAudit(tx, request.ctx, {
          action: 'campagnes.rappel',
          entity: 'campagne',
          entityId: id,
          after: report,
        });
        return report;
      });
    },
  );

  // ------------------------------------------------------------------ figures

  app.get(
    '/api/v1/campagnes/:id/stats',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Chiffres de la campagne par axe, thématique, statut ou région (cliché figé si close) — même forme que /api/v1/stats/actions',
        params: CampaignIdParams,
        querystring: StatsQuery,
        response: { 200: StatsResponse, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Params;
      const q = request.query as { groupBy: Dimension; region?: string };
      const c = await loadCampaign(ctx.db, id);
      const directory = await tiDirectory(ctx);
      const regionNames = new Map(
        [...directory.regions]
          .filter(([code]) => !q.region || code === q.region)
          .sort((a, b) => a[0].localeCompare(b[0])),
      );
      return statsRows(
        await campaignCounts(ctx.db, c, q.groupBy, { region: q.region }),
        q.groupBy,
        regionNames,
      );
    },
  );

  async function comparisonPair(request: FastifyRequest) {
    const q = request.query as { de: string; a: string; region?: string };
    if (q.de === q.a) throw badRequest('Paramètres « de » et « a » : choisissez deux campagnes différentes.');
    const [de, a] = await Promise.all([loadCampaign(ctx.db, q.de), loadCampaign(ctx.db, q.a)]);
    return { de, a, region: q.region };
  }

  app.get(
    '/api/v1/campagnes/comparaison',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Comparer deux campagnes : effectifs par axe, thématique, statut et région, actions nouvelles, abandonnées, réalisées, matrice de transition des statuts',
        querystring: ComparisonQuery,
        response: { 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { de, a, region } = await comparisonPair(request);
      const directory = await tiDirectory(ctx);
      const regionNames = new Map(
        [...directory.regions]
          .filter(([code]) => !region || code === region)
          .sort((x, y) => x[0].localeCompare(y[0])),
      );
      const aggregates = await comparisonAggregates(ctx.db, de, a, { region });
      return {
        de: presentCampaign(de, ctx),
        a: presentCampaign(a, ctx),
        region: region ? { code: region, nom: directory.regions.get(region) ?? region } : null,
        ...assembleComparison(aggregates, regionNames),
      };
    },
  );

  app.get(
    '/api/v1/campagnes/comparaison/transitions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Matrice de transition des statuts entre deux campagnes (combien d’actions sont passées de chaque statut à chaque autre)',
        querystring: ComparisonQuery,
        response: { 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { de, a, region } = await comparisonPair(request);
      const transitions = await transitionCounts(ctx.db, de, a, { region });
      const assembled = assembleComparison({ totals: { de: 0, a: 0 }, counts: [], transitions }, new Map());
      return {
        de: presentCampaign(de, ctx),
        a: presentCampaign(a, ctx),
        ...assembled.transitions,
        nouvelles: assembled.transitions.nouvelles,
        disparues: assembled.transitions.disparues,
      };
    },
  );

  app.get(
    '/api/v1/campagnes/:id/bloquees',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary:
          'Actions bloquées : « En pause / à débloquer » ou « Amont » depuis deux campagnes ou plus, par territoire (dans votre périmètre)',
        params: CampaignIdParams,
        querystring: StuckQuery,
        response: { 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Params;
      const q = request.query as { region?: string; territoire?: string; limite?: number };
      const c = await loadCampaign(ctx.db, id);
      const directory = await tiDirectory(ctx);
      const actor = request.ctx.actor;
      // Narrow to the caller's scope: a regional coordinator sees its region, a territory itself.
      const filter: { region?: string; territoire?: string } = { region: q.region, territoire: q.territoire };
      if (
        !q.region &&
        !q.territoire &&
        !actor.grants.some((g) => g.role === 'national' || g.role === 'partner')
      ) {
        const regional = actor.grants.find((g) => g.role === 'regional');
        const territorial = actor.grants.find((g) => g.role === 'territorial');
        if (regional && regional.role === 'regional') filter.region = regional.region;
        else if (territorial && territorial.role === 'territorial')
          filter.territoire = territorial.territoire;
      }
      // A territory is judged with its own region (unknown territory: no region, so no regional grant).
      if (filter.territoire) {
        const ti = directory.byId.get(filter.territoire);
        if (!can(actor, 'actions.read', { territoire: filter.territoire, region: ti?.regionCode ?? null }))
          throw forbidden(
            `Accès refusé : le territoire « ${ti?.nom ?? filter.territoire} » n'est pas dans votre périmètre.`,
          );
      } else if (filter.region && !can(actor, 'actions.read', { region: filter.region }))
        throw forbidden(
          `Accès refusé : la région « ${directory.regions.get(filter.region) ?? filter.region} » n'est pas dans votre périmètre.`,
        );
      const result = await stuckUpTo(ctx.db, c, filter);
      let budget = q.limite ?? 2000;
      return {
        campagne: presentCampaign(c, ctx),
        campagnes: result.campagnes.map((x) => ({ id: x.id, nom: x.nom })),
        total: result.stuck.length,
        enPause: result.stuck.filter((s) => s.statut === 'en-pause').length,
        amont: result.stuck.filter((s) => s.statut === 'amont').length,
        territoires: result.groups.map((g) => {
          const listed = g.actions.slice(0, Math.max(0, budget));
          budget -= listed.length;
          return {
            territoire: g.territoire,
            nom: directory.tiName(g.territoire) ?? g.territoire,
            region: { code: g.region, nom: directory.regions.get(g.region) ?? g.region },
            enPause: g.enPause,
            amont: g.amont,
            actions: listed.map((s) => ({
              id: s.action,
              titre: s.titre,
              statut: s.statut,
              statutLibelle: s.statutLabel,
              campagnes: s.campagnes,
            })),
            tronque: listed.length < g.actions.length,
          };
        }),
      };
    },
  );
}
