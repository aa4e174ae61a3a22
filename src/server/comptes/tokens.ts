import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../platform/db/database';

// Links sent by email (invitation, password reset): random, stored hashed, expiring, single use.

export type TokenPurpose = 'invitation' | 'reinitialisation';
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  reinitialisation: 60 * 60 * 1000,
};

export const hashSecret = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createUserToken(
  sql: Sql,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // A new link replaces the earlier ones of the same kind: only the latest email works.
  await sql.query(
    'UPDATE user_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL',
    [userId, purpose, now],
  );
  await sql.query(
    `INSERT INTO user_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [hashSecret(token), userId, purpose, now, new Date(now.getTime() + TOKEN_TTL_MS[purpose])],
  );
  return token;
}

/** Marks the token used and returns its user and purpose, or null when unknown, used or expired. */
export async function consumeUserToken(
  sql: Sql,
  token: string,
  now: Date,
): Promise<{ userId: string; purpose: TokenPurpose } | null> {
  const { rows } = await sql.query<{ user_id: string; purpose: TokenPurpose }>(
    `UPDATE user_tokens SET used_at = $2
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
      RETURNING user_id, purpose`,
    [hashSecret(token), now],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, purpose: row.purpose } : null;
}

/** Looks a token up without using it (the set-password page shows who it is for). */
export async function peekUserToken(
  sql: Sql,
  token: string,
  now: Date,
): Promise<{ userId: string; purpose: TokenPurpose; email: string } | null> {
  const { rows } = await sql.query<{ user_id: string; purpose: TokenPurpose; email: string }>(
    `SELECT t.user_id, t.purpose, u.email FROM user_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND u.active`,
    [hashSecret(token), now],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, purpose: row.purpose, email: row.email } : null;
}
