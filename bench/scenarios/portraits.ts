import type { Bench } from '../lib';
import { launchChromium } from '../lib';

// Issue 6's figures: the national dashboard page fully drawn (key figures, map, every chart) in
// headless Chromium, each dashboard / portrait / map API call at 20 concurrent connections, and the
// time of a territory portrait's PDF printed by the server.
export default async function portraits(bench: Bench) {
  const connections = 20;
  const baseline = await bench.baseline(connections);
  bench.record({
    scenario: 'portraits',
    metric: 'référence /api/v1/sante p99 (20 connexions)',
    value: baseline.p99,
    unit: 'ms',
  });
  const paths: [string, string][] = [
    ['tableau de bord national', '/api/v1/tableaux-de-bord/national'],
    [
      'tableau de bord national filtré (région, axe)',
      '/api/v1/tableaux-de-bord/national?region=84&axe=foncier',
    ],
    ['tableau de bord régional', '/api/v1/tableaux-de-bord/regions/84'],
    ['tableau de bord territorial', '/api/v1/tableaux-de-bord/territoires/ti-8413'],
    ['export CSV d’un graphique', '/api/v1/tableaux-de-bord/national.csv?graphique=statut-par-region'],
    ['carte thématique (TI)', '/api/v1/cartes/choropleth?indicateur=part-realise&niveau=ti'],
    [
      'carte thématique (EPCI)',
      '/api/v1/cartes/choropleth?indicateur=part-industrie-2025&niveau=epci&methode=jenks&classes=5',
    ],
    ['portrait d’un territoire', '/api/v1/portraits/territoires/ti-8413'],
    ['portrait du programme', '/api/v1/portraits/programme'],
  ];
  for (const [label, path] of paths) {
    await fetch(bench.url + path); // first computation (per data version) outside the measure
    const result = await bench.load(path, { connections, seconds: 4 });
    const ok = result.p99 < 50 && result.errors === 0 && result.non2xx === 0;
    bench.record({
      scenario: 'portraits',
      metric: `${label} p99 (20 connexions)`,
      value: result.p99,
      unit: 'ms',
      target: '< 50',
      ok,
    });
    bench.record({
      scenario: 'portraits',
      metric: `${label} débit`,
      value: result.requestsPerSecond,
      unit: 'req/s',
    });
  }

  const browser = await launchChromium();
  try {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(`${bench.url}/tableaux-de-bord`, { waitUntil: 'commit' });
      // Fully drawn: the dashboard says so once its data and its map are drawn; every chart has its SVG.
      await page.locator('[data-dashboard-ready="true"]').waitFor({ timeout: 30_000 });
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid^="graphique-"][data-drawn="true"] svg').length >= 4,
        undefined,
        { timeout: 30_000 },
      );
      runs.push(Math.round(performance.now() - t));
      await context.close();
    }
    const median = runs.sort((a, b) => a - b)[1]!;
    bench.record({
      scenario: 'portraits',
      metric: 'page tableau de bord national entièrement dessinée (Chromium, médiane de 3)',
      value: median,
      unit: 'ms',
      target: '< 1500',
      ok: median < 1500,
    });
  } finally {
    await browser.close();
  }

  // The server's PDF: the first one launches the shared Chromium; the figure is a portrait after that.
  await fetch(`${bench.url}/api/v1/portraits/territoires/ti-8405.pdf`);
  const times: number[] = [];
  for (const id of ['ti-8413', 'ti-2803', 'ti-7506']) {
    const { ms, result } = await bench.time(async () => {
      const response = await fetch(`${bench.url}/api/v1/portraits/territoires/${id}.pdf`);
      return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
    });
    if (result.status !== 200) throw new Error(`PDF du portrait ${id} : HTTP ${result.status}`);
    times.push(Math.round(ms));
  }
  const pdfMedian = times.sort((a, b) => a - b)[1]!;
  bench.record({
    scenario: 'portraits',
    metric: 'PDF d’un portrait de territoire (médiane de 3)',
    value: pdfMedian,
    unit: 'ms',
    target: '< 5000',
    ok: pdfMedian < 5000,
  });
}
