/**
 * Browser tests of the portraits and thematic maps (issue 6): a territory's portrait with its
 * comparison table, employment chart and typologies, the PDF of two A4 pages, the programme portrait
 * with the published figures, Mayotte's missing employment said in words, the thematic map with its
 * legend and table twin; every page passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, launchBrowser, newPage } from '../helpers/browser';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ data: 'demo' }), launchBrowser()]);
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

const pdfPageCount = (bytes: Buffer) =>
  (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('portrait d’un territoire', () => {
  it('montre les indicateurs comparés, l’emploi, les typologies, et passe le contrôle d’accessibilité', async () => {
    const { page, errors } = await open('/portraits/territoires/ti-8413');
    await page.locator('#comparaison').waitFor();
    expect(await page.locator('main h1').textContent()).toMatch(/^Portrait — /);
    await page.locator('[data-testid="graphique-emploi"][data-drawn="true"] svg').waitFor();
    await page.locator('[data-testid="carte-territoire"][data-drawn="true"] svg').waitFor();
    const header = await page.locator('section[aria-labelledby="comparaison"] thead').textContent();
    expect(header).toContain('Auvergne-Rhône-Alpes');
    expect(header).toContain('France');
    expect(header).toContain('Temps I');
    expect(await page.locator('section[aria-labelledby="emploi"]').textContent()).toMatch(
      /Trajectoire : (Dynamique|Rebond|Ralentissement|Fragile)/,
    );
    expect(await page.locator('section[aria-labelledby="urbain-rural"]').textContent()).toMatch(/INSEE/);
    expect(await page.locator('section[aria-labelledby="plan-action"]').textContent()).toMatch(/actions/);
    const money = await (await fetch(`${platform.url}/api/v1/financements/stats?territoire=ti-8413`)).json();
    const levers = page.locator('[data-testid="leviers"]');
    for (const lever of ['financements', 'foncier', 'gouvernance']) {
      await levers.locator(`[data-lever="${lever}"]`).waitFor();
    }
    expect(await levers.locator('[data-lever="financements"]').textContent()).toContain(
      `${money.ensemble.laureats} lauréat`,
    );
    expect(await levers.locator('[data-lever="gouvernance"]').textContent()).toMatch(/chef de projet/);
    await checkAccessibility(page, 'portrait de territoire');
    expect(errors).toEqual([]);
  });

  it('dit que l’emploi de Mayotte n’est pas disponible au lieu d’afficher 0', async () => {
    const { page } = await open('/portraits/territoires/ti-0601');
    await page.locator('[data-testid="avertissement-emploi"]').waitFor();
    expect(await page.locator('[data-testid="avertissement-emploi"]').textContent()).toMatch(
      /non disponible/,
    );
    expect(await page.locator('.pilote-kf__value').nth(1).textContent()).toBe('donnée non disponible');
  });

  it('est imprimé par le serveur en PDF de deux pages A4, avec les financements et la gouvernance', async () => {
    // Warm the shared browser, then time a second portrait.
    await fetch(`${platform.url}/api/v1/portraits/territoires/ti-8405.pdf`);
    const started = Date.now();
    const response = await fetch(`${platform.url}/api/v1/portraits/territoires/ti-8413.pdf`);
    const ms = Date.now() - started;
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(2);
    console.info(`PDF du portrait : ${ms} ms, ${bytes.length} octets`);
    // The print route the PDF is made from waits for the funding, land and governance figures.
    const { page } = await open('/impression/portraits/territoires/ti-8413');
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="leviers"] .pilote-lever').count()).toBe(3);
  });
});

describe('portrait du programme et cartes thématiques', () => {
  it('retrouve les chiffres publiés', async () => {
    const { page, errors } = await open('/portraits/programme');
    await page.locator('#publie').waitFor();
    const table = await page.locator('section[aria-labelledby="publie"]').textContent();
    expect(table).toMatch(/11\s4\d{2}\s\d{3}/);
    expect(table).toMatch(/81\s%/);
    const levers = page.locator('[data-testid="leviers"]');
    for (const lever of ['financements', 'foncier', 'gouvernance']) {
      await levers.locator(`[data-lever="${lever}"]`).waitFor();
    }
    expect(await levers.textContent()).toMatch(/55 sites clés en main/);
    expect(await levers.textContent()).toMatch(/336 élus et 352 industriels/);
    await checkAccessibility(page, 'portrait du programme');
    expect(errors).toEqual([]);
  });

  it('dessine la carte choisie avec sa légende calculée et son tableau', async () => {
    const { page, errors } = await open('/cartes?indicateur=part-industrie-2025&niveau=ti');
    await page.locator('[data-testid="carte-thematique"][data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="legende"] li').count()).toBe(6);
    expect(await page.locator('#tableau-carte tbody tr').count()).toBe(183);
    await checkAccessibility(page, 'carte thématique');
    await page.locator('#carte-niveau').selectOption('epci');
    await expect
      .poll(async () => page.locator('#tableau-carte tbody tr').count(), { timeout: 30_000 })
      .toBeGreaterThan(600);
    expect(errors).toEqual([]);
  });
});
