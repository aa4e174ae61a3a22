import { IP_ATTEMPTS_PER_WINDOW, windowStart } from '../../domain/comptes/lockout';
import type { Sql } from '../platform/db/database';
import { HttpError } from '../platform/http/errors';

// Per-IP counters in the database, so the limit holds across every instance behind a load balancer.
// One upsert per attempt; old windows are swept now and then.

export async function countAttempt(sql: Sql, ip: string | null, now: Date): Promise<void> {
  const key = ip ?? 'inconnue';
  const start = windowStart(now);
  const { rows } = await sql.query<{ attempts: number }>(
    `INSERT INTO signin_attempts (ip, window_start, attempts) VALUES ($1, $2, 1)
     ON CONFLICT (ip, window_start) DO UPDATE SET attempts = signin_attempts.attempts + 1
     RETURNING attempts`,
    [key, start],
  );
  const attempts = rows[0]?.attempts ?? 1;
  if (attempts === 1 && Math.random() < 0.05) {
    await sql.query('DELETE FROM signin_attempts WHERE window_start < $1', [
      new Date(start.getTime() - 86_400_000),
    ]);
  }
  if (attempts > IP_ATTEMPTS_PER_WINDOW) {
    throw new HttpError(
      429,
      'Trop de tentatives depuis cette adresse réseau : réessayez dans quelques minutes.',
    );
  }
}
