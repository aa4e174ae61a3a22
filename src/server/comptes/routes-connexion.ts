import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { afterFailure, isLocked, LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../../domain/comptes/lockout';
import { passwordProblem } from '../../domain/comptes/passwords';
import type { AppContext } from '../platform/context';
import { badRequest, HttpError } from '../platform/http/errors';
import type { RequestContext } from '../platform/http/request-context';
import { sendMail } from '../platform/mail';
import { recordAudit } from './audit';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { hashPassword, verifyPassword } from './passwords';
import { endSessionUrl, proConnectSettings } from './proconnect';
import { countAttempt } from './rate-limit';
import { createSession, hashToken, revokeSession, revokeUserSessions, SESSION_COOKIE } from './sessions';
import { consumeUserToken, createUserToken, peekUserToken } from './tokens';
import { findUserByEmail } from './users';

// Local sign-in: email + password (argon2id), lockout after repeated failures, per-IP rate limit,
// reset by emailed link. Every answer about credentials is the same whether the address exists or
// not, and takes about as long.

export const BAD_CREDENTIALS = `Adresse électronique ou mot de passe incorrect. Après ${MAX_FAILED_ATTEMPTS} échecs successifs, le compte est bloqué ${LOCKOUT_MS / 60000} minutes.`;
export const RESET_REQUESTED =
  'Si un compte actif correspond à cette adresse, un courriel contenant un lien de réinitialisation vient d’être envoyé. Le lien est valable une heure.';
const INVALID_LINK = 'Ce lien n’est plus valable (déjà utilisé ou expiré) : demandez un nouveau lien.';

const Email = Type.String({ minLength: 3, maxLength: 254, description: 'Adresse électronique' });
const Password = Type.String({ minLength: 1, maxLength: 200, description: 'Mot de passe' });
const Ok = Type.Object({ message: Type.String() });

/** The request's context as seen by the audit log once the person is known. */
export const asUser = (request: FastifyRequest, userId: string): RequestContext => ({
  ...request.ctx,
  actor: { userId, grants: request.ctx.actor.grants },
});

export async function connexionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/v1/comptes/connexion',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary: 'Se connecter avec une adresse électronique et un mot de passe (pose le cookie de session)',
        body: Type.Object({ email: Email, motDePasse: Password }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { email, motDePasse } = request.body as { email: string; motDePasse: string };
      const now = ctx.clock.now();
      await countAttempt(ctx.db, request.ip, now);
      const user = await findUserByEmail(ctx.db, email);
      const usable =
        user?.active &&
        !isLocked({ failedAttempts: user.failed_attempts, lockedUntil: user.locked_until }, now);
      const ok = await verifyPassword(usable ? user.password_hash : null, motDePasse);
      if (!user || !usable) throw new HttpError(401, BAD_CREDENTIALS);
      if (!ok) {
        const next = afterFailure(
          { failedAttempts: user.failed_attempts, lockedUntil: user.locked_until },
          now,
        );
        await ctx.db.transaction(async (tx) => {
          await tx.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [
            user.id,
            next.failedAttempts,
            next.lockedUntil,
          ]);
          if (isLocked(next, now)) {
            await recordAudit(tx, asUser(request, user.id), {
              action: 'verrouillage',
              entity: 'compte',
              entityId: user.id,
              after: { bloqueJusqua: next.lockedUntil?.toISOString() },
            });
          }
        });
        throw new HttpError(401, BAD_CREDENTIALS);
      }
      const session = await ctx.db.transaction(async (tx) => {
        await tx.query(
          'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1',
          [user.id, now],
        );
        await recordAudit(tx, asUser(request, user.id), {
          action: 'connexion',
          entity: 'compte',
          entityId: user.id,
        });
        return createSession(tx, user.id, now, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          method: 'password',
        });
      });
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return {
        message: 'Connexion réussie.',
        csrfToken: session.csrfToken,
        expireLe: session.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/v1/comptes/deconnexion',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary:
          'Se déconnecter (la session est révoquée côté serveur ; après ProConnect, « redirection » termine aussi la session ProConnect)',
        response: { 200: Type.Object({ message: Type.String(), redirection: Type.Optional(Type.String()) }) },
      },
    },
    async (request, reply) => {
      const token = request.cookies?.[SESSION_COOKIE];
      let redirection: string | null = null;
      if (token) {
        const now = ctx.clock.now();
        // A ProConnect session is also ended at ProConnect: the web app follows `redirection`.
        const { rows } = await ctx.db.query<{ method: string; id_token: string | null }>(
          'SELECT method, id_token FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL',
          [hashToken(token)],
        );
        const settings = proConnectSettings(ctx);
        if (rows[0]?.method === 'proconnect' && rows[0].id_token && settings) {
          redirection = await endSessionUrl(ctx, settings, rows[0].id_token).catch(() => null);
        }
        await ctx.db.transaction(async (tx) => {
          await revokeSession(tx, token, now);
          if (request.ctx.actor.userId) {
            await recordAudit(tx, request.ctx, {
              action: 'deconnexion',
              entity: 'compte',
              entityId: request.ctx.actor.userId,
            });
          }
        });
      }
      clearSessionCookie(reply, ctx);
      return redirection
        ? { message: 'Vous êtes déconnecté.', redirection }
        : { message: 'Vous êtes déconnecté.' };
    },
  );

  app.post(
    '/api/v1/comptes/mot-de-passe-oublie',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary:
          'Demander un lien de réinitialisation du mot de passe (réponse identique que le compte existe ou non)',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      const { email } = request.body as { email: string };
      const now = ctx.clock.now();
      await countAttempt(ctx.db, request.ip, now);
      const user = await findUserByEmail(ctx.db, email);
      if (user?.active) {
        await ctx.db.transaction(async (tx) => {
          const token = await createUserToken(tx, user.id, 'reinitialisation', now);
          const link = `${ctx.config.publicUrl}/compte/mot-de-passe?jeton=${token}`;
          await sendMail(ctx, tx, {
            to: user.email,
            category: 'comptes.reinitialisation',
            subject: 'Pilote TI : réinitialisation de votre mot de passe',
            text:
              `Bonjour,\n\nUne réinitialisation du mot de passe de votre compte Pilote TI a été demandée.\n` +
              `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, utilisable une seule fois) :\n\n${link}\n\n` +
              `Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\n` +
              `— Pilote TI, Territoires d’industrie`,
          });
          await recordAudit(tx, asUser(request, user.id), {
            action: 'demande-reinitialisation',
            entity: 'compte',
            entityId: user.id,
          });
        });
      }
      return reply.status(202).send({ message: RESET_REQUESTED });
    },
  );

  app.get(
    '/api/v1/comptes/lien',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary: 'Vérifier un lien d’invitation ou de réinitialisation avant de choisir un mot de passe',
        querystring: Type.Object({ jeton: Type.String({ minLength: 10, maxLength: 200 }) }),
      },
    },
    async (request) => {
      const { jeton } = request.query as { jeton: string };
      const found = await peekUserToken(ctx.db, jeton, ctx.clock.now());
      if (!found) throw new HttpError(410, INVALID_LINK);
      return { objet: found.purpose, email: found.email };
    },
  );

  app.post(
    '/api/v1/comptes/mot-de-passe',
    {
      config: { access: 'public' },
      schema: {
        tags: ['comptes'],
        summary:
          'Choisir son mot de passe avec un lien d’invitation ou de réinitialisation (connecte ensuite)',
        body: Type.Object(
          { jeton: Type.String({ minLength: 10, maxLength: 200 }), motDePasse: Password },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { jeton, motDePasse } = request.body as { jeton: string; motDePasse: string };
      const now = ctx.clock.now();
      await countAttempt(ctx.db, request.ip, now);
      const found = await peekUserToken(ctx.db, jeton, now);
      if (!found) throw new HttpError(410, INVALID_LINK);
      const problem = passwordProblem(motDePasse, found.email);
      if (problem) throw badRequest(`Champ « motDePasse » : ${problem}`);
      const passwordHash = await hashPassword(motDePasse);
      const session = await ctx.db.transaction(async (tx) => {
        const used = await consumeUserToken(tx, jeton, now);
        if (!used) throw new HttpError(410, INVALID_LINK);
        await tx.query(
          `UPDATE users SET password_hash = $2, password_changed_at = $3, failed_attempts = 0, locked_until = NULL,
                  last_login_at = $3 WHERE id = $1`,
          [used.userId, passwordHash, now],
        );
        // After a reset, sessions opened with the old password end (it may have leaked).
        if (used.purpose === 'reinitialisation') await revokeUserSessions(tx, used.userId, now);
        await recordAudit(tx, asUser(request, used.userId), {
          action: used.purpose === 'invitation' ? 'activation' : 'reinitialisation',
          entity: 'compte',
          entityId: used.userId,
        });
        return createSession(tx, used.userId, now, {
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        });
      });
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return { message: 'Mot de passe enregistré : vous êtes connecté.', csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/comptes/moi/mot-de-passe',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['comptes'],
        summary: 'Changer son mot de passe (les autres sessions sont fermées)',
        body: Type.Object({ actuel: Password, nouveau: Password }, { additionalProperties: false }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const { actuel, nouveau } = request.body as { actuel: string; nouveau: string };
      const userId = request.ctx.actor.userId!;
      const now = ctx.clock.now();
      await countAttempt(ctx.db, request.ip, now);
      const user = await findUserByEmail(ctx.db, request.ctx.session!.email);
      if (!user || !(await verifyPassword(user.password_hash, actuel))) {
        throw badRequest('Champ « actuel » : le mot de passe actuel est incorrect.');
      }
      const problem = passwordProblem(nouveau, user.email);
      if (problem) throw badRequest(`Champ « nouveau » : ${problem}`);
      const passwordHash = await hashPassword(nouveau);
      const current = request.cookies[SESSION_COOKIE];
      await ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [
          userId,
          passwordHash,
          now,
        ]);
        await revokeUserSessions(tx, userId, now, current ? hashToken(current) : undefined);
        await recordAudit(tx, request.ctx, {
          action: 'changement-mot-de-passe',
          entity: 'compte',
          entityId: userId,
        });
      });
      return { message: 'Mot de passe modifié. Vos autres sessions ont été fermées.' };
    },
  );
}
