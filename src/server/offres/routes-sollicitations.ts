// Requests for support (sollicitations): creation on an action by its territory, the boxes of each
// role (the partner workspace is the « reçues » box of an operator), the thread, status changes,
// assignment by the regional task force and réorientation, and the figures per region and operator.
// Every write is one transaction with its audit record and its emails.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Grant } from '../../domain/comptes/policy';
import {
  checkTransition,
  DESTINATAIRES,
  dueDate,
  mayAnswer,
  mayRead,
  mayRoute,
  SOLLICITATION_STATUTS,
  type SollicitationStatut,
  sollicitationStatutLabel,
  summarize,
} from '../../domain/offres/sollicitations';
import { isOperateur, OPERATEURS, operateurLabel } from '../../domain/offres/vocabulary';
import { recordAudit } from '../comptes/audit';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../platform/http/errors';
import { isUuid, visibleAction } from './action-lookup';
import { catalogue } from './catalogue-store';
import { type Audience, notify, reference, statusLine } from './notify';
import { ActionIdParams } from './routes-catalogue';
import {
  type Boite,
  readSollicitation,
  readThread,
  SELECT_SOLLICITATION,
  type SollicitationRow,
  scopeOf,
  sollicitationItem,
  visibilityFilter,
} from './sollicitations-store';

const tags = ['sollicitations'];

const IdParams = Type.Object({ id: Type.String({ description: 'Identifiant (UUID) de la sollicitation' }) });
const CreateBody = Type.Object(
  {
    destinataire: Type.Union(
      DESTINATAIRES.map((d) => Type.Literal(d.code)),
      { description: 'operateur (un opérateur nommé) ou cellule-regionale (la cellule régionale l’affecte)' },
    ),
    organisation: Type.Optional(
      Type.String({ description: 'Code de l’opérateur sollicité (par défaut, celui de l’offre)' }),
    ),
    offre: Type.Optional(Type.String({ description: 'Offre du catalogue visée, si la demande en vise une' })),
    objet: Type.String({ minLength: 3, maxLength: 200 }),
    message: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
const MessageBody = Type.Object(
  { message: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
const StatusBody = Type.Object(
  {
    statut: Type.Union(
      SOLLICITATION_STATUTS.map((s) => Type.Literal(s.code)),
      { description: 'en-instruction, favorable ou declinee (réorienter : /orientation)' },
    ),
    message: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
const OrientationBody = Type.Object(
  {
    organisation: Type.String({ description: 'Code de l’opérateur à qui la sollicitation est confiée' }),
    message: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object({
  boite: Type.Optional(
    Type.Union([Type.Literal('recue'), Type.Literal('envoyee'), Type.Literal('toutes')], {
      description:
        'recue (adressées à mon organisation ou à ma cellule régionale), envoyee (par mes territoires), toutes',
    }),
  ),
  statut: Type.Optional(Type.String()),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  organisation: Type.Optional(Type.String()),
  limite: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
const StatsQuery = Type.Object({ region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) });

const unknownRequest = (id: string) =>
  `Sollicitation introuvable : « ${id} » (elle n’existe pas, ou votre rôle ne permet pas de la consulter).`;

/** The side a person writes from on this request, for the thread (« Bpifrance », « Cellule régionale »…). */
function sideOf(
  grants: readonly Grant[],
  row: SollicitationRow,
): 'territoire' | 'cellule' | 'operateur' | 'national' {
  if (grants.some((g) => g.role === 'partner' && g.organisation === row.organisation)) return 'operateur';
  if (grants.some((g) => g.role === 'territorial' && g.territoire === row.territoire_id)) return 'territoire';
  if (grants.some((g) => g.role === 'regional' && g.region === row.region_code)) return 'cellule';
  return 'national';
}

function authorName(request: FastifyRequest, side: string, row: SollicitationRow): string {
  const who = request.ctx.session?.displayName ?? 'Utilisateur';
  if (side === 'operateur' && row.organisation) return `${who} (${operateurLabel(row.organisation)})`;
  if (side === 'cellule') return `${who} (cellule régionale)`;
  if (side === 'national') return `${who} (Délégation aux Territoires d’industrie)`;
  return who;
}

/** The request, if it exists and the caller may read it; else a French 404 (401 anonymous). */
async function visibleRequest(sql: Sql, request: FastifyRequest, id: string): Promise<SollicitationRow> {
  const { actor } = request.ctx;
  if (actor.userId === null) throw unauthorized();
  const row = isUuid(id) ? await readSollicitation(sql, id) : undefined;
  if (!row || !mayRead(actor.grants, scopeOf(row))) throw notFound(unknownRequest(id));
  return row;
}

/** Who hears about a change: the addressed side (or the cellule while unassigned) and the requester. */
function audiencesFor(row: {
  organisation: string | null;
  via_cellule: boolean;
  region_code: string;
  created_by: string | null;
}): Audience[] {
  const list: Audience[] = [{ kind: 'user', userId: row.created_by }];
  if (row.organisation) list.push({ kind: 'organisation', organisation: row.organisation });
  if (row.via_cellule) list.push({ kind: 'region', region: row.region_code });
  return list;
}

const refOf = (row: SollicitationRow) => ({
  id: row.id,
  numero: row.numero,
  objet: row.objet,
  actionTitre: row.action_titre ?? '',
  territoireNom: row.territoire_nom ?? row.territoire_id,
});

const today = (ctx: AppContext) => ctx.clock.now().toISOString().slice(0, 10);

export async function sollicitationsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/v1/actions/:id/sollicitations',
    {
      config: { access: 'sollicitations.create' },
      schema: {
        tags,
        summary:
          'Crée une sollicitation sur une action, adressée à un opérateur ou à la cellule régionale (échéance : 15 jours)',
        params: ActionIdParams,
        body: CreateBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as {
        destinataire: string;
        organisation?: string;
        offre?: string;
        objet: string;
        message: string;
      };
      const action = await visibleAction(ctx.db, request.ctx.actor, id, 'sollicitations.create');
      if (action.archived)
        throw conflict('Cette action est archivée : restaurez-la avant de solliciter un appui.');
      const offer = body.offre ? (await catalogue(ctx)).bySlug.get(body.offre) : undefined;
      if (body.offre && !offer)
        throw badRequest(`Champ « offre » : offre « ${body.offre} » inconnue du catalogue.`);
      const viaCellule = body.destinataire === 'cellule-regionale';
      let organisation: string | null = null;
      if (!viaCellule) {
        organisation = body.organisation ?? offer?.operateur ?? null;
        if (!organisation)
          throw badRequest(
            'Champ « organisation » : indiquez l’opérateur sollicité (ou choisissez la cellule régionale).',
          );
      } else if (body.organisation) {
        throw badRequest(
          'Champ « organisation » : une demande à la cellule régionale est affectée par la cellule, ne la précisez pas.',
        );
      }
      if (organisation && !isOperateur(organisation))
        throw badRequest(
          `Champ « organisation » : opérateur « ${organisation} » inconnu ; attendu l’un de : ${OPERATEURS.map((o) => o.code).join(', ')}.`,
        );
      const now = ctx.clock.now();
      const created = await ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO sollicitations (action_id, territoire_id, region_code, offre_slug, via_cellule, organisation, objet,
                                      statut, echeance, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'nouvelle', $8, $9, $10, $10) RETURNING id`,
          [
            action.id,
            action.territoire,
            action.region,
            offer?.slug ?? null,
            viaCellule,
            organisation,
            body.objet.trim(),
            dueDate(now),
            request.ctx.actor.userId,
            now,
          ],
        );
        const newId = rows[0]!.id;
        const row = (await readSollicitation(tx, newId))!;
        await tx.query(
          `INSERT INTO sollicitation_messages (sollicitation_id, author_id, author_name, side, body, statut, organisation, created_at)
           VALUES ($1, $2, $3, 'territoire', $4, 'nouvelle', $5, $6)`,
          [
            newId,
            request.ctx.actor.userId,
            authorName(request, 'territoire', row),
            body.message.trim(),
            organisation,
            now,
          ],
        );
        const item = sollicitationItem(row, today(ctx));
        await recordAudit(tx, request.ctx, {
          action: 'sollicitations.create',
          entity: 'sollicitation',
          entityId: newId,
          territoire: action.territoire,
          region: action.region,
          after: { ...item, message: body.message.trim() },
        });
        await notify(ctx, tx, audiencesFor(row), request.ctx.actor.userId, refOf(row), {
          subject: 'nouvelle demande d’appui',
          lines: [
            `Le territoire ${row.territoire_nom ?? row.territoire_id} sollicite ${viaCellule ? 'la cellule régionale' : operateurLabel(organisation!)} pour une de ses actions.`,
            `Réponse attendue avant le ${frDate(row.echeance)}.`,
            '',
            body.message.trim(),
          ],
        });
        return item;
      });
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/api/v1/actions/:id/sollicitations',
    {
      config: { access: 'actions.read' },
      schema: { tags, summary: 'Les sollicitations faites pour une action', params: ActionIdParams },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const action = await visibleAction(ctx.db, request.ctx.actor, id);
      const { rows } = await ctx.db.query<SollicitationRow>(
        `${SELECT_SOLLICITATION} WHERE s.action_id = $1 ORDER BY s.created_at DESC`,
        [action.id],
      );
      const day = today(ctx);
      const visible = rows.filter((row) => mayRead(request.ctx.actor.grants, scopeOf(row)));
      return {
        action: action.id,
        total: visible.length,
        items: visible.map((row) => sollicitationItem(row, day)),
      };
    },
  );

  app.get(
    '/api/v1/sollicitations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Les sollicitations de ma boîte : reçues (espace partenaire, cellule régionale), envoyées (territoire) ou toutes',
        querystring: ListQuery,
      },
    },
    async (request) => {
      const query = request.query as {
        boite?: Boite;
        statut?: string;
        region?: string;
        organisation?: string;
        limite?: number;
      };
      const boite = query.boite ?? 'toutes';
      const filter = visibilityFilter(request.ctx.actor, boite);
      const conditions = [filter.where];
      const params = [...filter.params];
      if (query.statut) {
        const known = [...SOLLICITATION_STATUTS.map((s) => s.code as string), 'en-cours', 'en-retard'];
        if (!known.includes(query.statut))
          throw badRequest(
            `Paramètre « statut » : valeur « ${query.statut} » inconnue ; attendu l’un de : ${known.join(', ')}.`,
          );
        if (query.statut === 'en-cours') conditions.push("s.statut NOT IN ('favorable', 'declinee')");
        else if (query.statut === 'en-retard') {
          params.push(today(ctx));
          conditions.push(`s.statut NOT IN ('favorable', 'declinee') AND s.echeance < $${params.length}`);
        } else {
          params.push(query.statut);
          conditions.push(`s.statut = $${params.length}`);
        }
      }
      if (query.region) {
        params.push(query.region);
        conditions.push(`s.region_code = $${params.length}`);
      }
      if (query.organisation) {
        params.push(query.organisation);
        conditions.push(`s.organisation = $${params.length}`);
      }
      const where = conditions.join(' AND ');
      const limit = query.limite ?? 200;
      const [list, count] = await Promise.all([
        ctx.db.query<SollicitationRow>(
          `${SELECT_SOLLICITATION} WHERE ${where} ORDER BY s.updated_at DESC, s.numero DESC LIMIT ${limit}`,
          params,
        ),
        ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sollicitations s WHERE ${where}`, params),
      ]);
      const day = today(ctx);
      return { boite, total: count.rows[0]!.n, items: list.rows.map((row) => sollicitationItem(row, day)) };
    },
  );

  app.get(
    '/api/v1/sollicitations/statistiques',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary:
          'Chiffres des sollicitations par région et par opérateur : nombre, délai médian de réponse, part favorable',
        querystring: StatsQuery,
      },
    },
    async (request) => {
      const { region } = request.query as { region?: string };
      const { rows } = await ctx.db.query<{
        region_code: string;
        region_nom: string | null;
        organisation: string | null;
        via_cellule: boolean;
        statut: SollicitationStatut;
        created_at: Date;
        decided_at: Date | null;
        echeance: string;
        demo: boolean;
      }>(
        `SELECT s.region_code, r.nom AS region_nom, s.organisation, s.via_cellule, s.statut, s.created_at, s.decided_at, s.echeance, s.demo
           FROM sollicitations s LEFT JOIN regions r ON r.code = s.region_code
          ${region ? 'WHERE s.region_code = $1' : ''}`,
        region ? [region] : [],
      );
      const day = today(ctx);
      const fact = (r: (typeof rows)[number]) => ({
        statut: r.statut,
        createdAt: r.created_at,
        decidedAt: r.decided_at,
        echeance: r.echeance,
      });
      const group = <K extends string>(key: (r: (typeof rows)[number]) => K | null) => {
        const map = new Map<K, typeof rows>();
        for (const r of rows) {
          const k = key(r);
          if (k === null) continue;
          const list = map.get(k);
          if (list) list.push(r);
          else map.set(k, [r]);
        }
        return [...map].sort(([a], [b]) => (a < b ? -1 : 1));
      };
      return {
        region: region ?? null,
        demo: rows.some((r) => r.demo),
        total: summarize(rows.map(fact), day),
        parRegion: group((r) => r.region_code).map(([code, list]) => ({
          code,
          nom: list[0]!.region_nom ?? code,
          ...summarize(list.map(fact), day),
          celluleRegionale: summarize(list.filter((r) => r.via_cellule).map(fact), day),
        })),
        parOperateur: group((r) => r.organisation).map(([code, list]) => ({
          code,
          nom: operateurLabel(code),
          ...summarize(list.map(fact), day),
        })),
      };
    },
  );

  app.get(
    '/api/v1/sollicitations/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Une sollicitation, son fil de messages et ce que je peux y faire',
        params: IdParams,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const row = await visibleRequest(ctx.db, request, id);
      const grants = request.ctx.actor.grants;
      const scope = scopeOf(row);
      const canAnswer = mayAnswer(grants, scope);
      const open = row.statut !== 'favorable' && row.statut !== 'declinee';
      return {
        ...sollicitationItem(row, today(ctx)),
        messages: await readThread(ctx.db, row.id),
        droits: {
          repondre: canAnswer && open && row.organisation !== null,
          affecter: mayRoute(grants, scope) && open,
          ecrire: true,
        },
      };
    },
  );

  app.post(
    '/api/v1/sollicitations/:id/messages',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Ajoute un message au fil de la sollicitation',
        params: IdParams,
        body: MessageBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { message } = request.body as { message: string };
      const text = message.trim();
      if (!text) throw badRequest('Champ « message » : le message est vide.');
      const result = await ctx.db.transaction(async (tx) => {
        const row = await visibleRequest(tx, request, id);
        const side = sideOf(request.ctx.actor.grants, row);
        const now = ctx.clock.now();
        await tx.query(
          `INSERT INTO sollicitation_messages (sollicitation_id, author_id, author_name, side, body, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [row.id, request.ctx.actor.userId, authorName(request, side, row), side, text, now],
        );
        await tx.query('UPDATE sollicitations SET updated_at = $2 WHERE id = $1', [row.id, now]);
        await recordAudit(tx, request.ctx, {
          action: 'sollicitations.message',
          entity: 'sollicitation',
          entityId: row.id,
          territoire: row.territoire_id,
          region: row.region_code,
          after: { message: text, cote: side },
        });
        await notify(ctx, tx, audiencesFor(row), request.ctx.actor.userId, refOf(row), {
          subject: 'nouveau message',
          lines: [`${authorName(request, side, row)} a écrit :`, '', text],
        });
        return readThread(tx, row.id);
      });
      reply.code(201);
      return { messages: result };
    },
  );

  app.post(
    '/api/v1/sollicitations/:id/statut',
    {
      config: { access: 'sollicitations.answer' },
      schema: {
        tags,
        summary:
          'Change le statut d’une sollicitation (membres de l’opérateur sollicité, cellule régionale, national)',
        params: IdParams,
        body: StatusBody,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as { statut: SollicitationStatut; message?: string };
      return ctx.db.transaction(async (tx) => {
        const row = await visibleRequest(tx, request, id);
        if (!mayAnswer(request.ctx.actor.grants, scopeOf(row)))
          throw forbidden(
            `Seuls les membres de l’organisation sollicitée${row.via_cellule ? ', la cellule régionale' : ''} et l’équipe nationale peuvent répondre à la sollicitation ${reference(row.numero)}.`,
          );
        if (row.organisation === null)
          throw conflict(
            `La sollicitation ${reference(row.numero)} n’est pas encore affectée à un opérateur : affectez-la d’abord.`,
          );
        const refused = checkTransition(row.statut, body.statut);
        if (refused) throw conflict(`Sollicitation ${reference(row.numero)} : ${refused}.`);
        const now = ctx.clock.now();
        const decides = body.statut === 'favorable' || body.statut === 'declinee';
        await tx.query(
          `UPDATE sollicitations SET statut = $2, updated_at = $3, decided_at = CASE WHEN $4 THEN coalesce(decided_at, $3) ELSE decided_at END
            WHERE id = $1`,
          [row.id, body.statut, now, decides],
        );
        const side = sideOf(request.ctx.actor.grants, row);
        const text = body.message?.trim() || `Statut passé à « ${sollicitationStatutLabel(body.statut)} ».`;
        await tx.query(
          `INSERT INTO sollicitation_messages (sollicitation_id, author_id, author_name, side, body, statut, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [row.id, request.ctx.actor.userId, authorName(request, side, row), side, text, body.statut, now],
        );
        const after = (await readSollicitation(tx, row.id))!;
        await recordAudit(tx, request.ctx, {
          action: 'sollicitations.statut',
          entity: 'sollicitation',
          entityId: row.id,
          territoire: row.territoire_id,
          region: row.region_code,
          before: { statut: row.statut },
          after: { statut: body.statut, message: body.message?.trim() || null },
        });
        await notify(ctx, tx, audiencesFor(row), request.ctx.actor.userId, refOf(row), {
          subject: sollicitationStatutLabel(body.statut).toLowerCase(),
          lines: [
            statusLine(body.statut, row.organisation),
            ...(body.message?.trim() ? ['', body.message.trim()] : []),
          ],
        });
        return { ...sollicitationItem(after, today(ctx)), messages: await readThread(tx, row.id) };
      });
    },
  );

  app.post(
    '/api/v1/sollicitations/:id/orientation',
    {
      config: { access: 'sollicitations.answer' },
      schema: {
        tags,
        summary:
          'Affecte (cellule régionale) ou réoriente une sollicitation vers un opérateur ; nouvelle échéance à 15 jours',
        params: IdParams,
        body: OrientationBody,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as { organisation: string; message?: string };
      if (!isOperateur(body.organisation))
        throw badRequest(
          `Champ « organisation » : opérateur « ${body.organisation} » inconnu ; attendu l’un de : ${OPERATEURS.map((o) => o.code).join(', ')}.`,
        );
      return ctx.db.transaction(async (tx) => {
        const row = await visibleRequest(tx, request, id);
        if (!mayRoute(request.ctx.actor.grants, scopeOf(row)))
          throw forbidden(
            `Seuls l’opérateur sollicité, la cellule régionale et l’équipe nationale peuvent orienter la sollicitation ${reference(row.numero)}.`,
          );
        if (row.statut === 'favorable' || row.statut === 'declinee')
          throw conflict(
            `Sollicitation ${reference(row.numero)} : la sollicitation est close (« ${sollicitationStatutLabel(row.statut)} »).`,
          );
        if (row.organisation === body.organisation)
          throw conflict(
            `Sollicitation ${reference(row.numero)} : elle est déjà adressée à ${operateurLabel(body.organisation)}.`,
          );
        const assignment = row.organisation === null; // first assignment by the cellule: not a decision
        const statut: SollicitationStatut = assignment ? row.statut : 'reorientee';
        const now = ctx.clock.now();
        await tx.query(
          `UPDATE sollicitations SET organisation = $2, statut = $3, echeance = $4, updated_at = $5,
                  decided_at = CASE WHEN $6 THEN decided_at ELSE coalesce(decided_at, $5) END
            WHERE id = $1`,
          [row.id, body.organisation, statut, dueDate(now), now, assignment],
        );
        const side = sideOf(request.ctx.actor.grants, row);
        const label = operateurLabel(body.organisation);
        const text =
          body.message?.trim() ||
          (assignment ? `Sollicitation confiée à ${label}.` : `Sollicitation réorientée vers ${label}.`);
        await tx.query(
          `INSERT INTO sollicitation_messages (sollicitation_id, author_id, author_name, side, body, statut, organisation, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            row.id,
            request.ctx.actor.userId,
            authorName(request, side, row),
            side,
            text,
            assignment ? null : statut,
            body.organisation,
            now,
          ],
        );
        const after = (await readSollicitation(tx, row.id))!;
        await recordAudit(tx, request.ctx, {
          action: assignment ? 'sollicitations.affectation' : 'sollicitations.reorientation',
          entity: 'sollicitation',
          entityId: row.id,
          territoire: row.territoire_id,
          region: row.region_code,
          before: { organisation: row.organisation, statut: row.statut, echeance: row.echeance },
          after: { organisation: body.organisation, statut, echeance: after.echeance },
        });
        await notify(
          ctx,
          tx,
          [...audiencesFor(after), { kind: 'organisation', organisation: body.organisation }],
          request.ctx.actor.userId,
          refOf(after),
          {
            subject: assignment ? `confiée à ${label}` : `réorientée vers ${label}`,
            lines: [
              assignment ? `La demande est confiée à ${label}.` : `La demande est réorientée vers ${label}.`,
              `Réponse attendue avant le ${frDate(after.echeance)}.`,
              ...(body.message?.trim() ? ['', body.message.trim()] : []),
            ],
          },
        );
        return { ...sollicitationItem(after, today(ctx)), messages: await readThread(tx, row.id) };
      });
    },
  );
}

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
