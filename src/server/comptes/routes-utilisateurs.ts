import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { mayAssign, mayManageAccount, uniqueGrants } from '../../domain/comptes/grants';
import { type Grant, ROLE_LABELS } from '../../domain/comptes/policy';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { badRequest, conflict, forbidden, notFound } from '../platform/http/errors';
import { sendMail } from '../platform/mail';
import { recordAudit } from './audit';
import { revokeUserSessions, toGrant } from './sessions';
import { createUserToken } from './tokens';
import { type GrantInput, grantOut, grantsOf, parseGrants, regionLookup, replaceGrants } from './users';

// User administration: the national team manages every account; a regional coordinator the accounts
// whose roles all lie in its region, and may hand out only regional and territorial roles there.

const RoleInput = Type.Object(
  {
    role: Type.Union([
      Type.Literal('national'),
      Type.Literal('regional'),
      Type.Literal('territorial'),
      Type.Literal('partner'),
    ]),
    region: Type.Optional(Type.String({ maxLength: 3, description: 'Code de région (rôle regional)' })),
    territoire: Type.Optional(
      Type.String({ maxLength: 40, description: 'Identifiant du territoire (rôle territorial)' }),
    ),
    organisation: Type.Optional(
      Type.String({ maxLength: 60, description: 'Code de l’opérateur (rôle partner)' }),
    ),
  },
  { additionalProperties: false },
);
const Roles = Type.Array(RoleInput, { minItems: 1, maxItems: 30 });
const UserId = Type.Object({ id: Type.String({ format: 'uuid' }) });

const NOT_FOUND = (id: string) => `Compte ${id} introuvable.`;

interface ListedUser {
  id: string;
  email: string;
  display_name: string;
  active: boolean;
  demo: boolean;
  created_at: Date;
  last_login_at: Date | null;
  has_password: boolean;
  grants:
    | {
        role: Grant['role'];
        region_code: string | null;
        territoire_id: string | null;
        organisation: string | null;
      }[]
    | null;
}

const userOut = (u: ListedUser) => {
  const roles = (u.grants ?? []).map(toGrant);
  return {
    id: u.id,
    email: u.email,
    nom: u.display_name,
    actif: u.active,
    demo: u.demo,
    creeLe: new Date(u.created_at).toISOString(),
    derniereConnexion: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
    invitationEnAttente: !u.has_password && u.last_login_at === null,
    roles: roles.map((g) => ({ ...grantOut(g), libelle: ROLE_LABELS[g.role] })),
  };
};

const LIST_SQL = `SELECT u.id, u.email, u.display_name, u.active, u.demo, u.created_at, u.last_login_at,
       u.password_hash IS NOT NULL AS has_password,
       (SELECT json_agg(json_build_object('role', g.role, 'region_code', g.region_code,
               'territoire_id', g.territoire_id, 'organisation', g.organisation) ORDER BY g.id)
          FROM user_grants g WHERE g.user_id = u.id) AS grants
  FROM users u`;

/** Regions a regional coordinator manages ([] for the national team, who sees everything). */
const managedRegions = (request: FastifyRequest) =>
  request.ctx.actor.grants.some((g) => g.role === 'national')
    ? null
    : request.ctx.actor.grants.flatMap((g) => (g.role === 'regional' ? [g.region] : []));

async function loadManaged(sql: Sql, request: FastifyRequest, id: string) {
  const { rows } = await sql.query<ListedUser>(`${LIST_SQL} WHERE u.id = $1`, [id]);
  const user = rows[0];
  if (!user) throw notFound(NOT_FOUND(id));
  const lookup = await regionLookup(sql);
  const grants = await grantsOf(sql, id);
  if (!mayManageAccount(request.ctx.actor.grants, grants, lookup.regionOf)) throw notFound(NOT_FOUND(id));
  return { user, grants, lookup };
}

/** The region an audit entry belongs to when all the account's roles sit in one region. */
const auditRegion = (grants: readonly Grant[], regionOf: (ti: string) => string | undefined) => {
  const regions = new Set(
    grants.map((g) =>
      g.role === 'regional' ? g.region : g.role === 'territorial' ? regionOf(g.territoire) : undefined,
    ),
  );
  return regions.size === 1 ? ([...regions][0] ?? null) : null;
};
const auditTerritoire = (grants: readonly Grant[]) => {
  const tis = grants.flatMap((g) => (g.role === 'territorial' ? [g.territoire] : []));
  return tis.length === 1 ? tis[0]! : null;
};

export async function utilisateursRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/v1/comptes/utilisateurs',
    {
      config: { access: 'comptes.manage' },
      schema: {
        tags: ['comptes'],
        summary: 'Liste des comptes (national : tous ; coordination régionale : ceux de sa région)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Nom ou adresse (partiel)' })),
          role: Type.Optional(
            Type.Union([
              Type.Literal('national'),
              Type.Literal('regional'),
              Type.Literal('territorial'),
              Type.Literal('partner'),
            ]),
          ),
          actif: Type.Optional(Type.Boolean()),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
          parPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
      },
    },
    async (request) => {
      const q = request.query as {
        q?: string;
        role?: string;
        actif?: boolean;
        page?: number;
        parPage?: number;
      };
      const page = q.page ?? 1;
      const parPage = q.parPage ?? 50;
      const where: string[] = [];
      const params: unknown[] = [];
      const regions = managedRegions(request);
      if (regions) {
        params.push(regions);
        where.push(`EXISTS (SELECT 1 FROM user_grants g
            LEFT JOIN territoires t ON t.id = g.territoire_id AND t.version = (SELECT version FROM perimetres WHERE courant)
           WHERE g.user_id = u.id AND (g.region_code = ANY($${params.length}::text[]) OR t.region_code = ANY($${params.length}::text[])))`);
      }
      if (q.q) {
        params.push(`%${q.q.toLowerCase()}%`);
        where.push(
          `(lower(u.email) LIKE $${params.length} OR f_normalize(u.display_name) LIKE f_normalize($${params.length}))`,
        );
      }
      if (q.role) {
        params.push(q.role);
        where.push(
          `EXISTS (SELECT 1 FROM user_grants g WHERE g.user_id = u.id AND g.role = $${params.length})`,
        );
      }
      if (q.actif !== undefined) {
        params.push(q.actif);
        where.push(`u.active = $${params.length}`);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [total, rows] = await Promise.all([
        ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u ${clause}`, params),
        ctx.db.query<ListedUser>(
          `${LIST_SQL} ${clause} ORDER BY lower(u.email) LIMIT ${parPage} OFFSET ${(page - 1) * parPage}`,
          params,
        ),
      ]);
      return { total: total.rows[0]?.n ?? 0, page, parPage, utilisateurs: rows.rows.map(userOut) };
    },
  );

  app.post(
    '/api/v1/comptes/utilisateurs',
    {
      config: { access: 'comptes.manage' },
      schema: {
        tags: ['comptes'],
        summary:
          'Inviter une personne : crée le compte avec ses rôles et envoie un lien pour choisir un mot de passe',
        body: Type.Object(
          {
            email: Type.String({
              minLength: 3,
              maxLength: 254,
              pattern: '^[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]+$',
            }),
            nom: Type.String({ minLength: 1, maxLength: 120 }),
            roles: Roles,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body as { email: string; nom: string; roles: GrantInput[] };
      const now = ctx.clock.now();
      const lookup = await regionLookup(ctx.db);
      const grants = uniqueGrants(parseGrants(body.roles, lookup));
      for (const g of grants) {
        if (!mayAssign(request.ctx.actor.grants, g, lookup.regionOf)) {
          throw forbidden(
            `Rôle « ${ROLE_LABELS[g.role]} » hors de votre périmètre : une coordination régionale n’attribue que des rôles régionaux ou territoriaux de sa région.`,
          );
        }
      }
      const email = body.email.trim();
      const created = await ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO users (email, display_name, invited_by, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
          [email, body.nom.trim(), request.ctx.actor.userId, now],
        );
        const id = rows[0]?.id;
        if (!id)
          throw conflict(`Un compte existe déjà pour l’adresse « ${email} » : modifiez ses rôles plutôt.`);
        await replaceGrants(tx, id, grants);
        const token = await createUserToken(tx, id, 'invitation', now);
        const link = `${ctx.config.publicUrl}/compte/mot-de-passe?jeton=${token}`;
        const who = request.ctx.session?.displayName ?? 'L’équipe Territoires d’industrie';
        await sendMail(ctx, tx, {
          to: email,
          category: 'comptes.invitation',
          subject: 'Invitation à rejoindre Pilote TI (Territoires d’industrie)',
          text:
            `Bonjour ${body.nom.trim()},\n\n${who} vous invite à rejoindre Pilote TI, la plateforme de pilotage du programme Territoires d’industrie, ` +
            `avec le rôle suivant :\n${grants.map((g) => `- ${ROLE_LABELS[g.role]}${scopeText(g)}`).join('\n')}\n\n` +
            `Pour choisir votre mot de passe, ouvrez ce lien (valable 7 jours, utilisable une seule fois) :\n\n${link}\n\n` +
            `Vous pouvez aussi vous connecter avec ProConnect en utilisant cette adresse électronique.\n\n— Pilote TI`,
        });
        await recordAudit(tx, request.ctx, {
          action: 'invitation',
          entity: 'compte',
          entityId: id,
          territoire: auditTerritoire(grants),
          region: auditRegion(grants, lookup.regionOf),
          after: { email, nom: body.nom.trim(), roles: grants },
        });
        return id;
      });
      const { rows } = await ctx.db.query<ListedUser>(`${LIST_SQL} WHERE u.id = $1`, [created]);
      return reply.status(201).send(userOut(rows[0]!));
    },
  );

  app.put(
    '/api/v1/comptes/utilisateurs/:id/roles',
    {
      config: { access: 'comptes.manage' },
      schema: {
        tags: ['comptes'],
        summary: 'Remplacer les rôles d’un compte',
        params: UserId,
        body: Type.Object({ roles: Roles }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const body = request.body as { roles: GrantInput[] };
      return ctx.db.transaction(async (tx) => {
        const { grants: before, lookup } = await loadManaged(tx, request, id);
        const after = uniqueGrants(parseGrants(body.roles, lookup));
        for (const g of after) {
          if (!mayAssign(request.ctx.actor.grants, g, lookup.regionOf)) {
            throw forbidden(`Rôle « ${ROLE_LABELS[g.role]}${scopeText(g)} » hors de votre périmètre.`);
          }
        }
        if (
          id === request.ctx.actor.userId &&
          before.some((g) => g.role === 'national') &&
          !after.some((g) => g.role === 'national')
        ) {
          throw badRequest(
            'Vous ne pouvez pas retirer votre propre rôle national : demandez-le à un autre membre de l’équipe nationale.',
          );
        }
        await replaceGrants(tx, id, after);
        await recordAudit(tx, request.ctx, {
          action: 'changement-roles',
          entity: 'compte',
          entityId: id,
          territoire: auditTerritoire(after),
          region: auditRegion(after, lookup.regionOf),
          before: { roles: before },
          after: { roles: after },
        });
        const { rows } = await tx.query<ListedUser>(`${LIST_SQL} WHERE u.id = $1`, [id]);
        return userOut(rows[0]!);
      });
    },
  );

  for (const [suffix, active] of [
    ['desactivation', false],
    ['reactivation', true],
  ] as const) {
    app.post(
      `/api/v1/comptes/utilisateurs/:id/${suffix}`,
      {
        config: { access: 'comptes.manage' },
        schema: {
          tags: ['comptes'],
          summary: active
            ? 'Réactiver un compte désactivé'
            : 'Désactiver un compte (ses sessions sont fermées)',
          params: UserId,
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const now = ctx.clock.now();
        if (!active && id === request.ctx.actor.userId)
          throw badRequest('Vous ne pouvez pas désactiver votre propre compte.');
        return ctx.db.transaction(async (tx) => {
          const { user, grants, lookup } = await loadManaged(tx, request, id);
          await tx.query('UPDATE users SET active = $2, deactivated_at = $3 WHERE id = $1', [
            id,
            active,
            active ? null : now,
          ]);
          if (!active) await revokeUserSessions(tx, id, now);
          await recordAudit(tx, request.ctx, {
            action: active ? 'reactivation' : 'desactivation',
            entity: 'compte',
            entityId: id,
            territoire: auditTerritoire(grants),
            region: auditRegion(grants, lookup.regionOf),
            before: { actif: user.active },
            after: { actif: active },
          });
          const { rows } = await tx.query<ListedUser>(`${LIST_SQL} WHERE u.id = $1`, [id]);
          return userOut(rows[0]!);
        });
      },
    );
  }

  app.post(
    '/api/v1/comptes/utilisateurs/:id/invitation',
    {
      config: { access: 'comptes.manage' },
      schema: {
        tags: ['comptes'],
        summary: 'Renvoyer le courriel d’invitation (un nouveau lien remplace l’ancien)',
        params: UserId,
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const { user } = await loadManaged(tx, request, id);
        if (!user.active)
          throw conflict('Ce compte est désactivé : réactivez-le avant de renvoyer une invitation.');
        const token = await createUserToken(tx, id, 'invitation', now);
        await sendMail(ctx, tx, {
          to: user.email,
          category: 'comptes.invitation',
          subject: 'Invitation à rejoindre Pilote TI (Territoires d’industrie)',
          text:
            `Bonjour ${user.display_name},\n\nVoici un nouveau lien pour choisir votre mot de passe sur Pilote TI ` +
            `(valable 7 jours, utilisable une seule fois) :\n\n${ctx.config.publicUrl}/compte/mot-de-passe?jeton=${token}\n\n— Pilote TI`,
        });
        await recordAudit(tx, request.ctx, { action: 'relance-invitation', entity: 'compte', entityId: id });
        return { message: `Invitation renvoyée à ${user.email}.` };
      });
    },
  );
}

function scopeText(g: Grant): string {
  switch (g.role) {
    case 'national':
      return '';
    case 'regional':
      return ` (région ${g.region})`;
    case 'territorial':
      return ` (territoire ${g.territoire})`;
    case 'partner':
      return ` (${grantOut(g).organisationLibelle})`;
  }
}
