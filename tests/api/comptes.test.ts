import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '../../src/domain/comptes/demo-accounts';
import { LOCKOUT_MS } from '../../src/domain/comptes/lockout';
import { demoAccountNotes, seedDemoAccounts } from '../../src/server/comptes/demo';
import { hashPassword } from '../../src/server/comptes/passwords';
import { SESSION_TTL_MS } from '../../src/server/comptes/sessions';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let now = new Date('2026-03-02T09:00:00Z');
const clock = { now: () => now };
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
let ipCounter = 1;
const freshIp = () => `10.0.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`;

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, clock });
});
afterAll(async () => {
  await platform?.close();
});

async function createUser(
  email: string,
  password: string,
  grants: { role: string; region?: string; territoire?: string }[] = [],
) {
  const { rows } = await platform.ctx.db.query<{ id: string }>(
    'INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id',
    [email, 'Personne test', await hashPassword(password)],
  );
  for (const g of grants) {
    await platform.ctx.db.query(
      'INSERT INTO user_grants (user_id, role, region_code, territoire_id) VALUES ($1, $2, $3, $4)',
      [rows[0]!.id, g.role, g.region ?? null, g.territoire ?? null],
    );
  }
  return rows[0]!.id;
}

const login = (email: string, motDePasse: string, ip = freshIp()) =>
  platform.app.inject({
    method: 'POST',
    url: '/api/v1/comptes/connexion',
    payload: { email, motDePasse },
    remoteAddress: ip,
  });

function sessionFrom(res: Awaited<ReturnType<typeof login>>) {
  const cookie = res.cookies.find((c) => c.name === 'pilote_session');
  if (!cookie) throw new Error(`pas de cookie de session (statut ${res.statusCode} : ${res.body})`);
  const csrf = res.json().csrfToken as string;
  return { cookie, headers: { cookie: `pilote_session=${cookie.value}`, 'x-csrf-token': csrf } };
}

const lastMailTo = async (email: string) =>
  (
    await platform.ctx.db.query<{ subject: string; text_body: string }>(
      'SELECT subject, text_body FROM outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1',
      [email],
    )
  ).rows[0];
const linkToken = (text: string) => /jeton=([\w-]+)/.exec(text)?.[1];

describe('connexion par mot de passe', () => {
  it('connecte, pose un cookie HTTP-only SameSite=Lax et renvoie le jeton CSRF', async () => {
    await createUser('agent@example.fr', 'une phrase de passe solide', [{ role: 'national' }]);
    const res = await login('Agent@Example.fr', 'une phrase de passe solide');
    expect(res.statusCode).toBe(200);
    const { cookie, headers } = sessionFrom(res);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy(); // Secure in production only
    const moi = await platform.app.inject({ url: '/api/v1/comptes/moi', headers });
    expect(moi.json()).toMatchObject({
      connecte: true,
      email: 'agent@example.fr',
      roles: [{ role: 'national' }],
    });
  });

  it('répond la même chose pour une adresse inconnue et un mauvais mot de passe', async () => {
    const unknown = await login('personne@example.fr', 'nimporte quoi du tout');
    const wrong = await login('agent@example.fr', 'mauvais mot de passe');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().message).toBe(wrong.json().message);
    expect(unknown.json().message).toContain('Adresse électronique ou mot de passe incorrect');
  });

  it('signale un champ manquant en le nommant', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/connexion',
      payload: { email: 'a@b.fr' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('motDePasse');
  });

  it('bloque le compte 15 minutes après 5 échecs, sans le dire à un tiers', async () => {
    await createUser('bloque@example.fr', 'le bon mot de passe ici');
    for (let i = 0; i < 5; i++)
      expect((await login('bloque@example.fr', 'mauvais essai numero')).statusCode).toBe(401);
    const locked = await login('bloque@example.fr', 'le bon mot de passe ici');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().message).toBe((await login('inconnu@example.fr', 'x')).json().message);
    advance(LOCKOUT_MS + 1000);
    expect((await login('bloque@example.fr', 'le bon mot de passe ici')).statusCode).toBe(200);
    const { rows } = await platform.ctx.db.query("SELECT 1 FROM audit_log WHERE action = 'verrouillage'");
    expect(rows.length).toBe(1);
  });

  it('limite le nombre de tentatives par adresse IP (429), pour toutes les instances (compteur en base)', async () => {
    const ip = '192.0.2.77';
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await login(`x${i}@example.fr`, 'essai', ip)).statusCode;
    expect(last).toBe(429);
    const res = await login('agent@example.fr', 'une phrase de passe solide', ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toContain('Trop de tentatives');
    expect((await login('agent@example.fr', 'une phrase de passe solide')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('expirent après la durée prévue (401 sur les routes protégées, public toujours servi)', async () => {
    const { headers } = sessionFrom(await login('agent@example.fr', 'une phrase de passe solide'));
    expect((await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers })).statusCode).toBe(
      200,
    );
    advance(SESSION_TTL_MS + 1000);
    const expired = await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toContain('Session expirée');
    expect((await platform.app.inject({ url: '/api/v1/comptes/moi', headers })).json()).toEqual({
      connecte: false,
    });
  });

  it('une session falsifiée répond 401', async () => {
    const res = await platform.app.inject({
      url: '/api/v1/comptes/moi/sessions',
      headers: { cookie: 'pilote_session=forge' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('la déconnexion révoque la session côté serveur', async () => {
    const { headers } = sessionFrom(await login('agent@example.fr', 'une phrase de passe solide'));
    // Read once first: the session is now in this instance's short memory cache, which must forget it.
    expect((await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers })).statusCode).toBe(
      200,
    );
    const out = await platform.app.inject({ method: 'POST', url: '/api/v1/comptes/deconnexion', headers });
    expect(out.statusCode).toBe(200);
    expect((await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers })).statusCode).toBe(
      401,
    );
  });

  it('« mon compte » liste les sessions et en ferme une autre', async () => {
    const a = sessionFrom(await login('agent@example.fr', 'une phrase de passe solide'));
    const b = sessionFrom(await login('agent@example.fr', 'une phrase de passe solide'));
    const list = (
      await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers: a.headers })
    ).json().sessions as {
      id: number;
      courante: boolean;
    }[];
    expect(list.filter((s) => s.courante)).toHaveLength(1);
    const other = list.find((s) => !s.courante)!;
    const del = await platform.app.inject({
      method: 'DELETE',
      url: `/api/v1/comptes/moi/sessions/${other.id}`,
      headers: a.headers,
    });
    expect(del.statusCode).toBe(200);
    // Whichever session was closed no longer works; the current one does.
    expect(
      (await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers: a.headers })).statusCode,
    ).toBe(200);
    const stillB = (await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers: b.headers }))
      .statusCode;
    expect([200, 401]).toContain(stillB);
  });

  it('une écriture sans jeton CSRF est refusée (403) et ne change rien', async () => {
    const national = await signInAs(platform.ctx, [{ role: 'national' }]);
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/utilisateurs',
      headers: { cookie: national.cookie },
      payload: { email: 'csrf@example.fr', nom: 'X', roles: [{ role: 'national' }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('CSRF');
    const { rows } = await platform.ctx.db.query("SELECT 1 FROM users WHERE email = 'csrf@example.fr'");
    expect(rows).toHaveLength(0);
  });
});

describe('réinitialisation du mot de passe', () => {
  it('même réponse que l’adresse existe ou non ; le lien est à usage unique', async () => {
    const ask = (email: string) =>
      platform.app.inject({
        method: 'POST',
        url: '/api/v1/comptes/mot-de-passe-oublie',
        payload: { email },
        remoteAddress: freshIp(),
      });
    const known = await ask('agent@example.fr');
    const unknown = await ask('fantome@example.fr');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    expect(await lastMailTo('fantome@example.fr')).toBeUndefined();
    const mail = await lastMailTo('agent@example.fr');
    expect(mail?.subject).toContain('réinitialisation');
    const token = linkToken(mail!.text_body)!;
    const check = await platform.app.inject({ url: `/api/v1/comptes/lien?jeton=${token}` });
    expect(check.json()).toEqual({ objet: 'reinitialisation', email: 'agent@example.fr' });
    const short = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/mot-de-passe',
      payload: { jeton: token, motDePasse: 'court' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('12 caractères');
    const set = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/mot-de-passe',
      payload: { jeton: token, motDePasse: 'un tout nouveau mot de passe' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.cookies.some((c) => c.name === 'pilote_session')).toBe(true);
    const again = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/mot-de-passe',
      payload: { jeton: token, motDePasse: 'encore un autre mot de passe' },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().message).toContain('plus valable');
    expect((await login('agent@example.fr', 'une phrase de passe solide')).statusCode).toBe(401);
    expect((await login('agent@example.fr', 'un tout nouveau mot de passe')).statusCode).toBe(200);
  });

  it('le lien expire après une heure', async () => {
    await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/mot-de-passe-oublie',
      payload: { email: 'agent@example.fr' },
    });
    const token = linkToken((await lastMailTo('agent@example.fr'))!.text_body)!;
    advance(61 * 60 * 1000);
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/mot-de-passe',
      payload: { jeton: token, motDePasse: 'un mot de passe trop tard' },
    });
    expect(res.statusCode).toBe(410);
  });
});

describe('invitations et administration des comptes', () => {
  it('le national invite ; l’invité choisit son mot de passe et se connecte', async () => {
    const national = await signInAs(platform.ctx, [{ role: 'national' }]);
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/utilisateurs',
      headers: national.headers,
      payload: {
        email: 'nouvelle@example.fr',
        nom: 'Nouvelle Cheffe',
        roles: [{ role: 'territorial', territoire: 'ti-8422' }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'nouvelle@example.fr',
      invitationEnAttente: true,
      roles: [{ role: 'territorial', territoire: 'ti-8422' }],
    });
    const mail = await lastMailTo('nouvelle@example.fr');
    expect(mail?.subject).toContain('Invitation');
    const token = linkToken(mail!.text_body)!;
    expect((await platform.app.inject({ url: `/api/v1/comptes/lien?jeton=${token}` })).json().objet).toBe(
      'invitation',
    );
    const set = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/mot-de-passe',
      payload: { jeton: token, motDePasse: 'mon premier mot de passe' },
    });
    expect(set.statusCode).toBe(200);
    const audit = await platform.ctx.db.query<{ action: string; territoire_id: string | null }>(
      `SELECT action, territoire_id FROM audit_log WHERE entity = 'compte' AND action IN ('invitation', 'activation') ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['invitation', 'activation']);
    expect(audit.rows[0]!.territoire_id).toBe('ti-8422');
    const dup = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/utilisateurs',
      headers: national.headers,
      payload: { email: 'NOUVELLE@example.fr', nom: 'Doublon', roles: [{ role: 'national' }] },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('la coordination régionale n’invite que dans sa région', async () => {
    const ara = await signInAs(platform.ctx, [{ role: 'regional', region: '84' }]);
    const invite = (roles: unknown[], email: string) =>
      platform.app.inject({
        method: 'POST',
        url: '/api/v1/comptes/utilisateurs',
        headers: ara.headers,
        payload: { email, nom: 'X', roles },
      });
    expect(
      (await invite([{ role: 'territorial', territoire: 'ti-8413' }], 'ok84@example.fr')).statusCode,
    ).toBe(201);
    const outside = await invite([{ role: 'regional', region: '11' }], 'idf@example.fr');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toContain('hors de votre périmètre');
    expect((await invite([{ role: 'national' }], 'nat@example.fr')).statusCode).toBe(403);
    const bad = await invite([{ role: 'territorial', territoire: 'ti-0000' }], 'bad@example.fr');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Rôle n° 1 : territoire « ti-0000 » inconnu');
    const list = await platform.app.inject({ url: '/api/v1/comptes/utilisateurs', headers: ara.headers });
    const emails = (list.json().utilisateurs as { email: string }[]).map((u) => u.email);
    expect(emails).toContain('ok84@example.fr');
    expect(emails).not.toContain('agent@example.fr');
  });

  it('change les rôles, désactive (sessions fermées), tout est journalisé', async () => {
    const national = await signInAs(platform.ctx, [{ role: 'national' }]);
    const target = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8422' }]);
    const put = await platform.app.inject({
      method: 'PUT',
      url: `/api/v1/comptes/utilisateurs/${target.userId}/roles`,
      headers: national.headers,
      payload: { roles: [{ role: 'partner', organisation: 'bpifrance' }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().roles[0]).toMatchObject({
      role: 'partner',
      organisation: 'bpifrance',
      organisationLibelle: expect.any(String),
    });
    const off = await platform.app.inject({
      method: 'POST',
      url: `/api/v1/comptes/utilisateurs/${target.userId}/desactivation`,
      headers: national.headers,
    });
    expect(off.json().actif).toBe(false);
    expect(
      (await platform.app.inject({ url: '/api/v1/comptes/moi/sessions', headers: target.headers }))
        .statusCode,
    ).toBe(401);
    const journal = await platform.app.inject({
      url: `/api/v1/comptes/journal?entite=compte&parPage=5`,
      headers: national.headers,
    });
    const actions = (
      journal.json().entrees as { action: string; identifiant: string; avant: unknown }[]
    ).filter((e) => e.identifiant === target.userId);
    expect(actions.map((a) => a.action)).toEqual(['desactivation', 'changement-roles']);
    expect(actions[1]!.avant).toEqual({ roles: [{ role: 'territorial', territoire: 'ti-8422' }] });
  });

  it('un autre territoire ou une autre région ne voit pas le compte (404)', async () => {
    const target = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8422' }]);
    const idf = await signInAs(platform.ctx, [{ role: 'regional', region: '11' }]);
    const res = await platform.app.inject({
      method: 'POST',
      url: `/api/v1/comptes/utilisateurs/${target.userId}/desactivation`,
      headers: idf.headers,
    });
    expect(res.statusCode).toBe(404);
    const territorial = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8413' }]);
    const list = await platform.app.inject({
      url: '/api/v1/comptes/utilisateurs',
      headers: territorial.headers,
    });
    expect(list.statusCode).toBe(403);
    expect(list.json().message).toContain('Accès refusé');
  });
});

describe('journal et boîte d’envoi', () => {
  it('le territorial ne voit que le journal de son territoire ; export CSV pour le national', async () => {
    const cdp = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8422' }]);
    const res = await platform.app.inject({ url: '/api/v1/comptes/journal', headers: cdp.headers });
    expect(res.statusCode).toBe(200);
    const entries = res.json().entrees as { territoire: string | null }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.territoire === 'ti-8422')).toBe(true);
    const national = await signInAs(platform.ctx, [{ role: 'national' }]);
    const csv = await platform.app.inject({
      url: '/api/v1/comptes/journal.csv?action=invitation',
      headers: national.headers,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Date;Utilisateur;Adresse IP;Action');
    expect(csv.body).toContain('invitation');
    const regional = await signInAs(platform.ctx, [{ role: 'regional', region: '84' }]);
    expect(
      (await platform.app.inject({ url: '/api/v1/comptes/journal', headers: regional.headers })).statusCode,
    ).toBe(403);
  });

  it('la boîte d’envoi est réservée au national', async () => {
    const national = await signInAs(platform.ctx, [{ role: 'national' }]);
    const res = await platform.app.inject({
      url: '/api/v1/comptes/outbox?destinataire=nouvelle',
      headers: national.headers,
    });
    expect(res.json()).toMatchObject({
      modeEnvoi: 'boite-envoi',
      courriels: [{ destinataire: 'nouvelle@example.fr', statut: 'outbox' }],
    });
    expect((await platform.app.inject({ url: '/api/v1/comptes/outbox' })).statusCode).toBe(401);
    const cdp = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8422' }]);
    expect(
      (await platform.app.inject({ url: '/api/v1/comptes/outbox', headers: cdp.headers })).statusCode,
    ).toBe(403);
  });

  it('le journal refuse toute modification', async () => {
    await expect(platform.ctx.db.query('DELETE FROM audit_log')).rejects.toThrow();
  });
});

describe('sécurité', () => {
  it('une erreur interne ne montre ni pile ni SQL', async () => {
    const national = await signInAs(platform.ctx, [{ role: 'national' }]);
    const original = platform.ctx.db.query.bind(platform.ctx.db);
    platform.ctx.db.query = (async (text: string, params?: readonly unknown[]) => {
      if (text.includes('FROM users u'))
        throw new Error('relation "users_x" does not exist at SELECT u.id FROM users u');
      return original(text, params);
    }) as typeof platform.ctx.db.query;
    try {
      const res = await platform.app.inject({
        url: '/api/v1/comptes/utilisateurs',
        headers: national.headers,
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/SELECT|relation|users_x|at \w+ \(|\.ts:/);
      expect(res.json().message).toContain('Erreur interne');
    } finally {
      platform.ctx.db.query = original;
    }
  });

  it('pose les en-têtes de sécurité et limite la taille des requêtes', async () => {
    const res = await platform.app.inject({ url: '/api/v1/comptes/moi' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const big = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/comptes/connexion',
      payload: { email: 'a@b.fr', motDePasse: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('trop volumineuse');
  });
});

describe('comptes de démonstration', () => {
  it('un compte par rôle, signalés « démo », connectables, listés au démarrage', async () => {
    expect(await seedDemoAccounts(platform.ctx)).toContain('5 comptes');
    expect(await seedDemoAccounts(platform.ctx)).toBeNull();
    const notes = await demoAccountNotes(platform.ctx);
    expect(notes[0]).toContain(DEFAULT_DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      expect(notes.join('\n')).toContain(account.email);
      const res = await login(account.email, DEFAULT_DEMO_PASSWORD);
      expect(res.statusCode).toBe(200);
    }
    const { rows } = await platform.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM users WHERE demo',
    );
    expect(rows[0]!.n).toBe(5);
  });
});
