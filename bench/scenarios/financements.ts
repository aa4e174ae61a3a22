import type { Bench } from '../lib';

// Issue 8's figures: the laureate and site lists and their map layers under 20 concurrent connections
// (p99 < 30 ms), with the gzip-compressed responses a browser asks for, and one filtered list.
export default async function financements(bench: Bench) {
  const connections = 20;
  const headers = { 'accept-encoding': 'gzip' };
  const paths = [
    ['GET /api/v1/laureats', '/api/v1/laureats'],
    ['GET /api/v1/laureats (filtre région + dispositif)', '/api/v1/laureats?region=84&dispositif=fonds-vert'],
    ['GET /api/v1/laureats/carte', '/api/v1/laureats/carte'],
    ['GET /api/v1/sites-cles-en-main', '/api/v1/sites-cles-en-main'],
    ['GET /api/v1/sites-cles-en-main/carte', '/api/v1/sites-cles-en-main/carte'],
  ] as const;
  // Warm-up, not recorded: the first call of each path loads the data and builds its body.
  for (const [, path] of paths) {
    const check = await fetch(bench.url + path);
    if (!check.ok) throw new Error(`${path} : HTTP ${check.status}`);
    await bench.load(path, { connections, seconds: 1, headers });
  }
  // The trivial endpoint under the same load, in the same run: what the machine gives at best now.
  const baseline = await bench.baseline(connections);
  bench.record({
    scenario: 'financements',
    metric: 'référence /api/v1/sante p99 (20 connexions)',
    value: baseline.p99,
    unit: 'ms',
  });
  for (const [label, path] of paths) {
    const result = await bench.load(path, { connections, seconds: 5, headers });
    bench.record({
      scenario: 'financements',
      metric: `${label} débit`,
      value: result.requestsPerSecond,
      unit: 'req/s',
    });
    bench.record({ scenario: 'financements', metric: `${label} p50`, value: result.p50, unit: 'ms' });
    bench.record({
      scenario: 'financements',
      metric: `${label} p99 (20 connexions)`,
      value: result.p99,
      unit: 'ms',
      target: '< 30',
      ok: result.p99 < 30 && result.errors === 0 && result.non2xx === 0,
    });
  }
}
