import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS } from '../../domain/comptes/policy';
import type { AppContext } from '../platform/context';
import { connexionRoutes } from './routes-connexion';
import { journalRoutes } from './routes-journal';
import { outboxRoutes } from './routes-outbox';
import { proconnectRoutes } from './routes-proconnect';
import { sessionsRoutes } from './routes-sessions';
import { utilisateursRoutes } from './routes-utilisateurs';
import { followSessionRevocations, revokeCachedSessions } from './sessions';
import { grantOut } from './users';

/** Writes of this module that never end a session nor change a role. */
const CREATES_ONLY = new Set(['/api/v1/comptes/connexion', '/api/v1/comptes/mot-de-passe-oublie']);

export async function comptesRoutes(app: FastifyInstance, ctx: AppContext) {
  // Any write of this module may end sessions or change accounts and roles: once it has committed
  // (onSend comes after the handler), every instance forgets the sessions it kept in memory.
  await followSessionRevocations(ctx.db);
  // Only writes that succeeded and may end a session or change a role: not a refused request, not a
  // sign-in or a reset request (they create, never revoke), which would cost a notification each.
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || reply.statusCode >= 400) return;
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/v1/comptes/') || CREATES_ONLY.has(path)) return;
    await revokeCachedSessions(ctx.db);
  });
  app.get(
    '/api/v1/comptes/moi',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary:
          'La personne connectée (ou « non connecté »), ses rôles et le jeton CSRF à renvoyer dans X-CSRF-Token',
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { actor, session } = request.ctx;
      if (!session || actor.userId === null) return { connecte: false };
      return {
        connecte: true,
        id: actor.userId,
        email: session.email,
        nom: session.displayName,
        roles: actor.grants.map((g) => ({ ...grantOut(g), libelle: ROLE_LABELS[g.role] })),
        csrfToken: session.csrfToken,
        expireLe: session.expiresAt.toISOString(),
      };
    },
  );
  await connexionRoutes(app, ctx);
  await sessionsRoutes(app, ctx);
  await proconnectRoutes(app, ctx);
  await utilisateursRoutes(app, ctx);
  await outboxRoutes(app, ctx);
  await journalRoutes(app, ctx);
}
