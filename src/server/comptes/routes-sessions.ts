import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context';
import { notFound } from '../platform/http/errors';
import { recordAudit } from './audit';
import { hashToken, SESSION_COOKIE } from './sessions';

// « Mon compte » : the signed-in person's open sessions, each revocable.

export async function sessionsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/v1/comptes/moi/sessions',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['comptes'], summary: 'Mes sessions ouvertes (appareil, adresse réseau, dates)' },
    },
    async (request) => {
      const current = request.cookies[SESSION_COOKIE];
      const { rows } = await ctx.db.query<{
        id: number;
        token_hash: string;
        created_at: Date;
        expires_at: Date;
        ip: string | null;
        user_agent: string | null;
        method: string;
      }>(
        `SELECT id, token_hash, created_at, expires_at, ip, user_agent, method FROM sessions
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC`,
        [request.ctx.actor.userId, ctx.clock.now()],
      );
      const currentHash = current ? hashToken(current) : null;
      return {
        sessions: rows.map((r) => ({
          id: r.id,
          creeeLe: new Date(r.created_at).toISOString(),
          expireLe: new Date(r.expires_at).toISOString(),
          ip: r.ip,
          navigateur: r.user_agent,
          methode: r.method === 'proconnect' ? 'ProConnect' : 'Mot de passe',
          courante: r.token_hash === currentHash,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/comptes/moi/sessions/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['comptes'],
        summary: 'Fermer une de mes sessions (par exemple sur un appareil perdu)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const now = ctx.clock.now();
      return ctx.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: number }>(
          `UPDATE sessions SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
          [id, request.ctx.actor.userId, now],
        );
        if (!rows.length) throw notFound(`Session n° ${id} introuvable parmi vos sessions ouvertes.`);
        await recordAudit(tx, request.ctx, {
          action: 'fermeture-session',
          entity: 'session',
          entityId: String(id),
        });
        return { message: 'Session fermée.' };
      });
    },
  );
}
