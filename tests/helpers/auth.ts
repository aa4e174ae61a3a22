import { randomBytes } from 'node:crypto';
import type { Grant } from '../../src/domain/comptes/policy';
import { createSession, SESSION_COOKIE } from '../../src/server/comptes/sessions';
import type { AppContext } from '../../src/server/platform/context';

/** A signed-in test user with these grants: the cookie and CSRF header to send with requests. */
export async function signInAs(
  ctx: AppContext,
  grants: Grant[],
  options: { email?: string; name?: string } = {},
): Promise<{ userId: string; headers: Record<string, string>; cookie: string; csrf: string }> {
  const email = options.email ?? `test-${randomBytes(4).toString('hex')}@example.fr`;
  const { rows } = await ctx.db.query<{ id: string }>(
    'INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING id',
    [email, options.name ?? 'Personne de test'],
  );
  const userId = rows[0]!.id;
  for (const g of grants) {
    await ctx.db.query(
      'INSERT INTO user_grants (user_id, role, region_code, territoire_id, organisation) VALUES ($1, $2, $3, $4, $5)',
      [
        userId,
        g.role,
        g.role === 'regional' ? g.region : null,
        g.role === 'territorial' ? g.territoire : null,
        g.role === 'partner' ? g.organisation : null,
      ],
    );
  }
  const session = await createSession(ctx.db, userId, ctx.clock.now());
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  return { userId, cookie, csrf: session.csrfToken, headers: { cookie, 'x-csrf-token': session.csrfToken } };
}
