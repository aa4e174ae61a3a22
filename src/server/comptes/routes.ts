import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS } from '../../domain/comptes/policy';
import type { AppContext } from '../platform/context';

export async function comptesRoutes(app: FastifyInstance, _ctx: AppContext) {
  app.get(
    '/api/v1/comptes/moi',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary: 'La personne connectée (ou « non connecté »), ses rôles et le jeton CSRF à renvoyer dans X-CSRF-Token',
      },
    },
    async (request) => {
      const { actor, session } = request.ctx;
      if (!session || actor.userId === null) return { connecte: false };
      return {
        connecte: true,
        id: actor.userId,
        email: session.email,
        nom: session.displayName,
        roles: actor.grants.map((g) => ({ ...g, libelle: ROLE_LABELS[g.role] })),
        csrfToken: session.csrfToken,
        expireLe: session.expiresAt.toISOString(),
      };
    },
  );
}
