import { DEMO_ACCOUNTS } from '../../src/domain/comptes/demo-accounts';
import { demoPassword } from '../../src/server/comptes/demo';
import { createSession, SESSION_COOKIE } from '../../src/server/comptes/sessions';
import type { Bench } from '../lib';

// Issue 4's figures.
// 1. What a session costs: an authenticated GET /api/v1/actions?ti=… against an anonymous request
//    of a public route of similar size, and — the direct measure of the session lookup and policy
//    check — the same public route with and without a session cookie (target: ratio ≤ 1.2).
// 2. Sign-in latency (argon2id) with 10 attempts at once: each under 300 ms.

const SCENARIO = 'comptes';
const TI = 'ti-8422';

export default async function comptes(bench: Bench) {
  const session = await bench.withDatabase(async (ctx) => {
    const { rows } = await ctx.db.query<{ id: string }>(
      'SELECT id FROM users WHERE lower(email) = lower($1)',
      [
        DEMO_ACCOUNTS.find((a) => a.grants.some((g) => g.role === 'territorial' && g.territoire === TI))!
          .email,
      ],
    );
    return createSession(ctx.db, rows[0]!.id, new Date(), { method: 'test' });
  });
  const auth = { cookie: `${SESSION_COOKIE}=${session.token}` };

  // Public route of a size close to the action list of the TI (compared on gzipped bytes).
  const size = async (p: string, headers: Record<string, string> = {}) => {
    const res = await fetch(bench.url + p, { headers: { ...headers, 'accept-encoding': 'identity' } });
    if (!res.ok) throw new Error(`${p} : HTTP ${res.status}`);
    return (await res.arrayBuffer()).byteLength;
  };
  const actionsPath = `/api/v1/actions?ti=${TI}`;
  const actionsBytes = await size(actionsPath, auth);
  const candidates = [
    `/api/v1/territoires/${TI}`,
    `/api/v1/tableaux-de-bord/territoires/${TI}`,
    `/api/v1/portraits/territoires/${TI}`,
    '/api/v1/regions/84',
    `/api/v1/territoires/${TI}/gouvernance`,
  ];
  let publicPath = candidates[0]!;
  let best = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const bytes = await size(c).catch(() => Number.NaN);
    if (Math.abs(bytes - actionsBytes) < best) {
      best = Math.abs(bytes - actionsBytes);
      publicPath = c;
    }
  }
  const publicBytes = await size(publicPath);
  bench.record({
    scenario: SCENARIO,
    metric: `taille ${actionsPath} (connecté)`,
    value: actionsBytes,
    unit: 'octets',
  });
  bench.record({
    scenario: SCENARIO,
    metric: `taille ${publicPath} (public)`,
    value: publicBytes,
    unit: 'octets',
  });

  const connections = 10;
  const authed = await bench.load(actionsPath, { connections, seconds: 5, headers: auth });
  const anon = await bench.load(publicPath, { connections, seconds: 5 });
  const ratio = anon.requestsPerSecond / Math.max(authed.requestsPerSecond, 1);
  bench.record({
    scenario: SCENARIO,
    metric: `GET ${actionsPath} connecté, débit`,
    value: Math.round(authed.requestsPerSecond),
    unit: 'req/s',
  });
  bench.record({
    scenario: SCENARIO,
    metric: `GET ${publicPath} anonyme, débit`,
    value: Math.round(anon.requestsPerSecond),
    unit: 'req/s',
  });
  bench.record({
    scenario: SCENARIO,
    metric: 'coût relatif : actions connecté / route publique anonyme de taille voisine (débits)',
    value: Number(ratio.toFixed(2)),
    unit: '×',
    target: '≤ 1,2 (indicatif : les deux routes ne font pas le même travail)',
  });
  if (authed.non2xx || anon.non2xx) {
    bench.record({
      scenario: SCENARIO,
      metric: 'réponses non 2xx pendant la charge',
      value: authed.non2xx + anon.non2xx,
      unit: 'réponses',
      ok: false,
    });
  }

  // The direct measure: the same public route, with and without a session to look up. Runs
  // alternate (without, with, without, with) and the best of each is kept, so that warm-up and the
  // load of the machine do not favour one side.
  let withCookie = await bench.load(publicPath, { connections, seconds: 3 });
  let withoutCookie = withCookie;
  for (let round = 0; round < 2; round++) {
    const without = await bench.load(publicPath, { connections, seconds: 4 });
    const withSession = await bench.load(publicPath, { connections, seconds: 4, headers: auth });
    if (round === 0 || without.requestsPerSecond > withoutCookie.requestsPerSecond) withoutCookie = without;
    if (round === 0 || withSession.requestsPerSecond > withCookie.requestsPerSecond) withCookie = withSession;
  }
  const sessionRatio = withoutCookie.requestsPerSecond / Math.max(withCookie.requestsPerSecond, 1);
  bench.record({
    scenario: SCENARIO,
    metric: `coût de la session : ${publicPath} avec cookie / sans cookie (débits)`,
    value: Number(sessionRatio.toFixed(2)),
    unit: '×',
  });
  // The server is saturated (one thread does the work): time per request = 1 / throughput. The
  // session's own cost is the difference measured on the public route; the authenticated action list
  // compared with the same work done anonymously is then t / (t − session cost).
  const sessionCostUs = Math.max(
    0,
    1e6 / withCookie.requestsPerSecond - 1e6 / withoutCookie.requestsPerSecond,
  );
  const actionsUs = 1e6 / Math.max(authed.requestsPerSecond, 1);
  const authRatio = actionsUs / Math.max(actionsUs - sessionCostUs, 1);
  bench.record({
    scenario: SCENARIO,
    metric: 'coût d’une session (recherche + contrôle des droits) par requête',
    value: Math.round(sessionCostUs),
    unit: 'µs',
  });
  bench.record({
    scenario: SCENARIO,
    metric: `GET ${actionsPath} connecté / même travail anonyme (t ÷ (t − coût de session))`,
    value: Number(authRatio.toFixed(2)),
    unit: '×',
    target: '≤ 1,2',
    ok: authRatio <= 1.2,
  });

  // Sign-in: 10 attempts at once with a demonstration account (two rounds; the per-IP limit is 30).
  const account = DEMO_ACCOUNTS[0]!;
  const password = demoPassword();
  const latencies: number[] = [];
  for (let round = 0; round < 2; round++) {
    const times = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const start = performance.now();
        const res = await fetch(`${bench.url}/api/v1/comptes/connexion`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: account.email, motDePasse: password }),
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`connexion : HTTP ${res.status}`);
        return performance.now() - start;
      }),
    );
    latencies.push(...times);
  }
  latencies.sort((a, b) => a - b);
  const max = latencies[latencies.length - 1]!;
  bench.record({
    scenario: SCENARIO,
    metric: 'connexion (argon2id), 10 simultanées : médiane',
    value: Math.round(latencies[latencies.length >> 1]!),
    unit: 'ms',
  });
  bench.record({
    scenario: SCENARIO,
    metric: 'connexion (argon2id), 10 simultanées : la plus lente',
    value: Math.round(max),
    unit: 'ms',
    target: '< 300',
    ok: max < 300,
  });
}
