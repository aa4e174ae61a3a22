/**
 * Browser tests of the campaign pages (issue 5), in headless Chromium against the real platform with
 * the demonstration data: the chef de projet confirms an action in one click on the campaign page
 * of their territory; the national team reads the campaign dashboard (progress map and tables) and
 * the comparison of the two published campaigns with the transition matrix drawn and tabulated.
 * axe-core on every page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/auth';
import { checkAccessibility, launchBrowser, newPage } from '../helpers/browser';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let browser: Browser;
let campaign: string;
let territory: { id: string; nom: string };
const cookies: Record<string, { name: string; value: string }> = {};

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform({ data: 'demo' }), launchBrowser()]);
  // The demo campaign in progress, and one of its territories that still has actions to review.
  const { rows } = await platform.ctx.db.query<{ id: string; territoire_id: string }>(
    `SELECT c.id, ct.territoire_id FROM campagnes c
       JOIN campagne_territoires ct ON ct.campagne_id = c.id AND ct.signed_off_at IS NULL
      WHERE c.closed_at IS NULL
        AND (SELECT count(*) FROM actions a WHERE a.territoire_id = ct.territoire_id AND a.archived_at IS NULL)
          > (SELECT count(*) FROM campagne_revues r WHERE r.campagne_id = c.id AND r.territoire_id = ct.territoire_id) + 1
      ORDER BY ct.territoire_id LIMIT 1`,
  );
  campaign = rows[0]!.id;
  const nom = await platform.ctx.db.query<{ nom: string }>(
    'SELECT nom FROM territoires t JOIN perimetres p ON p.version = t.version AND p.courant WHERE t.id = $1',
    [rows[0]!.territoire_id],
  );
  territory = { id: rows[0]!.territoire_id, nom: nom.rows[0]!.nom };
  for (const [key, grant] of [
    ['chef', { role: 'territorial' as const, territoire: territory.id }],
    ['national', { role: 'national' as const }],
  ] as const) {
    const who = await signInAs(platform.ctx, [grant]);
    const [name, value] = who.cookie.split('=') as [string, string];
    cookies[key] = { name, value };
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function open(path: string, who: 'chef' | 'national'): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  await opened.page.context().addCookies([{ ...cookies[who]!, url: platform.url }]);
  await opened.page.goto(platform.url + path);
  return opened;
}

describe('campaign pages', () => {
  it('shows the chef de projet what remains to review and confirms an action in one click', async () => {
    const { page, errors } = await open('/campagnes', 'chef');
    await page.getByRole('heading', { level: 1, name: 'Campagnes de mise à jour' }).waitFor();
    await page
      .getByRole('link', { name: /Revoir et signer/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: new RegExp(territory.nom) }).waitFor();
    await expect(page.getByText('Données de démonstration').first().isVisible()).resolves.toBe(true);
    const heading = page.getByRole('heading', { level: 2, name: /^À revoir/ });
    const before = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(1);
    // Signing is not possible while actions remain.
    await expect(
      page.getByRole('button', { name: 'Signer la mise à jour du territoire' }).isDisabled(),
    ).resolves.toBe(true);
    await page
      .getByRole('button', { name: /^Confirmer « / })
      .first()
      .click();
    await page.getByText('Action confirmée.').waitFor();
    await page.getByRole('heading', { level: 2, name: `À revoir (${before - 1})` }).waitFor();
    await checkAccessibility(page, 'page de campagne du territoire');
    expect(errors).toEqual([]);
  });

  it('shows the national dashboard: progress figures, map, regions and territories', async () => {
    const { page, errors } = await open(`/campagnes/${campaign}`, 'national');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Avancement par région' }).waitFor();
    await page.locator('[data-testid="carte-campagne"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await expect(page.getByText(/territoires signés/).isVisible()).resolves.toBe(true);
    expect(
      await page
        .getByRole('table', { name: /Avancement par territoire/ })
        .locator('tbody tr')
        .count(),
    ).toBe(183);
    await page.getByRole('button', { name: 'Envoyer un rappel aux territoires non signés' }).waitFor();
    await page.getByRole('table', { name: 'Actions bloquées par territoire' }).waitFor();
    await checkAccessibility(page, 'tableau de bord de campagne');
    expect(errors).toEqual([]);
  });

  it('compares the two published campaigns with the transition matrix drawn and tabulated', async () => {
    const { page, errors } = await open('/campagnes/comparaison', 'national');
    await page.getByRole('heading', { level: 2, name: 'Matrice de transition des statuts' }).waitFor();
    await expect(
      page
        .getByRole('img', { name: /Matrice de transition des statuts entre Campagne de novembre 2023/ })
        .isVisible(),
    ).resolves.toBe(true);
    const table = page.getByRole('table', { name: /Transitions de statut entre/ });
    const amont = table.getByRole('row', { name: /^Amont \/ action à initier/ });
    // 367 actions stayed « Amont » from Nov. 2023 to Nov. 2024; 145 went to « En étude ».
    await expect(amont.locator('td').nth(0).textContent()).resolves.toBe('367');
    await expect(amont.locator('td').nth(1).textContent()).resolves.toBe('145');
    expect(await page.locator('.pilote-kpis').first().textContent()).toMatch(
      /2\s429\s*→\s*2\s812 actions \(\+383\)/,
    );
    await checkAccessibility(page, 'comparaison de campagnes');
    expect(errors).toEqual([]);
  });
});
