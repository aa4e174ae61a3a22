import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context';
import { recordAudit } from './audit';
import { setSessionCookie } from './cookies';
import { callbackUrl, finishAuthorization, proConnectSettings, startAuthorization } from './proconnect';
import { asUser } from './routes-connexion';
import { createSession } from './sessions';
import { findUserByEmail } from './users';

// The ProConnect round trip. The flow (state → PKCE verifier, nonce) is kept in the database, so
// any instance can finish what another started; a short-lived cookie binds it to the browser that
// started it (a link crafted by someone else cannot sign a victim into the attacker's account).

const FLOW_COOKIE = 'pilote_oidc';
const FLOW_TTL_MS = 10 * 60 * 1000;

/** Only paths of this site (no scheme, no host, no //) are accepted as the place to return to. */
const safeReturn = (value: string | undefined) =>
  value && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/api/') ? value : '/';

const refusal = (reason: string) => `/connexion?erreur=${encodeURIComponent(reason)}`;

export async function proconnectRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/v1/comptes/methodes',
    {
      config: { access: 'public' },
      schema: { tags: ['comptes'], summary: 'Moyens de connexion proposés (mot de passe, ProConnect)' },
    },
    async () => ({ motDePasse: true, proconnect: proConnectSettings(ctx) !== null }),
  );

  app.get(
    '/api/v1/comptes/proconnect/connexion',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary: 'Commencer une connexion ProConnect (redirige vers le fournisseur d’identité)',
        querystring: Type.Object({ retour: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (request, reply) => {
      const settings = proConnectSettings(ctx);
      if (!settings) return reply.redirect(refusal('proconnect-indisponible'), 302);
      const now = ctx.clock.now();
      let flow: Awaited<ReturnType<typeof startAuthorization>>;
      try {
        flow = await startAuthorization(ctx, settings);
      } catch (error) {
        request.log.error({ err: error }, 'ProConnect discovery failed');
        return reply.redirect(refusal('proconnect-injoignable'), 302);
      }
      const { retour } = request.query as { retour?: string };
      await ctx.db.query('DELETE FROM oidc_flows WHERE expires_at < $1', [now]);
      await ctx.db.query(
        `INSERT INTO oidc_flows (state, code_verifier, nonce, return_to, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          flow.state,
          flow.codeVerifier,
          flow.nonce,
          safeReturn(retour),
          now,
          new Date(now.getTime() + FLOW_TTL_MS),
        ],
      );
      reply.setCookie(FLOW_COOKIE, flow.state, {
        httpOnly: true,
        sameSite: 'lax', // sent on the provider's top-level redirect back to us
        secure: ctx.config.production,
        path: '/api/v1/comptes/proconnect',
        maxAge: FLOW_TTL_MS / 1000,
      });
      return reply.redirect(flow.url.href, 302);
    },
  );

  app.get(
    '/api/v1/comptes/proconnect/retour',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary:
          'Retour de ProConnect : vérifie la réponse, ouvre la session de la personne invitée ou existante',
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 2000 })),
            state: Type.Optional(Type.String({ maxLength: 500 })),
            error: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const settings = proConnectSettings(ctx);
      if (!settings) return reply.redirect(refusal('proconnect-indisponible'), 302);
      const { state, error } = request.query as { state?: string; error?: string };
      const cookieState = request.cookies[FLOW_COOKIE];
      reply.clearCookie(FLOW_COOKIE, { path: '/api/v1/comptes/proconnect' });
      if (error) return reply.redirect(refusal('proconnect-annule'), 302);
      if (!state || !cookieState || !sameText(state, cookieState))
        return reply.redirect(refusal('proconnect-session'), 302);
      const now = ctx.clock.now();
      const { rows } = await ctx.db.query<{ code_verifier: string; nonce: string; return_to: string }>(
        'DELETE FROM oidc_flows WHERE state = $1 AND expires_at > $2 RETURNING code_verifier, nonce, return_to',
        [state, now],
      );
      const flow = rows[0];
      if (!flow) return reply.redirect(refusal('proconnect-session'), 302);
      let identity: Awaited<ReturnType<typeof finishAuthorization>>;
      try {
        const current = new URL(callbackUrl(ctx));
        current.search = new URL(request.url, 'http://x').search;
        identity = await finishAuthorization(ctx, settings, current, {
          state,
          nonce: flow.nonce,
          codeVerifier: flow.code_verifier,
        });
      } catch (err) {
        request.log.warn({ err }, 'ProConnect callback rejected');
        return reply.redirect(refusal('proconnect-echec'), 302);
      }
      const user = identity.email ? await findUserByEmail(ctx.db, identity.email) : undefined;
      if (identity.email && !identity.emailVerified) {
        // Accounts are matched on the email: one the provider does not vouch for could open someone
        // else's account. Refused whether or not an account matches (the answer reveals neither), and
        // traced on the account it would have opened.
        await ctx.db.transaction((tx) =>
          recordAudit(tx, request.ctx, {
            action: 'connexion-proconnect-refusee',
            entity: 'compte',
            entityId: user?.id ?? null,
            after: { motif: 'adresse-non-verifiee', email: identity.email },
          }),
        );
        return reply.redirect(refusal('proconnect-adresse-non-verifiee'), 302);
      }
      if (!user?.active) {
        // The reason is not detailed on purpose (unknown and deactivated accounts read the same).
        return reply.redirect(refusal('proconnect-inconnu'), 302);
      }
      const session = await ctx.db.transaction(async (tx) => {
        await tx.query(
          'UPDATE users SET last_login_at = $2, proconnect_sub = $3, failed_attempts = 0 WHERE id = $1',
          [user.id, now, identity.sub],
        );
        // An invitation is fulfilled by a first ProConnect sign-in as well as by choosing a password.
        await tx.query(
          `UPDATE user_tokens SET used_at = $2 WHERE user_id = $1 AND purpose = 'invitation' AND used_at IS NULL`,
          [user.id, now],
        );
        await recordAudit(tx, asUser(request, user.id), {
          action: 'connexion-proconnect',
          entity: 'compte',
          entityId: user.id,
        });
        return createSession(tx, user.id, now, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          method: 'proconnect',
          idToken: identity.idToken,
        });
      });
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return reply.redirect(flow.return_to, 302);
    },
  );
}

function sameText(a: string, b: string): boolean {
  // Compare HMACs so the comparison time does not depend on where the strings differ.
  const key = randomBytes(16);
  const ha = createHmac('sha256', key).update(a).digest();
  const hb = createHmac('sha256', key).update(b).digest();
  return timingSafeEqual(ha, hb);
}
