/**
 * Browser tests of the funding, land and governance pages (issue 8), in headless Chromium against
 * the real platform with the demonstration data: the laureate and site maps draw every point
 * (clustered) with the same list as a table, the filters change both, the governance panel of a
 * territory shows no contact details to the public and shows them to an entitled user, the directory
 * asks visitors to sign in; every page passes axe-core without serious or critical violations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/comptes/sessions';
import { signInAs } from '../helpers/auth';
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

async function open(path: string, cookie?: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  if (cookie)
    await opened.page.context().addCookies([{ name: SESSION_COOKIE, value: cookie, url: platform.url }]);
  await opened.page.goto(platform.url + path);
  return opened;
}

async function waitForMap(page: Page, testId: string): Promise<number> {
  const map = page.locator(`[data-testid="${testId}"][data-ready="true"]`);
  await map.waitFor({ timeout: 30_000 });
  return Number(await map.getAttribute('data-points'));
}

/** Points in the map's source, counting each cluster's members. */
const pointsOnMap = (page: Page) =>
  page.evaluate(() => {
    const map = window.__piloteMap!;
    const features = map.querySourceFeatures('points');
    const seen = new Set<string>();
    let total = 0;
    for (const f of features) {
      const key =
        f.properties.cluster_id !== undefined ? `c${f.properties.cluster_id}` : String(f.properties.id);
      if (seen.has(key)) continue;
      seen.add(key);
      total += f.properties.point_count ?? 1;
    }
    return { total, clusters: features.some((f) => f.properties.point_count !== undefined) };
  });

describe('financements', () => {
  it('dessine les lauréats sur la carte, avec leur tableau, et filtre par dispositif', async () => {
    const { page, errors } = await open('/financements?dispositif=fonds-vert');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Financements : les lauréats');
    expect(await waitForMap(page, 'carte-laureats')).toBe(163);
    const drawn = await pointsOnMap(page);
    expect(drawn.total).toBe(163);
    expect(drawn.clusters).toBe(true);
    await expect.poll(() => page.locator('main').textContent()).toContain('163 lauréats');
    expect(await page.locator('main').textContent()).toContain('63,0 M€');
    expect(await page.locator('main').textContent()).toContain('Données de démonstration');
    expect(await page.locator('table caption', { hasText: 'Lauréats (la carte' }).count()).toBe(1);
    expect(await page.locator('table:has(caption:has-text("Lauréats (la carte")) tbody tr').count()).toBe(50);
    await checkAccessibility(page, '/financements');

    await page.getByLabel('Dispositif').selectOption('rebond-industriel');
    await page.waitForURL(/dispositif=rebond-industriel/);
    await expect
      .poll(() => page.locator('[data-testid="carte-laureats"]').getAttribute('data-points'))
      .not.toBe('163');
    await expect.poll(() => page.locator('main').textContent()).toContain('39,7 M€');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('import des lauréats', () => {
  it('vérifie un fichier pour l’équipe nationale et dit la ligne et la colonne de chaque erreur', async () => {
    const who = await signInAs(platform.ctx, [{ role: 'national' }]);
    const { page, errors } = await open('/financements', who.cookie.split('=')[1]);
    const input = page.getByLabel('Fichier CSV ou Excel (.xlsx)');
    await input.waitFor({ timeout: 20_000 });
    await input.setInputFiles({
      name: 'laureats.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Bénéficiaire;Code commune;Subvention;Dispositif;Année\nForges;99999;1000;Fonds vert;2024\n',
      ),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Ligne 2, colonne « Code commune » : code commune « 99999 » inconnu');
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    await checkAccessibility(page, '/financements (import)');
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
    await page.context().close();
  });
});

describe('foncier', () => {
  it('dessine les 55 sites clés en main et leurs chiffres publiés', async () => {
    const { page, errors } = await open('/foncier');
    await expect.poll(() => page.locator('main h1').textContent()).toContain('sites clés en main');
    expect(await waitForMap(page, 'carte-sites')).toBe(55);
    expect((await pointsOnMap(page)).total).toBe(55);
    // Intl separates thousands with a narrow no-break space.
    const text = (await page.locator('main').textContent())!.replace(/\s/g, ' ');
    expect(text).toContain('2 942 ha');
    expect(text).toContain('88 %');
    expect(
      await page.locator('table:has(caption:has-text("Sites clés en main (la carte")) tbody tr').count(),
    ).toBe(55);
    await checkAccessibility(page, '/foncier');
    await page.getByLabel('Maturité').selectOption('pret');
    await expect
      .poll(() => page.locator('[data-testid="carte-sites"]').getAttribute('data-points'))
      .toBe('6');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('gouvernance', () => {
  it('montre les chiffres de la gouvernance et demande de se connecter pour l’annuaire', async () => {
    const { page } = await open('/gouvernance');
    await expect.poll(() => page.locator('main').textContent()).toContain('élus dans les binômes');
    expect(await page.locator('main').textContent()).toContain('336');
    await checkAccessibility(page, '/gouvernance');
    await page.goto(`${platform.url}/annuaire`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Réservé aux personnes connectées');
    await checkAccessibility(page, '/annuaire');
    await page.context().close();
  });

  it('ouvre l’annuaire à une personne connectée, avec les coordonnées auxquelles elle a droit', async () => {
    const who = await signInAs(platform.ctx, [{ role: 'national' }]);
    const { page, errors } = await open('/annuaire?type=chef-de-projet', who.cookie.split('=')[1]);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('162 personnes (1 à 100 affichées)');
    expect(await page.locator('main a[href^="mailto:"]').count()).toBeGreaterThan(0);
    await checkAccessibility(page, '/annuaire');
    // The second page keeps the filter and shows the rest.
    await page.locator('nav.fr-pagination a[href*="page=2"]').first().click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('162 personnes (101 à 162 affichées)');
    expect(page.url()).toContain('type=chef-de-projet&page=2');
    expect(await page.locator('main table tbody tr').count()).toBe(62);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('montre la gouvernance d’un territoire sans coordonnées au public, avec pour un membre du territoire', async () => {
    const { rows } = await platform.ctx.db.query<{ territoire_id: string }>(
      'SELECT territoire_id FROM chefs_de_projet ORDER BY territoire_id LIMIT 1',
    );
    const ti = rows[0]!.territoire_id;
    const { page } = await open(`/territoires/${ti}`);
    const panel = page.locator('[data-testid="gouvernance"]');
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('Chef de projet');
    expect(await panel.textContent()).toContain('réservés aux personnes connectées');
    expect(await panel.locator('a[href^="mailto:"]').count()).toBe(0);
    await checkAccessibility(page, `/territoires/${ti}`);
    await page.context().close();

    const member = await signInAs(platform.ctx, [{ role: 'territorial', territoire: ti }]);
    const signed = await open(`/territoires/${ti}`, member.cookie.split('=')[1]);
    const own = signed.page.locator('[data-testid="gouvernance"]');
    await expect
      .poll(() => own.locator('a[href^="mailto:"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await signed.page.context().close();
  });
});
