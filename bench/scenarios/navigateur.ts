import type { Page } from 'playwright-core';
import { createSession, SESSION_COOKIE } from '../../src/server/comptes/sessions';
import type { Bench } from '../lib';
import { launchChromium } from '../lib';

// The design brief's comparison with the programme's tool today (Grist, measured on this kind of
// machine in headless Chromium with its 2,800-row action table: grid visible 1.5–2.1 s after
// navigation, a region filter answered in 0.25–0.34 s, 1.6 MB gzipped transferred), and its aims for
// Pilote TI: the national action list and dashboard usable in ≤ 0.5 s, a filter answered in ≤ 50 ms,
// ≤ 300 KB for the first view. The same gestures here, on the 2,812 demonstration actions, each in a
// fresh browser context (nothing cached), as a signed-in national user:
// - the national action list usable: from navigation to its first page of rows drawn;
// - a region filter answered: from choosing the region to the list showing that region's count;
// - the national dashboard usable: from navigation to its key figures shown (the fully drawn figure,
//   charts and map included, is in portraits.ts);
// - the bytes the action list's first view transferred (compressed, with headers).
// Times are given twice: as the bench sees them (from its navigation order to the element found by
// polling, which waits for a busy page), and as the browser painted them (Element Timing: the first
// paint of the marked element, from the navigation's start).

const SCENARIO = 'navigateur';
const RUNS = 3;
const REGIONS = ['84', '11', '76', '44', '32'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function navigateur(bench: Bench) {
  const session = await bench.withDatabase(async (ctx) => {
    const { rows } = await ctx.db.query<{ id: string }>(
      "INSERT INTO users (email, display_name) VALUES ('bench-navigateur@example.fr', 'Banc d''essai') ON CONFLICT DO NOTHING RETURNING id",
    );
    const id =
      rows[0]?.id ??
      (await ctx.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'bench-navigateur@example.fr'"))
        .rows[0]!.id;
    await ctx.db.query(
      "INSERT INTO user_grants (user_id, role) SELECT $1, 'national' WHERE NOT EXISTS (SELECT 1 FROM user_grants WHERE user_id = $1)",
      [id],
    );
    return createSession(ctx.db, id, new Date());
  });
  const expected = new Map<string, number>();
  for (const code of ['', ...REGIONS]) {
    const response = await fetch(`${bench.url}/api/v1/actions?limit=1${code ? `&region=${code}` : ''}`, {
      headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
    });
    expected.set(code, ((await response.json()) as { total: number }).total);
  }
  const statusFor = (total: number) =>
    `${total.toLocaleString('fr-FR')} action${total > 1 ? 's' : ''} — page 1`;

  const browser = await launchChromium();
  const fresh = async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      // Chromium asks for brotli over HTTPS only; the production site is served over HTTPS.
      extraHTTPHeaders: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    const host = new URL(bench.url).hostname;
    await context.addCookies([{ name: SESSION_COOKIE, value: session.token, domain: host, path: '/' }]);
    return { context, page: await context.newPage() };
  };
  const statusText = (page: Page) => page.locator('main p[role="status"]').first().textContent();
  /** When the browser first painted the element marked `name` (ms from navigation start). */
  const paintedAt = (page: Page, name: string) =>
    page.evaluate(
      (wanted) =>
        new Promise<number>((resolve) => {
          setTimeout(() => resolve(Number.NaN), 10_000); // not painted (unmarked element): say so
          new PerformanceObserver((list, observer) => {
            const entry = list
              .getEntries()
              .find((e) => (e as PerformanceEntry & { identifier: string }).identifier === wanted);
            if (!entry) return;
            observer.disconnect();
            resolve(Math.round((entry as PerformanceEntry & { renderTime: number }).renderTime));
          }).observe({ type: 'element', buffered: true });
        }),
      name,
    );

  try {
    const listRuns: number[] = [];
    const listPaints: number[] = [];
    const filterRuns: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const { context, page } = await fresh();
      const started = performance.now();
      await page.goto(`${bench.url}/actions`, { waitUntil: 'commit' });
      await page.locator('main table tbody tr').first().waitFor({ timeout: 30_000 });
      listRuns.push(Math.round(performance.now() - started));
      listPaints.push(await paintedAt(page, 'liste-actions'));
      await page.waitForLoadState('networkidle');
      if (run === 0) {
        bytes = await page.evaluate(() =>
          [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
            .map((e) => (e as PerformanceResourceTiming).transferSize)
            .reduce((a, b) => a + b, 0),
        );
      }
      // Each run filters on other regions, so that no answer comes from the browser's memory.
      for (const code of REGIONS.slice(run, run + 2)) {
        const want = statusFor(expected.get(code)!);
        const t = performance.now();
        await page.getByRole('form', { name: 'Filtrer les actions' }).getByLabel('Région').selectOption(code);
        await page.waitForFunction(
          (text) => document.querySelector('main p[role="status"]')?.textContent?.startsWith(text),
          want,
          { timeout: 30_000, polling: 'raf' },
        );
        filterRuns.push(Math.round(performance.now() - t));
      }
      if (!(await statusText(page))?.startsWith(statusFor(expected.get(REGIONS[run + 1]!)!)))
        throw new Error('la liste filtrée ne montre pas le total de la région');
      await context.close();
    }

    const dashboardRuns: number[] = [];
    const dashboardPaints: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { context, page } = await fresh();
      const started = performance.now();
      await page.goto(`${bench.url}/tableaux-de-bord`, { waitUntil: 'commit' });
      // Usable: the key figures of the programme are on screen (charts and map may still be drawing).
      await page.locator('main .pilote-kf__value').first().waitFor({ timeout: 30_000 });
      dashboardRuns.push(Math.round(performance.now() - started));
      dashboardPaints.push(await paintedAt(page, 'chiffres-cles'));
      await context.close();
    }

    const list = median(listRuns);
    const filter = median(filterRuns);
    const dashboard = median(dashboardRuns);
    bench.record({
      scenario: SCENARIO,
      metric: `liste nationale des actions utilisable, ${expected.get('')} actions (médiane de ${RUNS}; Grist : 1 500–2 100)`,
      value: list,
      unit: 'ms',
      target: '≤ 500',
      ok: list <= 500,
    });
    bench.record({
      scenario: SCENARIO,
      metric: `  la même, peinte par le navigateur depuis le début de la navigation (Element Timing)`,
      value: median(listPaints),
      unit: 'ms',
      target: '≤ 500',
      ok: median(listPaints) <= 500,
    });
    bench.record({
      scenario: SCENARIO,
      metric: `filtre par région répondu dans la page (médiane de ${filterRuns.length}; Grist : 250–340)`,
      value: filter,
      unit: 'ms',
      target: '≤ 50',
      ok: filter <= 50,
    });
    bench.record({
      scenario: SCENARIO,
      metric: `tableau de bord national utilisable, chiffres clés affichés (médiane de ${RUNS})`,
      value: dashboard,
      unit: 'ms',
      target: '≤ 500',
      ok: dashboard <= 500,
    });
    bench.record({
      scenario: SCENARIO,
      metric: `  le même, peint par le navigateur depuis le début de la navigation (Element Timing)`,
      value: median(dashboardPaints),
      unit: 'ms',
      target: '≤ 500',
      ok: median(dashboardPaints) <= 500,
    });
    bench.record({
      scenario: SCENARIO,
      metric: 'liste nationale des actions, octets transférés à la première vue (Grist : 1,6 Mo)',
      value: Math.round(bytes / 1024),
      unit: 'Ko',
      target: '≤ 300',
      ok: bytes <= 300 * 1024,
    });
  } finally {
    await browser.close();
  }
}
