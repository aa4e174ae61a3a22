/**
 * Browser tests of the dashboards (issue 6) in Debian's headless Chromium against the real platform
 * with the demonstration data: the national, regional and territorial dashboards draw their charts,
 * map and tables, filters change the figures, the funding, land and governance figures of the same
 * perimeter are shown (and equal the published ones for France), the CSV export gives the chart's
 * numbers, the PDF has two A4 pages, and every page passes axe-core without serious or critical violations.
 * Build the web app first: npx vite build --outDir /tmp/<you>-web && WEB_DIR=/tmp/<you>-web …
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

const ready = (page: Page) => page.locator('[data-dashboard-ready="true"]').waitFor({ timeout: 30_000 });

/** Count of PDF pages, read from the page objects of the file. */
const pdfPageCount = (bytes: Buffer) =>
  (bytes.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('tableau de bord national', () => {
  it('dessine les graphiques, la carte et leurs tableaux, filtre par région, et passe le contrôle d’accessibilité', async () => {
    const { page, errors } = await open('/tableaux-de-bord');
    await ready(page);
    expect(await page.locator('main h1').textContent()).toBe('Tableau de bord national');
    for (const code of ['par-axe', 'par-thematique', 'par-statut', 'statut-par-region']) {
      await page.locator(`[data-testid="graphique-${code}"][data-drawn="true"] svg`).waitFor();
    }
    await page.locator('[data-testid="carte-svg"][data-drawn="true"] svg').waitFor();
    // The stacked bars of the bilan: one row per region in the table twin.
    const regionRows = page.locator('[data-chart="statut-par-region"] tbody tr');
    expect(await regionRows.count()).toBe(18);
    const thematiques = page.locator('[data-chart="par-thematique"] tbody tr');
    expect(await thematiques.count()).toBe(15);
    const total = await page.locator('[role="status"]').first().textContent();
    expect(total).toMatch(/actions retenues/);
    expect(await page.locator('.fr-notice').first().textContent()).toContain('Données de démonstration');
    await checkAccessibility(page, 'tableau de bord national');
    // The map's table is built when opened: one row per territory.
    const mapTable = page.locator('details', { hasText: 'Tableau des données de la carte' });
    await mapTable.locator('summary').click();
    await expect.poll(() => mapTable.locator('tbody tr').count()).toBe(183);

    // Filter on a region: the URL carries it and the table follows.
    await page.locator('#filtre-region').selectOption('84');
    await expect.poll(() => page.url()).toContain('region=84');
    await page.locator('[data-chart="statut-par-territoire"]').waitFor();
    const filtered = await page.locator('[role="status"]').first().textContent();
    expect(filtered).not.toBe(total);
    expect(errors).toEqual([]);
  });

  it('montre les financements, le foncier et la gouvernance du programme, égaux aux chiffres publiés', async () => {
    const { page, errors } = await open('/tableaux-de-bord');
    await ready(page);
    const section = page.locator('[data-testid="leviers"]');
    for (const lever of ['financements', 'foncier', 'gouvernance']) {
      await section.locator(`[data-lever="${lever}"]`).waitFor();
    }
    const money = await (await fetch(`${platform.url}/api/v1/financements/stats`)).json();
    const text = (await section.textContent()) ?? '';
    expect(text).toContain(
      `${money.ensemble.laureats} lauréats des dispositifs du programme, dont 163 du Fonds vert`,
    );
    expect(text).toMatch(/55 sites clés en main \(2\s942 ha\)/);
    expect(text).toMatch(/Binômes : 336 élus et 352 industriels/);
    expect(text).toMatch(/162 chefs de projet, dont 140 cofinancés/);
    expect(text).toMatch(/15 coordinateurs régionaux dans 14 régions/);
    expect(text).toMatch(/146 COPIL de lancement tenus/);
    expect(text).toContain('Données de démonstration');
    // Every figure the programme published is given back by the rows (calculé = publié).
    await section.locator('summary', { hasText: 'chiffres publiés' }).click();
    const rows = section.locator('details tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(15);
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allTextContents();
      expect(cells[0], (await row.locator('th').textContent()) ?? '').toBe(cells[1]);
    }
    await checkAccessibility(page, 'tableau de bord national, financements et gouvernance');

    // A region chosen in the filters: the figures follow it.
    const region = await (await fetch(`${platform.url}/api/v1/financements/stats?region=84`)).json();
    await page.locator('#filtre-region').selectOption('84');
    await expect
      .poll(() => section.locator('[data-lever="financements"]').textContent())
      .toContain(`${region.ensemble.laureats} lauréats`);
    expect(await section.textContent()).toMatch(/les filtres des actions .* ne s’y appliquent pas/);
    expect(errors).toEqual([]);
  });

  it('exporte les données d’un graphique en CSV, avec la source', async () => {
    const response = await fetch(`${platform.url}/api/v1/tableaux-de-bord/national.csv?graphique=par-axe`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("Axe;Nombre d'actions;Part des actions");
    expect(lines.slice(1, 6).map((l) => l.split(';')[0])).toEqual([
      'Compétences et attractivité',
      'Foncier industriel',
      'Innovation',
      'Transition écologique',
      'Transversal / non classé',
    ]);
    expect(text).toContain('Source : ');
  });

  it('imprime le tableau de bord national en PDF de deux pages', async () => {
    const started = Date.now();
    const response = await fetch(`${platform.url}/api/v1/tableaux-de-bord/national.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(2);
    console.info(`PDF du tableau de bord national : ${Date.now() - started} ms, ${bytes.length} octets`);
  });

  it('met les financements, le foncier et la gouvernance dans la page imprimée', async () => {
    const { page, errors } = await open('/impression/tableaux-de-bord/regions/84');
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 30_000 });
    const levers = page.locator('[data-testid="leviers"]');
    expect(await levers.locator('.pilote-lever').count()).toBe(3);
    expect(await levers.locator('a').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('tableaux de bord régional et territorial', () => {
  it('montre l’avancement par territoire de la région', async () => {
    const { page, errors } = await open('/tableaux-de-bord/regions/84');
    await ready(page);
    expect(await page.locator('main h1').textContent()).toBe('Tableau de bord — Auvergne-Rhône-Alpes');
    const rows = page.locator('[data-chart="statut-par-territoire"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await page.locator('#filtre-region').count()).toBe(0);
    await checkAccessibility(page, 'tableau de bord régional');
    expect(errors).toEqual([]);
  });

  it('montre le plan d’action d’un territoire par axe et par statut, filtrable par axe', async () => {
    const { page, errors } = await open('/tableaux-de-bord/territoires/ti-8413');
    await ready(page);
    await page.locator('[data-testid="graphique-statut-par-axe"][data-drawn="true"] svg').waitFor();
    expect(await page.locator('[data-chart="par-axe"] tbody tr').count()).toBe(5);
    // The territory's own laureates, sites and governance, as computed by the server.
    const [money, land, governance] = await Promise.all(
      ['financements', 'foncier', 'gouvernance'].map(async (m) =>
        (await fetch(`${platform.url}/api/v1/${m}/stats?territoire=ti-8413`)).json(),
      ),
    );
    const levers = page.locator('[data-testid="leviers"]');
    for (const lever of ['financements', 'foncier', 'gouvernance']) {
      await levers.locator(`[data-lever="${lever}"]`).waitFor();
    }
    expect(await levers.locator('[data-lever="financements"]').textContent()).toContain(
      `${money.ensemble.laureats} lauréat`,
    );
    expect(await levers.locator('[data-lever="foncier"]').textContent()).toContain(
      `${land.sites.sites} site`,
    );
    expect(await levers.locator('[data-lever="gouvernance"]').textContent()).toContain(
      `Binôme : ${governance.chiffres.elus} élu`,
    );
    await checkAccessibility(page, 'tableau de bord territorial');
    await page.locator('#filtre-axe').selectOption('foncier');
    await expect.poll(() => page.url()).toContain('axe=foncier');
    await expect
      .poll(async () =>
        page.locator('[data-chart="par-axe"] tbody tr').nth(0).locator('td').first().textContent(),
      )
      .toBe('0');
    expect(errors).toEqual([]);
  });

  it('refuse un filtre inconnu avec un message en français', async () => {
    const response = await fetch(`${platform.url}/api/v1/tableaux-de-bord/national?statut=fini`);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/Filtre « statut » : valeur « fini » inconnue/);
  });
});
