/**
 * Browser tests of offers & parcours (issue 7), in headless Chromium against the real platform with
 * the demonstration data: the catalogue and an offer page, the parcours panel of a real demo action,
 * a request from creation by the chef de projet to the operator's favourable answer, the inboxes and
 * the uptake dashboard — each page with the axe accessibility check.
 * Build the web app into your own folder and point WEB_DIR at it (see docs/wave2-brief.md).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../src/domain/comptes/policy';
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

/** A page signed in with these grants (the session cookie set in the browser). */
async function openAs(grants: Grant[] | null, path: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage(browser);
  if (grants) {
    const who = await signInAs(platform.ctx, grants, {
      name: grants[0]!.role === 'partner' ? 'Dominique Partenaire' : 'Camille Cheffe',
    });
    const [name, value] = who.cookie.split('=') as [string, string];
    await opened.page.context().addCookies([{ name, value, url: platform.url }]);
  }
  await opened.page.goto(platform.url + path);
  return opened;
}

describe('catalogue des offres', () => {
  it('cherche une offre, ouvre sa fiche, et passe le contrôle d’accessibilité', async () => {
    const { page, errors } = await openAs(null, '/offres');
    await page.getByRole('heading', { level: 1, name: 'Offre de services' }).waitFor();
    await page.getByText(/\d+ offres sur \d+/).waitFor();
    await checkAccessibility(page, 'catalogue');
    await page.getByLabel('Mots recherchés').fill('friche');
    await page
      .getByRole('form', { name: 'Rechercher dans le catalogue' })
      .getByRole('button', { name: 'Rechercher' })
      .click();
    await page.getByRole('link', { name: 'Fonds vert – Recyclage des friches' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fonds vert – Recyclage des friches' }).waitFor();
    expect(await page.getByText('Thématiques : Requalification friche').count()).toBe(1);
    await checkAccessibility(page, 'fiche offre');
    expect(errors).toEqual([]);
  });
});

describe('parcours et sollicitation', () => {
  it('montre le parcours d’une action, puis une sollicitation va de la création à la réponse favorable', async () => {
    const { rows } = await platform.ctx.db.query<{ id: string; territoire_id: string; title: string }>(
      `SELECT id, territoire_id, title FROM actions WHERE demo AND archived_at IS NULL
          AND 'transition-energetique' = ANY (thematiques) AND statut = 'en-cours' ORDER BY id LIMIT 1`,
    );
    const action = rows[0]!;

    // The chef de projet sees the ranked offers with their reasons, and asks the first operator.
    const chef = await openAs(
      [{ role: 'territorial', territoire: action.territoire_id }],
      `/actions/${action.id}/parcours`,
    );
    const panel = chef.page.getByTestId('parcours-panel');
    await panel
      .getByText(/^Pourquoi :/)
      .first()
      .waitFor();
    expect(await panel.getByText(/Pourquoi : thématiques? .*Transition énergétique/).count()).toBeGreaterThan(
      0,
    );
    await checkAccessibility(chef.page, 'parcours d’une action');
    // The territory records that it requested one of these offers.
    await panel.getByLabel('Résultat').selectOption('demandee');
    await panel.getByRole('button', { name: 'Enregistrer le recours' }).click();
    await panel.getByText('Recours enregistré.').waitFor();
    await panel
      .getByRole('table', { name: /Offres demandées, obtenues ou refusées/ })
      .getByText('Demandée')
      .first()
      .waitFor();
    await panel
      .getByRole('button', { name: /^Solliciter un appui : / })
      .first()
      .click();
    await chef.page
      .getByLabel('Votre demande')
      .fill('Nous cherchons un appui pour le raccordement au réseau de chaleur.');
    await checkAccessibility(chef.page, 'formulaire de sollicitation');
    await chef.page.getByRole('button', { name: 'Envoyer la sollicitation' }).click();
    await chef.page.waitForURL(/\/sollicitations\/[0-9a-f-]{36}$/);
    await chef.page.getByText('Nous cherchons un appui pour le raccordement au réseau de chaleur.').waitFor();
    const requestUrl = new URL(chef.page.url()).pathname;
    const { rows: created } = await platform.ctx.db.query<{ organisation: string }>(
      'SELECT organisation FROM sollicitations WHERE id = $1',
      [requestUrl.split('/').at(-1)],
    );
    const organisation = created[0]!.organisation;
    await checkAccessibility(chef.page, 'page de sollicitation (territoire)');

    // The operator finds it in its workspace, takes it under review, then answers favourably.
    const partner = await openAs([{ role: 'partner', organisation }], '/sollicitations');
    await partner.page.getByRole('link', { name: /— .*/ }).first().waitFor();
    await checkAccessibility(partner.page, 'espace partenaire');
    await partner.page.goto(platform.url + requestUrl);
    await partner.page.getByRole('button', { name: 'Prendre en instruction' }).click();
    await partner.page.getByText('Fait : prendre en instruction.').waitFor();
    await partner.page
      .getByLabel('Message joint (facultatif)')
      .fill('Accord : notre chargé d’affaires vous appelle cette semaine.');
    await partner.page.getByRole('button', { name: 'Répondre favorablement' }).click();
    await partner.page.getByText('Fait : répondre favorablement.').waitFor();
    await partner.page.locator('.fr-badge', { hasText: 'Favorable' }).first().waitFor();
    await checkAccessibility(partner.page, 'page de sollicitation (opérateur)');

    // Back on the chef de projet's side: the answer is in the thread, the request in the sent box.
    await chef.page.goto(platform.url + requestUrl);
    await chef.page.getByText('Accord : notre chargé d’affaires vous appelle cette semaine.').waitFor();
    await chef.page.goto(`${platform.url}/sollicitations`);
    await chef.page.getByRole('table').getByText('Favorable').first().waitFor();
    await checkAccessibility(chef.page, 'sollicitations envoyées');
    expect([...chef.errors, ...partner.errors]).toEqual([]);
  });

  it('montre le parcours d’un territoire et le tableau des recours, accessibles', async () => {
    const { rows } = await platform.ctx.db.query<{ territoire_id: string; region_code: string }>(
      "SELECT territoire_id, region_code FROM actions WHERE demo AND region_code = '93' ORDER BY id LIMIT 1",
    );
    const { page, errors } = await openAs(
      [{ role: 'regional', region: rows[0]!.region_code }],
      `/territoires/${rows[0]!.territoire_id}/parcours`,
    );
    await page.getByRole('table').waitFor();
    await checkAccessibility(page, 'parcours d’un territoire');
    // The action sheet carries the same panel.
    const { rows: sheet } = await platform.ctx.db.query<{ id: string }>(
      'SELECT id FROM actions WHERE demo AND territoire_id = $1 AND archived_at IS NULL ORDER BY id LIMIT 1',
      [rows[0]!.territoire_id],
    );
    await page.goto(`${platform.url}/actions/${sheet[0]!.id}`);
    await page
      .getByTestId('parcours-panel')
      .getByText(/offres? correspondantes?|Aucune offre/)
      .first()
      .waitFor();
    await checkAccessibility(page, 'fiche action avec parcours');
    await page.goto(`${platform.url}/offres/recours?region=93`);
    await page.getByRole('table', { name: /Sollicitations par région/ }).waitFor();
    expect(
      await page
        .getByRole('row', { name: /Provence-Alpes-Côte d’Azur|Provence/ })
        .first()
        .textContent(),
    ).toMatch(/140 \(80 % favorables\)/);
    await checkAccessibility(page, 'recours aux offres');
    expect(errors).toEqual([]);
  });
});
