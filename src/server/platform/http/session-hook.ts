import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../../../domain/comptes/policy';
import { readSession, SESSION_COOKIE } from '../../comptes/sessions';
import type { AppContext } from '../context';
import { HttpError } from './errors';
import type { RequestContext } from './request-context';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller once per request. Anonymous requests (no cookie) cost nothing; a cookie costs
 * one indexed query. Cookie-authenticated writes must echo the session's CSRF token in the
 * `X-CSRF-Token` header: a page of another site can make the browser send the cookie, not the header.
 */
export function installSessionResolution(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    const ip = request.ip ?? null;
    if (!token || !request.url.startsWith('/api/')) {
      request.ctx = { actor: ANONYMOUS, ip, session: null };
      return;
    }
    const session = await readSession(ctx.db, token, ctx.clock.now());
    if (!session) {
      // Public routes still answer (a stale cookie must not break the public site); the others say 401.
      request.ctx = { actor: ANONYMOUS, ip, session: null, sessionInvalid: true };
      return;
    }
    request.ctx = {
      actor: session.actor,
      ip,
      session: {
        csrfToken: session.csrfToken,
        email: session.email,
        displayName: session.displayName,
        expiresAt: session.expiresAt,
      },
    };
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new HttpError(
        403,
        'Jeton de sécurité (CSRF) absent ou invalide : rechargez la page et réessayez.',
      );
    }
  });
}
