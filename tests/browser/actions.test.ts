/**
 * Browser tests of the action-plan pages (issue 3), in headless Chromium against the real platform
 * with the demonstration data: a territory's plan (filter, search, open a sheet), editing a sheet
 * and reading its history, the import preview with an error; axe-core on every page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/auth';
import { checkAccessibility, launchBrowser, newPage } from '../helpers/browser';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let browser: Browser;
let cookie: { name: string; value: string };

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ data: 'demo' }), launchBrowser()]);
  const who = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8405' }], {
    name: 'Camille Cheffe',
  });
  const [name, value] = who.cookie.split('=') as [string, string];
  cookie = { name, value };
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  await opened.page.context().addCookies([{ ...cookie, url: platform.url }]);
  await opened.page.goto(platform.url + path);
  return opened;
}

describe('first load', () => {
  it('asks for the signed-in person, the territory and the page of actions once each, before the page’s code', async () => {
    const opened = await newPage(browser);
    await opened.page.context().addCookies([{ ...cookie, url: platform.url }]);
    const calls: string[] = [];
    opened.page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/') || url.pathname.includes('/TerritoireActionsPage'))
        calls.push(url.pathname + url.search);
    });
    await opened.page.goto(`${platform.url}/territoires/ti-8405/actions?statut=en-cours`);
    await opened.page.locator('table tbody tr').first().waitFor();
    await opened.page.waitForLoadState('networkidle');
    const count = (path: string) => calls.filter((c) => c === path).length;
    expect(count('/api/v1/comptes/moi')).toBe(1);
    expect(count('/api/v1/territoires/ti-8405')).toBe(1);
    expect(count('/api/v1/actions?ti=ti-8405&statut=en-cours&page=1&limit=25')).toBe(1);
    // Asked for by the entry, before the page's own code was even requested.
    const page = calls.findIndex((c) => c.includes('/TerritoireActionsPage'));
    expect(page).toBeGreaterThan(calls.indexOf('/api/v1/actions?ti=ti-8405&statut=en-cours&page=1&limit=25'));
    expect(opened.errors).toEqual([]);
    await opened.page.context().close();
  });
});

describe("a territory's action plan", () => {
  it('lists, filters, searches and opens a sheet', async () => {
    const { page, errors } = await open('/territoires/ti-8405/actions');
    await page.getByRole('heading', { level: 1, name: "Plan d'action — Grand Annecy" }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    await expect(page.getByText('Données de démonstration').first().isVisible()).resolves.toBe(true);
    const total = await rows.count();
    expect(total).toBeGreaterThan(3);
    await checkAccessibility(page, 'plan d’action');

    await page.getByRole('combobox', { name: 'Statut', exact: true }).selectOption('en-cours');
    await page.waitForURL(/statut=en-cours/);
    // The previous rows stay on screen until the filtered page arrives: wait until every row has the status.
    await expect
      .poll(() =>
        page
          .locator('table tbody tr')
          .evaluateAll((trs) =>
            trs.every((tr) =>
              [...tr.querySelectorAll('td')].some((td) => td.textContent === 'En cours de réalisation'),
            ),
          ),
      )
      .toBe(true);

    await page.getByLabel('Rechercher (intitulé, description, porteur…)').fill('zzzz introuvable');
    await page
      .getByRole('form', { name: 'Filtrer les actions' })
      .getByRole('button', { name: 'Rechercher' })
      .click();
    await page.getByText('Aucune action ne correspond.').waitFor();
    await page.goBack();
    await page.locator('table tbody tr').first().waitFor();

    const link = page.locator('table tbody tr th a').first();
    const title = (await link.textContent())!;
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    await checkAccessibility(page, 'fiche action');
    expect(errors).toEqual([]);
  });
});

describe('editing a sheet', () => {
  it('saves a change, with validation messages, and shows it in the history', async () => {
    const item = (
      await platform.ctx.db.query<{ id: string }>(
        "SELECT id FROM actions WHERE territoire_id = 'ti-8405' AND archived_at IS NULL ORDER BY title LIMIT 1",
      )
    ).rows[0]!;
    const { page, errors } = await open(`/actions/${item.id}`);
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByRole('heading', { name: 'Modifier la fiche' }).waitFor();
    await checkAccessibility(page, 'formulaire de la fiche');
    await page.getByLabel('Date de début').fill('2025-06-01');
    await page.getByLabel('Date de fin').fill('2025-01-01');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('la date de fin précède la date de début').first().waitFor();
    await page.getByLabel('Date de fin').fill('2026-01-01');
    await page.getByLabel('Porteur').fill('Syndicat mixte du Genevois');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await page.getByText('Syndicat mixte du Genevois').first().waitFor();
    const history = page.locator('.pilote-timeline li').first();
    await expect(history.textContent()).resolves.toMatch(/Camille Cheffe/);
    await page.locator('.pilote-timeline', { hasText: 'Porteur' }).waitFor();
    await expect(page.locator('.pilote-timeline').textContent()).resolves.toMatch(
      /Porteur : .* → Syndicat mixte du Genevois/,
    );
    // The browser logs the refused save (400, validation) as a failed resource: that one is expected.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });
});

describe('import', () => {
  it('shows the preview with every error line and column, and writes nothing', async () => {
    const { page, errors } = await open('/actions/import?ti=ti-8405');
    await page.getByRole('heading', { level: 1, name: "Importer un plan d'action" }).waitFor();
    await checkAccessibility(page, 'import');
    await page.getByLabel("Fichier du plan d'action").setInputFiles({
      name: 'plan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Intitulé;Statut;Budget\nNouvelle action du navigateur;En cours;10 000 €\nAction au statut inconnu;fini;\n',
      ),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier (aperçu)' }).click();
    await page.getByText('1 erreur à corriger').waitFor();
    const errorRow = page.locator('table', { hasText: 'Erreur' }).locator('tbody tr').first();
    await expect(errorRow.textContent()).resolves.toMatch(/^3Statutvaleur « fini » inconnue/);
    await page.locator('table', { hasText: 'Sort' }).getByText('Nouvelle action du navigateur').waitFor();
    expect(await page.getByRole('button', { name: /Confirmer l'import/ }).count()).toBe(0);
    await checkAccessibility(page, 'aperçu de l’import');
    const created = await platform.ctx.db.query(
      "SELECT 1 FROM actions WHERE title = 'Nouvelle action du navigateur'",
    );
    expect(created.rows).toHaveLength(0);
    expect(errors).toEqual([]);
  });
});
