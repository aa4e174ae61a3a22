import type { Bench } from '../lib';

// The server's resident memory (RSS) at rest, the figure of the product brief (≤ 150 MiB with the
// demonstration data): right after a restart, once idle, then after the main public pages' API calls
// have filled the in-memory caches (référentiel, maps, portraits, dashboards). Measured on a fresh
// process: the bench restarts the server first, so earlier scenarios do not count.

const SCENARIO = 'mémoire';
// The server settles its memory 10 s after starting (src/server/platform/settle-memory.ts).
const REST_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export default async function memoire(bench: Bench) {
  const restart = await bench.time(() => bench.withDatabase(async () => {}));
  bench.record({
    scenario: SCENARIO,
    metric: 'redémarrage (arrêt, ouverture, démarrage)',
    value: restart.ms,
    unit: 'ms',
  });
  await sleep(REST_MS);
  const atRest = bench.serverMemoryMiB();
  bench.record({
    scenario: SCENARIO,
    metric: 'mémoire au repos après démarrage (RSS)',
    value: atRest,
    unit: 'MiB',
    target: '≤ 150',
    ok: atRest <= 150,
  });

  const get = async (path: string) => {
    const response = await fetch(bench.url + path, { headers: { 'accept-encoding': 'br, gzip' } });
    await response.arrayBuffer();
    return response;
  };
  const list = (await (await fetch(`${bench.url}/api/v1/territoires`)).json()) as {
    items: { id: string; region: { code: string } }[];
  };
  const regions = [...new Set(list.items.map((t) => t.region.code))];
  const paths = [
    '/',
    '/api/v1/regions',
    '/api/v1/stats/programme',
    '/api/v1/carte/territoires',
    '/api/v1/recherche?q=vallee',
    '/api/v1/stats/actions?groupBy=thematique',
    '/api/v1/stats/actions?groupBy=statut&region=84',
    '/api/v1/cartes/indicateurs',
    '/api/v1/cartes/couches/epci',
    '/api/v1/cartes/choropleth?indicateur=part-realise&niveau=ti',
    '/api/v1/cartes/choropleth?indicateur=part-industrie-2025&niveau=epci&methode=jenks&classes=5',
    '/api/v1/portraits/programme',
    '/api/v1/offres',
    '/api/v1/campagnes',
    ...regions.flatMap((code) => [`/api/v1/regions/${code}`, `/api/v1/portraits/regions/${code}`]),
    ...list.items.flatMap((t) => [
      `/api/v1/territoires/${t.id}`,
      `/api/v1/territoires/${t.id}/carte`,
      `/api/v1/portraits/territoires/${t.id}`,
    ]),
  ];
  const warm = await bench.time(async () => {
    let failed = 0;
    for (const path of paths) if (!(await get(path)).ok) failed++;
    return failed;
  });
  bench.record({
    scenario: SCENARIO,
    metric: `parcours des pages publiques (${paths.length} appels, un à la fois)`,
    value: warm.ms,
    unit: 'ms',
    ...(warm.result ? { target: '0 erreur', ok: false } : {}),
  });
  await sleep(REST_MS);
  const warmed = bench.serverMemoryMiB();
  bench.record({
    scenario: SCENARIO,
    metric: 'mémoire au repos après ce parcours (RSS)',
    value: warmed,
    unit: 'MiB',
    target: '≤ 150',
    ok: warmed <= 150,
  });
}
