import type { FastifyReply } from 'fastify';
import type { AppContext } from '../platform/context';
import { SESSION_COOKIE } from './sessions';

// The session cookie: HTTP-only (no script reads it), SameSite=Lax (not sent on cross-site
// sub-requests), Secure in production, and gone when the session expires.

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.production,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.production,
    path: '/',
  });
}
