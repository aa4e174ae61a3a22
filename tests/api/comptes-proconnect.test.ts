import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUrl, configureProConnect } from '../../src/server/comptes/proconnect';
import { SIGNIN_ERRORS } from '../../src/web/comptes/messages';
import { signInAs } from '../helpers/auth';
import {
  followProviderRedirects,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../helpers/oidc-provider';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let provider: TestOidcProvider;

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false });
  provider = await startTestOidcProvider({
    redirectUri: callbackUrl(platform.ctx),
    postLogoutRedirectUri: `${platform.ctx.config.publicUrl}/connexion?deconnecte=1`,
  });
  configureProConnect(platform.ctx, {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: 'openid email given_name usual_name',
    acrValues: undefined,
  });
});
afterAll(async () => {
  await platform?.close();
  await provider?.close();
});

async function addUser(
  email: string,
  grants: { role: 'national' } | { role: 'territorial'; territoire: string },
  active = true,
) {
  const { rows } = await platform.ctx.db.query<{ id: string }>(
    'INSERT INTO users (email, display_name, active) VALUES ($1, $2, $3) RETURNING id',
    [email, 'Agent ProConnect', active],
  );
  await platform.ctx.db.query('INSERT INTO user_grants (user_id, role, territoire_id) VALUES ($1, $2, $3)', [
    rows[0]!.id,
    grants.role,
    grants.role === 'territorial' ? grants.territoire : null,
  ]);
  return rows[0]!.id;
}

/** The whole round trip: our start route → the provider (login, consent) → our callback. */
async function signInThroughProvider(email: string, retour = '/actions') {
  provider.nextLogin = email;
  const start = await platform.app.inject({
    url: `/api/v1/comptes/proconnect/connexion?retour=${encodeURIComponent(retour)}`,
  });
  expect(start.statusCode).toBe(302);
  const location = start.headers.location as string;
  expect(location.startsWith(provider.issuer)).toBe(true);
  const auth = new URL(location);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('nonce')).toBeTruthy();
  const flowCookie = start.cookies.find((c) => c.name === 'pilote_oidc')!;
  const back = await followProviderRedirects(location, callbackUrl(platform.ctx));
  const path = back.slice(platform.ctx.config.publicUrl.length);
  return platform.app.inject({ url: path, headers: { cookie: `pilote_oidc=${flowCookie.value}` } });
}

describe('connexion ProConnect (fournisseur OpenID Connect réel, local)', () => {
  it('annonce ProConnect comme moyen de connexion', async () => {
    expect((await platform.app.inject({ url: '/api/v1/comptes/methodes' })).json()).toEqual({
      motDePasse: true,
      proconnect: true,
    });
  });

  it('connecte une personne invitée (sans mot de passe) reconnue par son adresse', async () => {
    const id = await addUser('agente.invitee@example.fr', { role: 'territorial', territoire: 'ti-8422' });
    const res = await signInThroughProvider('Agente.Invitee@example.fr');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/actions');
    const session = res.cookies.find((c) => c.name === 'pilote_session')!;
    expect(session.httpOnly).toBe(true);
    const moi = await platform.app.inject({
      url: '/api/v1/comptes/moi',
      headers: { cookie: `pilote_session=${session.value}` },
    });
    expect(moi.json()).toMatchObject({
      connecte: true,
      id,
      roles: [{ role: 'territorial', territoire: 'ti-8422' }],
    });
    const sessions = await platform.app.inject({
      url: '/api/v1/comptes/moi/sessions',
      headers: { cookie: `pilote_session=${session.value}` },
    });
    expect(sessions.json().sessions[0].methode).toBe('ProConnect');
    // Signing out also ends the ProConnect session (RP-initiated logout with the ID token as hint).
    const out = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/deconnexion',
      headers: { cookie: `pilote_session=${session.value}`, 'x-csrf-token': moi.json().csrfToken },
    });
    const redirection = new URL(out.json().redirection);
    expect(redirection.href.startsWith(provider.issuer)).toBe(true);
    expect(redirection.searchParams.get('id_token_hint')).toBeTruthy();
    expect(redirection.searchParams.get('post_logout_redirect_uri')).toBe(
      `${platform.ctx.config.publicUrl}/connexion?deconnecte=1`,
    );
  });

  it('refuse en français une adresse inconnue ou un compte désactivé', async () => {
    const unknown = await signInThroughProvider('inconnu@example.fr');
    expect(unknown.statusCode).toBe(302);
    expect(unknown.headers.location).toBe('/connexion?erreur=proconnect-inconnu');
    expect(unknown.cookies.some((c) => c.name === 'pilote_session' && c.value)).toBe(false);
    await addUser('desactive@example.fr', { role: 'national' }, false);
    expect((await signInThroughProvider('desactive@example.fr')).headers.location).toBe(
      '/connexion?erreur=proconnect-inconnu',
    );
  });

  it('refuse une adresse que ProConnect ne dit pas vérifiée : message clair, trace au journal, compte intact', async () => {
    const id = await addUser('adresse.non.verifiee@example.fr', {
      role: 'territorial',
      territoire: 'ti-8422',
    });
    try {
      // The provider says `email_verified: false`: refused.
      provider.emailVerified = false;
      const res = await signInThroughProvider('adresse.non.verifiee@example.fr');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/connexion?erreur=proconnect-adresse-non-verifiee');
      expect(res.cookies.some((c) => c.name === 'pilote_session' && c.value)).toBe(false);
      // An unknown address gets the same answer (it reveals nothing about which accounts exist).
      provider.emailVerified = false;
      expect((await signInThroughProvider('personne.inconnue@example.fr')).headers.location).toBe(
        '/connexion?erreur=proconnect-adresse-non-verifiee',
      );
    } finally {
      provider.emailVerified = true;
    }
    // What the sign-in page shows for that code.
    expect(SIGNIN_ERRORS['proconnect-adresse-non-verifiee']).toBe(
      'Votre fournisseur d’identité indique que votre adresse électronique n’est pas vérifiée : la connexion est refusée. Faites vérifier votre adresse auprès de votre fournisseur d’identité (ProConnect), puis recommencez, ou connectez-vous avec votre mot de passe.',
    );
    // The national team reads the refusals in the journal, on the account they would have opened.
    const national = await signInAs(platform.ctx, [{ role: 'national' }]);
    const journal = await platform.app.inject({
      url: '/api/v1/comptes/journal?action=connexion-proconnect-refusee',
      headers: national.headers,
    });
    expect(journal.statusCode).toBe(200);
    const entries = journal.json().entrees as {
      identifiant: string | null;
      utilisateur: string | null;
      apres: unknown;
    }[];
    expect(entries.filter((e) => e.identifiant === id)).toHaveLength(1);
    expect(entries.find((e) => e.identifiant === id)).toMatchObject({
      utilisateur: null,
      apres: { motif: 'adresse-non-verifiee', email: 'adresse.non.verifiee@example.fr' },
    });
    expect(entries.find((e) => e.identifiant === null)).toMatchObject({
      apres: { motif: 'adresse-non-verifiee', email: 'personne.inconnue@example.fr' },
    });
    // The account was not touched (no sign-in recorded, not linked to the ProConnect identity).
    const { rows } = await platform.ctx.db.query<{
      last_login_at: Date | null;
      proconnect_sub: string | null;
    }>('SELECT last_login_at, proconnect_sub FROM users WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ last_login_at: null, proconnect_sub: null });
    // Once ProConnect vouches for the address, the same agent signs in.
    const ok = await signInThroughProvider('adresse.non.verifiee@example.fr');
    expect(ok.headers.location).toBe('/actions');
    expect(ok.cookies.some((c) => c.name === 'pilote_session' && c.value)).toBe(true);
  });

  it('accepte un agent dont le fournisseur ne dit rien de la vérification, comme ProConnect', async () => {
    await addUser('agent.proconnect@example.fr', { role: 'national' });
    provider.emailVerified = undefined;
    try {
      const res = await signInThroughProvider('agent.proconnect@example.fr');
      expect(res.headers.location).toBe('/actions');
      expect(res.cookies.some((c) => c.name === 'pilote_session' && c.value)).toBe(true);
    } finally {
      provider.emailVerified = true;
    }
  });

  it('refuse un retour sans le cookie du navigateur qui a commencé (state lié au navigateur)', async () => {
    await addUser('victime@example.fr', { role: 'national' });
    provider.nextLogin = 'victime@example.fr';
    const start = await platform.app.inject({ url: '/api/v1/comptes/proconnect/connexion' });
    const back = await followProviderRedirects(start.headers.location as string, callbackUrl(platform.ctx));
    const res = await platform.app.inject({ url: back.slice(platform.ctx.config.publicUrl.length) });
    expect(res.headers.location).toBe('/connexion?erreur=proconnect-session');
  });

  it('ne renvoie jamais vers un autre site après connexion', async () => {
    await addUser('redirection@example.fr', { role: 'national' });
    const res = await signInThroughProvider('redirection@example.fr', '//evil.example/phish');
    expect(res.headers.location).toBe('/');
  });
});
