import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS } from '../../src/server/comptes/sessions';
import { signInAs } from '../helpers/auth';
import { usingPostgres } from '../helpers/database';
import { startSecondInstance, startTestPlatform, type TestPlatform } from '../helpers/platform';

// Several stateless instances share one PostgreSQL database; each keeps resolved sessions in memory
// for a few seconds. A sign-out or a role change made on one instance must hold on the others at
// once (a PostgreSQL notification), not when their memory expires.

describe.skipIf(!usingPostgres())('deux instances sur la même base', () => {
  let first: TestPlatform;
  let second: TestPlatform;
  beforeAll(async () => {
    first = await startTestPlatform({ listen: false });
    second = await startSecondInstance(first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /**
   * Milliseconds until `second` answers `status` to GET `url` (polled), or Infinity after half the
   * memory's life: without the notification, the second instance keeps answering from memory for
   * nearly SESSION_CACHE_MS after the change, so an answer within half of it is the notification's.
   */
  async function untilSecondAnswers(url: string, headers: Record<string, string>, status: number) {
    const started = Date.now();
    while (Date.now() - started < SESSION_CACHE_MS / 2) {
      if ((await second.app.inject({ url, headers })).statusCode === status) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Number.POSITIVE_INFINITY;
  }

  it('une déconnexion sur une instance ferme aussitôt la session sur l’autre', async () => {
    const { headers } = await signInAs(first.ctx, [{ role: 'national' }]);
    // The second instance has resolved (and keeps in memory) the session.
    expect((await second.app.inject({ url: '/api/v1/comptes/moi/sessions', headers })).statusCode).toBe(200);
    const out = await first.app.inject({ method: 'POST', url: '/api/v1/comptes/deconnexion', headers });
    expect(out.statusCode).toBe(200);
    expect(await untilSecondAnswers('/api/v1/comptes/moi/sessions', headers, 401)).toBeLessThan(
      SESSION_CACHE_MS / 2,
    );
  });

  it('un rôle retiré sur une instance ne vaut plus sur l’autre', async () => {
    const admin = await signInAs(first.ctx, [{ role: 'national' }]);
    const agent = await signInAs(first.ctx, [{ role: 'national' }]);
    // The national role may list the accounts; the second instance caches the agent's session.
    expect(
      (await second.app.inject({ url: '/api/v1/comptes/utilisateurs', headers: agent.headers })).statusCode,
    ).toBe(200);
    const change = await first.app.inject({
      method: 'PUT',
      url: `/api/v1/comptes/utilisateurs/${agent.userId}/roles`,
      headers: admin.headers,
      payload: { roles: [{ role: 'territorial', territoire: 'ti-8405' }] },
    });
    expect(change.statusCode, change.body).toBe(200);
    expect(await untilSecondAnswers('/api/v1/comptes/utilisateurs', agent.headers, 403)).toBeLessThan(
      SESSION_CACHE_MS / 2,
    );
  });
});
