import { matchOffers } from '../../src/domain/offres/matching';
import { createSession, SESSION_COOKIE } from '../../src/server/comptes/sessions';
import { loadCatalogue } from '../../src/server/offres/catalogue-loader';
import type { Bench } from '../lib';

// Issue 7's figures: matching every demonstration action against the catalogue (< 1 s in all), and
// the parcours panel of one action under 20 concurrent connections (p99 < 30 ms), signed in as the
// national team (the route checks the session and the action's visibility on every call).
export default async function offres(bench: Bench) {
  const prepared = await bench.withDatabase(async (ctx) => {
    const { rows: actions } = await ctx.db.query<{
      id: string;
      axe: never;
      thematiques: never[];
      statut: never | null;
    }>('SELECT id, axe, thematiques, statut FROM actions WHERE archived_at IS NULL ORDER BY id');
    const offers = await loadCatalogue();
    // Cold: the first call builds the catalogue index, as after a start.
    const t = performance.now();
    let matches = 0;
    for (const action of actions) matches += matchOffers(action, offers).length;
    const ms = performance.now() - t;
    const { rows: users } = await ctx.db.query<{ id: string }>(
      "INSERT INTO users (email, display_name) VALUES ('bench-offres@example.fr', 'Banc d’essai') ON CONFLICT DO NOTHING RETURNING id",
    );
    const userId =
      users[0]?.id ??
      (
        await ctx.db.query<{ id: string }>(
          "SELECT id FROM users WHERE lower(email) = 'bench-offres@example.fr'",
        )
      ).rows[0]!.id;
    await ctx.db.query("INSERT INTO user_grants (user_id, role) VALUES ($1, 'national')", [userId]);
    const session = await createSession(ctx.db, userId, ctx.clock.now());
    // A typical action: the median by number of offers matched.
    const counts = actions
      .map((a) => ({ id: a.id, n: matchOffers(a, offers).length }))
      .sort((a, b) => a.n - b.n);
    return {
      count: actions.length,
      matches,
      ms,
      cookie: `${SESSION_COOKIE}=${session.token}`,
      actionId: counts[counts.length >> 1]?.id,
    };
  });
  bench.record({
    scenario: 'offres',
    metric: `appariement des ${prepared.count} actions au catalogue (${prepared.matches} correspondances)`,
    value: Math.round(prepared.ms),
    unit: 'ms',
    target: '< 1000',
    ok: prepared.count > 0 && prepared.ms < 1000,
  });
  if (!prepared.actionId) return;
  const path = `/api/v1/actions/${prepared.actionId}/parcours`;
  const check = await fetch(bench.url + path, { headers: { cookie: prepared.cookie } });
  if (!check.ok) throw new Error(`${path} : HTTP ${check.status}`);
  // Same load on the trivial endpoint, same session cookie: what the machine gives at this moment.
  const baseline = await bench.load('/api/v1/sante', {
    connections: 20,
    seconds: 5,
    headers: { cookie: prepared.cookie },
  });
  bench.record({
    scenario: 'offres',
    metric: 'référence /api/v1/sante (connecté) débit',
    value: baseline.requestsPerSecond,
    unit: 'req/s',
  });
  bench.record({
    scenario: 'offres',
    metric: 'référence /api/v1/sante (connecté) p99 (20 connexions)',
    value: baseline.p99,
    unit: 'ms',
  });
  const result = await bench.load(path, {
    connections: 20,
    seconds: 5,
    headers: { cookie: prepared.cookie },
  });
  bench.record({
    scenario: 'offres',
    metric: 'GET /api/v1/actions/{id}/parcours débit',
    value: result.requestsPerSecond,
    unit: 'req/s',
  });
  bench.record({
    scenario: 'offres',
    metric: 'GET /api/v1/actions/{id}/parcours p50',
    value: result.p50,
    unit: 'ms',
  });
  bench.record({
    scenario: 'offres',
    metric: 'GET /api/v1/actions/{id}/parcours débit / référence',
    value: Number((result.requestsPerSecond / Math.max(1, baseline.requestsPerSecond)).toFixed(2)),
    unit: '×',
  });
  bench.record({
    scenario: 'offres',
    metric: 'GET /api/v1/actions/{id}/parcours p99 (20 connexions)',
    value: result.p99,
    unit: 'ms',
    target: '< 30',
    ok: result.p99 < 30 && result.non2xx === 0 && result.errors === 0,
  });
}
