/**
 * Browser tests of the account pages (issue 4) in headless Chromium against the real platform: sign
 * in with a password, « Mon compte » with roles and sessions, invite someone from the user
 * administration, read the invitation in the outbox, the invitee chooses a password and lands signed
 * in, the audit journal shows it all, sign out from the header. Every page passes axe-core.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/comptes/passwords';
import { checkAccessibility, launchBrowser, newPage } from '../helpers/browser';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let browser: Browser;
let page: Page;
const PASSWORD = 'phrase de passe du test navigateur';

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  const { rows } = await platform.ctx.db.query<{ id: string }>(
    "INSERT INTO users (email, display_name, password_hash) VALUES ('nationale@example.fr', 'Claire Nationale', $1) RETURNING id",
    [await hashPassword(PASSWORD)],
  );
  await platform.ctx.db.query("INSERT INTO user_grants (user_id, role) VALUES ($1, 'national')", [
    rows[0]!.id,
  ]);
  page = (await newPage(browser)).page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function signIn(p: Page, email: string, password: string) {
  await p.goto(`${platform.url}/connexion`);
  await p.getByLabel('Adresse électronique').fill(email);
  await p.getByLabel('Mot de passe', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

describe('comptes dans le navigateur', () => {
  it('refuse un mauvais mot de passe en français, sans dire si l’adresse existe', async () => {
    await signIn(page, 'nationale@example.fr', 'pas le bon mot de passe');
    await expect.poll(() => page.getByText('Adresse électronique ou mot de passe incorrect').count()).toBe(1);
    await checkAccessibility(page, 'connexion');
  });

  it('connecte et montre « Mon compte » : rôles et sessions', async () => {
    await signIn(page, 'nationale@example.fr', PASSWORD);
    await page.waitForURL(/\/compte$/);
    await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
    expect(
      await page
        .getByText('Équipe nationale (Délégation aux Territoires d’industrie) — tout le programme')
        .count(),
    ).toBe(1);
    await page.getByText('Session actuelle').waitFor();
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBeGreaterThan(0);
    await checkAccessibility(page, 'mon compte');
  });

  it('invite une cheffe de projet ; le courriel est dans la boîte d’envoi', async () => {
    await page.goto(`${platform.url}/comptes/utilisateurs`);
    await page.getByRole('heading', { name: 'Gestion des comptes' }).waitFor();
    await page.getByLabel('Adresse électronique').fill('cheffe.arve@example.fr');
    await page.getByLabel('Prénom et nom').fill('Léa Cheffe');
    await page.getByLabel('Rôle à ajouter').selectOption('territorial');
    await page.getByLabel('Territoire d’industrie').selectOption('ti-8422');
    await page.getByRole('button', { name: 'Ajouter ce rôle' }).click();
    await checkAccessibility(page, 'gestion des comptes');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByText('Invitation envoyée à cheffe.arve@example.fr.').waitFor();
    await page.getByRole('rowheader', { name: /Léa Cheffe/ }).waitFor();
    await page.goto(`${platform.url}/comptes/boite-envoi`);
    await page.getByText(/Invitation à rejoindre Pilote TI.*cheffe\.arve@example\.fr/).waitFor();
    await checkAccessibility(page, 'boîte d’envoi');
  });

  it('l’invitée choisit son mot de passe par le lien reçu et arrive connectée', async () => {
    const { rows } = await platform.ctx.db.query<{ text_body: string }>(
      "SELECT text_body FROM outbox WHERE to_address = 'cheffe.arve@example.fr' ORDER BY id DESC LIMIT 1",
    );
    const link = /https?:\/\/\S+\/compte\/mot-de-passe\?jeton=[\w-]+/.exec(rows[0]!.text_body)![0];
    const invitee = (await newPage(browser)).page;
    await invitee.goto(platform.url + new URL(link).pathname + new URL(link).search);
    await invitee.getByRole('heading', { name: 'Activer mon compte' }).waitFor();
    await checkAccessibility(invitee, 'activer mon compte');
    await invitee.getByLabel('Nouveau mot de passe').fill('mon mot de passe de cheffe');
    await invitee.getByLabel('Confirmer le mot de passe').fill('mon mot de passe de cheffe');
    await invitee.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await invitee.waitForURL(/\/compte$/);
    await invitee.getByText(/territoire ti-8422/).waitFor();
    await invitee.context().close();
  });

  it('le journal montre l’invitation et l’activation ; déconnexion par l’en-tête', async () => {
    await page.goto(`${platform.url}/comptes/journal`);
    await page.getByRole('cell', { name: 'invitation', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: 'activation', exact: true }).count()).toBe(1);
    await checkAccessibility(page, 'journal');
    await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
    await page.getByText('Vous êtes déconnecté.').waitFor();
    const moi = await page.evaluate(() => fetch('/api/v1/comptes/moi').then((r) => r.json()));
    expect(moi).toEqual({ connecte: false });
  });

  it('mot de passe oublié : même réponse pour toute adresse', async () => {
    await page.goto(`${platform.url}/compte/mot-de-passe-oublie`);
    await page.getByLabel('Adresse électronique').fill('inconnue@example.fr');
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.getByText(/Si un compte actif correspond à cette adresse/).waitFor();
    await checkAccessibility(page, 'mot de passe oublié');
  });
});
