import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Grant } from '../../domain/comptes/policy';
import { ANONYMOUS } from '../../domain/comptes/policy';
import type { Database, Sql } from '../platform/db/database';

// Sessions live in the database so that any app instance can serve any request (stateless servers
// behind a load balancer). The cookie holds a random token; the table holds its hash.

export const SESSION_COOKIE = 'pilote_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // a working day

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  email: string;
  displayName: string;
}

export async function createSession(
  sql: Sql,
  userId: string,
  now: Date,
  meta: {
    ip?: string | null;
    userAgent?: string | null;
    method?: 'password' | 'proconnect' | 'test';
    idToken?: string | null;
  } = {},
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await sql.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, ip, user_agent, method, id_token)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      hashToken(token),
      userId,
      csrfToken,
      now,
      expiresAt,
      meta.ip ?? null,
      meta.userAgent?.slice(0, 300) ?? null,
      meta.method ?? 'password',
      meta.idToken ?? null,
    ],
  );
  return { token, csrfToken, expiresAt };
}

// Every request with a cookie resolves its session; on the embedded database all queries share one
// thread, so a few seconds of memory per instance save one query per request. A revocation (sign-out,
// deactivation, role change, password reset) clears it at once on this instance and, through a
// PostgreSQL notification sent after the commit, on every other instance sharing the database;
// SESSION_CACHE_MS only bounds the case of a notification lost with its connection.
export const SESSION_CACHE_MS = 5_000;
const SESSIONS_CHANNEL = 'pilote_sessions';
const sessionCaches = new WeakMap<object, Map<string, { info: SessionInfo; until: number }>>();
const cacheOf = (db: object) => {
  let cache = sessionCaches.get(db);
  if (!cache) {
    cache = new Map();
    sessionCaches.set(db, cache);
  }
  return cache;
};

/** Forgets the cached sessions of this instance (after any change of sessions, accounts or roles). */
export function forgetCachedSessions(db: object): void {
  sessionCaches.get(db)?.clear();
}

/** Forgets the cached sessions here and tells the other instances to do the same (call after commit). */
export async function revokeCachedSessions(db: Database): Promise<void> {
  forgetCachedSessions(db);
  await db.query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, '']);
}

/** Makes this instance forget its cached sessions when another one changes sessions, accounts or roles. */
export function followSessionRevocations(db: Database): Promise<void> {
  return db.listen(SESSIONS_CHANNEL, () => forgetCachedSessions(db));
}

/** The session behind a cookie token, or null when unknown, expired, revoked or the user inactive. */
export async function readSession(db: Database, token: string, now: Date): Promise<SessionInfo | null> {
  const key = hashToken(token);
  const cache = cacheOf(db);
  const cached = cache.get(key);
  const wall = Date.now();
  if (cached && cached.until > wall) return cached.info.expiresAt > now ? cached.info : null;
  const info = await readSessionFromDatabase(db, token, now);
  if (cache.size > 10_000) cache.clear();
  if (info) cache.set(key, { info, until: wall + SESSION_CACHE_MS });
  else cache.delete(key);
  return info;
}

async function readSessionFromDatabase(db: Database, token: string, now: Date): Promise<SessionInfo | null> {
  const { rows } = await db.query<{
    user_id: string;
    csrf_token: string;
    expires_at: Date;
    email: string;
    display_name: string;
    grants:
      | {
          role: Grant['role'];
          region_code: string | null;
          territoire_id: string | null;
          organisation: string | null;
        }[]
      | null;
  }>(
    `SELECT s.user_id, s.csrf_token, s.expires_at, u.email, u.display_name,
            (SELECT json_agg(json_build_object('role', g.role, 'region_code', g.region_code,
                    'territoire_id', g.territoire_id, 'organisation', g.organisation))
               FROM user_grants g WHERE g.user_id = u.id) AS grants
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
    [hashToken(token), now],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    actor: { userId: row.user_id, grants: (row.grants ?? []).map(toGrant) },
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    email: row.email,
    displayName: row.display_name,
  };
}

export async function revokeSession(sql: Sql, token: string, now: Date): Promise<void> {
  await sql.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
    hashToken(token),
    now,
  ]);
}

export function toGrant(row: {
  role: Grant['role'];
  region_code: string | null;
  territoire_id: string | null;
  organisation: string | null;
}): Grant {
  switch (row.role) {
    case 'national':
      return { role: 'national' };
    case 'regional':
      return { role: 'regional', region: row.region_code! };
    case 'territorial':
      return { role: 'territorial', territoire: row.territoire_id! };
    case 'partner':
      return { role: 'partner', organisation: row.organisation! };
  }
}

export { ANONYMOUS };

/** Ends every open session of a user (password reset, deactivation, role change). */
export async function revokeUserSessions(
  sql: Sql,
  userId: string,
  now: Date,
  exceptTokenHash?: string,
): Promise<void> {
  await sql.query(
    'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $3',
    [userId, now, exceptTokenHash ?? null],
  );
}
