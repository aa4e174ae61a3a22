/**
 * Browser tests of the référentiel pages (issue 2), in Debian's headless Chromium against the real
 * platform (fresh database with the référentiel, serving dist/web — run `npm run build:web` first):
 * the national map draws the 183 territories and its table twin lists them, the search leads to the
 * right territory page, a territory page shows its members, and every page passes axe-core without
 * serious or critical violations.
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, launchBrowser, newPage } from '../helpers/browser';

type Platform = { url: string; close(): Promise<void> };

/** The real platform; PILOTE_BROWSER_MOCK=1 runs the same tests on the contract stand-in (development only). */
async function startPlatform(): Promise<Platform> {
  if (process.env.PILOTE_BROWSER_MOCK === '1') {
    const { startMockApi } = await import('./fixtures/mock-api');
    const { url, server } = await startMockApi();
    return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  const { startTestPlatform } = await import('../helpers/platform');
  return startTestPlatform();
}

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  await opened.page.goto(platform.url + path);
  return opened;
}

/** Waits until the map of `testId` has drawn everything once. */
async function waitForMap(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
}

/**
 * The home page's map is below the first screen and loads only when scrolled near: bring its frame
 * (the placeholder, then the map, both `.pilote-map`) into view, then wait for the drawing.
 */
async function scrollToNationalMap(page: Page): Promise<void> {
  await page.locator('section[aria-labelledby="carte-titre"] .pilote-map').scrollIntoViewIfNeeded();
  await waitForMap(page, 'carte-nationale');
}

/** Requests for MapLibre's code or worker, or for the national layer. */
const isMapRequest = (url: string) =>
  /\/assets\/maplibre[^/]*\.(m?js|css)$/.test(new URL(url).pathname) ||
  new URL(url).pathname === '/api/v1/carte/territoires';

/** The list of results of /recherche (not the links of the page still shown while the router's transition runs). */
function searchResults(page: Page) {
  return page.locator('main ul[aria-labelledby="resultats-titre"]');
}

/** GET with gzip accepted: the bytes as sent on the wire. */
function getGzip(url: string): Promise<{ status: number; encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('couche cartographique nationale', () => {
  it('pèse moins de 600 Ko compressée et contient les 183 territoires, les 18 régions et 5 encarts', async () => {
    const res = await getGzip(`${platform.url}/api/v1/carte/territoires`);
    expect(res.status).toBe(200);
    const raw = res.encoding === 'gzip' ? gunzipSync(res.body) : res.body;
    const gzipBytes = res.encoding === 'gzip' ? res.body.length : 0;
    if (res.encoding === 'gzip') expect(gzipBytes).toBeLessThan(600 * 1024);
    const topology = JSON.parse(raw.toString('utf8'));
    const count = (name: string) => topology.objects[name].geometries.length;
    expect([count('territoires'), count('regions'), count('encarts')]).toEqual([183, 18, 5]);
  });
});

describe('carte nationale', () => {
  it('dessine les 183 territoires, avec leur tableau, et passe le contrôle d’accessibilité', async () => {
    const { page, errors } = await open('/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Les Territoires d’industrie');
    await scrollToNationalMap(page);

    const drawn = await page.evaluate(() => {
      const map = window.__piloteMap!;
      const ids = (features: { properties: Record<string, unknown> }[]) =>
        new Set(features.map((f) => String(f.properties.id)));
      return {
        source: ids(map.querySourceFeatures('territoires')).size,
        rendered: ids(map.queryRenderedFeatures({ layers: ['territoires-fond'] })).size,
        regions: new Set(map.querySourceFeatures('regions').map((f) => f.properties.code)).size,
        insets: map.querySourceFeatures('encarts').length > 0,
      };
    });
    expect(drawn.source).toBe(183);
    expect(drawn.rendered).toBe(183);
    expect(drawn.regions).toBe(18);
    expect(drawn.insets).toBe(true);

    const rows = page.locator('#liste-territoires tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(183);
    expect(await page.locator('#liste-territoires caption').textContent()).toContain('183');
    // The legend names the 18 regions, each a link to its page.
    expect(await page.locator('.pilote-legend a[href^="/regions/"]').count()).toBe(18);
    // The map's source is printed next to it.
    expect(await page.locator('section[aria-labelledby="carte-titre"]').textContent()).toContain(
      'ANCT, périmètres des Territoires d’industrie, septembre 2024 — Licence Ouverte 2.0',
    );
    expect(await page.title()).toContain('Pilote TI');
    // Temps I → II: our split beside the published one, with the rule in words.
    const split = page.locator('table', { hasText: 'Du Temps I au Temps II' });
    await split.waitFor();
    expect(await split.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['29', '29']);
    expect(await split.locator('tbody tr').nth(1).locator('td').allTextContents()).toEqual(['74', '107']);

    await checkAccessibility(page, '/');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('ne charge MapLibre et la couche nationale qu’à l’approche de la carte, sans décaler la page', async () => {
    const { page, errors } = await open('/');
    const mapRequests: string[] = [];
    page.on('request', (r) => {
      if (isMapRequest(r.url())) mapRequests.push(new URL(r.url()).pathname);
    });
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Les Territoires d’industrie');
    // The first screen is drawn and the table twin is there, without the map.
    const rows = page.locator('#liste-territoires tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(183);
    await page.waitForLoadState('networkidle');
    expect(mapRequests).toEqual([]);
    const placeholder = page.locator('[data-testid="carte-nationale-attente"]');
    expect(await placeholder.textContent()).toContain('Chargement de la carte');
    // The placeholder takes no focus: nothing in it is focusable.
    expect(await placeholder.locator('a, button, input, select, textarea, [tabindex]').count()).toBe(0);
    const before = await placeholder.boundingBox();
    const listTop = async () =>
      page.evaluate(
        () =>
          document.querySelector('section[aria-labelledby="liste-titre"]')!.getBoundingClientRect().top +
          window.scrollY,
      );
    const listTopBefore = await listTop();

    await scrollToNationalMap(page);
    expect(mapRequests.some((p) => /\/maplibre[^/]*\.js$/.test(p))).toBe(true);
    expect(mapRequests).toContain('/api/v1/carte/territoires');
    // Same frame, same place: the map took the placeholder's box and moved nothing below it.
    const after = await page.locator('[data-testid="carte-nationale"]').boundingBox();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(after && before && Math.abs(after.height - before.height)).toBeLessThanOrEqual(2);
    expect(after && before && Math.abs(after.y + scrolled - before.y)).toBeLessThanOrEqual(2);
    expect(await listTop()).toBe(listTopBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('ouvre la page d’un territoire au clic sur la carte', async () => {
    const { page } = await open('/');
    await scrollToNationalMap(page);
    await page.locator('[data-testid="carte-nationale"]').scrollIntoViewIfNeeded();
    // Click the pixel of a point inside Plastics Vallée – Oyonnax (Oyonnax town centre).
    const point = await page.evaluate(() => {
      const map = window.__piloteMap!;
      const p = map.project([5.655, 46.257]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.pilote-map__tooltip');
    await tooltip.waitFor({ timeout: 5000 });
    expect(await tooltip.textContent()).toContain('Oyonnax');
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(/\/territoires\/ti-8413$/);
    await page.context().close();
  });
});

describe('recherche', () => {
  it('« oyonax » mène à la page du territoire d’Oyonnax', async () => {
    const { page, errors } = await open('/');
    const input = page.locator('#recherche-accueil input, input#recherche-accueil').first();
    await input.fill('oyonax');
    await input.press('Enter');
    await page.waitForURL(/\/recherche\?q=oyonax/);
    // The router renders the new page in a transition: the URL changes while the home page, whose table
    // also links to the territories, is still shown. Only links of the results list count.
    const result = searchResults(page).locator('a[href="/territoires/ti-8413"]').first();
    await result.waitFor();
    expect(await result.textContent()).toContain('Oyonnax');
    await checkAccessibility(page, '/recherche?q=oyonax');

    await result.click();
    await page.waitForURL(/\/territoires\/ti-8413$/);
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Oyonnax');
    expect(await page.title()).toContain('Oyonnax');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('au clavier', () => {
  it('la recherche de l’en-tête mène à un territoire sans souris, et la carte reste hors du parcours de tabulation', async () => {
    const { page } = await open('/');
    await page.locator('main h1').waitFor();
    // The canvas of the map is out of the tab order (the table twin and the search are the keyboard route).
    await scrollToNationalMap(page);
    expect(await page.locator('.maplibregl-canvas').getAttribute('tabindex')).toBe('-1');
    // Back to the top, where a reader who tabs starts.
    await page.evaluate(() => window.scrollTo(0, 0));

    // Tab from the top of the page until the header's search box has the focus.
    let found = false;
    for (let i = 0; i < 15 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search');
    }
    expect(found).toBe(true);
    await page.keyboard.type('Vallée de l’Arve');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\?q=/);
    const link = searchResults(page).locator('a[href^="/territoires/"]').first();
    await link.waitFor();
    await link.press('Enter');
    await page.waitForURL(/\/territoires\/ti-\d{4}$/);
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Arve');
    await page.context().close();
  });
});

describe('page d’un territoire', () => {
  it('montre ses membres sur la carte et dans le tableau', async () => {
    const { page, errors } = await newPage(browser);
    const mapRequests: string[] = [];
    page.on('request', (r) => {
      if (isMapRequest(r.url())) mapRequests.push(new URL(r.url()).pathname);
    });
    await page.goto(`${platform.url}/territoires/ti-8413`);
    const table = page.locator('#membres');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.textContent()).toContain('Haut - Bugey Agglomération');
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('main h1').textContent()).toBe('Plastics Vallée – Oyonnax');
    expect(await page.locator('main').textContent()).toContain('Ain (01)');

    await waitForMap(page, 'carte-territoire');
    // Drawn in SVG (no MapLibre on this page): the outline and the member, each a path.
    const kinds = await page
      .locator('[data-testid="carte-territoire"] path[data-kind]')
      .evaluateAll((paths) => paths.map((p) => String(p.getAttribute('data-kind'))));
    expect(kinds).toContain('territoire');
    expect(kinds).toContain('groupement');
    // Hovering a member names it (at a point inside its shape: the centre of its box may not be).
    const inside = await page
      .locator('[data-testid="carte-territoire"] path[data-kind="groupement"]')
      .first()
      .evaluate((path: SVGPathElement) => {
        const box = path.getBBox();
        const matrix = path.getScreenCTM()!;
        for (let i = 1; i < 20; i++)
          for (let j = 1; j < 20; j++) {
            const p = new DOMPoint(box.x + (box.width * i) / 20, box.y + (box.height * j) / 20);
            if (path.isPointInFill(p)) {
              const screen = p.matrixTransform(matrix);
              return { x: screen.x, y: screen.y };
            }
          }
        return null;
      });
    expect(inside).not.toBeNull();
    await page.mouse.move(inside!.x, inside!.y);
    const tooltip = page.locator('.pilote-map__tooltip');
    await tooltip.waitFor({ timeout: 5000 });
    expect(await tooltip.textContent()).toContain('Haut - Bugey Agglomération');
    expect(mapRequests).toEqual([]);

    await checkAccessibility(page, '/territoires/ti-8413');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('montre plusieurs membres pour un territoire qui en a plusieurs', async () => {
    const { page } = await open('/territoires/ti-0101');
    const rows = page.locator('#membres tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await page.locator('#membres').textContent()).toContain('CA du Nord Basse-Terre');
    await page.context().close();
  });

  it('répond par une page 404 en français pour un territoire inconnu', async () => {
    const { page } = await open('/territoires/ti-9999');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Page non trouvée');
    await checkAccessibility(page, '/territoires/ti-9999');
    await page.context().close();
  });
});

describe('page d’une région', () => {
  it('liste les territoires de la région et passe le contrôle d’accessibilité', async () => {
    const { page, errors } = await open('/regions/84');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Auvergne-Rhône-Alpes');
    const rows = page.locator('main table').last().locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(24);
    await waitForMap(page, 'carte-nationale');
    await checkAccessibility(page, '/regions/84');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
