import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// The catalogue, the parcours on real demonstration actions, and uptake, through the HTTP API.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo' });
});
afterAll(async () => platform?.close());

type Headers = Record<string, string>;
const call = async (method: 'GET' | 'POST', url: string, headers: Headers = {}, payload?: unknown) => {
  const response = await platform.app.inject({ method, url, headers, payload: payload as object });
  return { status: response.statusCode, body: response.json() };
};

/** A demo action with this thématique and status, not archived. */
async function demoAction(thematique: string, statut: string) {
  const { rows } = await platform.ctx.db.query<{
    id: string;
    territoire_id: string;
    region_code: string;
    title: string;
  }>(
    `SELECT id, territoire_id, region_code, title FROM actions
      WHERE demo AND archived_at IS NULL AND $1 = ANY (thematiques) AND statut = $2 ORDER BY id LIMIT 1`,
    [thematique, statut],
  );
  expect(rows[0], `une action de démonstration ${thematique} / ${statut}`).toBeDefined();
  return rows[0]!;
}

describe('catalogue API (public)', () => {
  it('lists the whole catalogue and filters it by thématique, operator, nature, status and words', async () => {
    const all = await call('GET', '/api/v1/offres');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(25);
    const friches = await call('GET', '/api/v1/offres?thematique=requalification-friche');
    const slugs = friches.body.items.map((o: { slug: string }) => o.slug);
    expect(slugs).toContain('fonds-vert-recyclage-friches');
    expect(slugs).not.toContain('france-travail-pro');
    const bpi = await call('GET', '/api/v1/offres?operateur=bpifrance');
    expect(
      bpi.body.items.every(
        (o: { operateur: string; partenaires: string[] }) =>
          o.operateur === 'bpifrance' || o.partenaires.includes('bpifrance'),
      ),
    ).toBe(true);
    const closed = await call('GET', '/api/v1/offres?statut=fermee');
    expect(closed.body.items.map((o: { slug: string }) => o.slug)).toContain(
      'sites-cles-en-main-france-2030',
    );
    const words = await call('GET', `/api/v1/offres?q=${encodeURIComponent('écoles production')}`);
    expect(words.body.items[0].slug).toBe('ecoles-de-production');
  });

  it('refuses an unknown filter value in French, naming the parameter and the allowed values', async () => {
    const bad = await call('GET', '/api/v1/offres?thematique=friche');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(
      /Paramètre « thematique » : valeur « friche » inconnue ; attendu l’un de : .*requalification-friche/,
    );
  });

  it('describes one offer with its rules in words and its sources; 404 in French for an unknown one', async () => {
    const { status, body } = await call('GET', '/api/v1/offres/fonds-vert-recyclage-friches');
    expect(status).toBe(200);
    expect(body.operateurLibelle).toMatch(/Préfectures/);
    expect(body.regles.thematiques.map((t: { libelle: string }) => t.libelle)).toContain(
      'Requalification friche',
    );
    expect(body.sources[0].publication).toMatch(/Bilan/);
    const unknown = await call('GET', '/api/v1/offres/inconnue');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Offre inconnue : « inconnue »/);
  });
});

describe('parcours of an action', () => {
  it('ranks the offers fitting a real demo action, with the reason in French', async () => {
    const action = await demoAction('requalification-friche', 'etude');
    const who = await signInAs(platform.ctx, [{ role: 'territorial', territoire: action.territoire_id }]);
    const { status, body } = await call('GET', `/api/v1/actions/${action.id}/parcours`, who.headers);
    expect(status).toBe(200);
    expect(body.action).toMatchObject({
      id: action.id,
      statut: 'etude',
      statutLibelle: 'En étude préalable',
    });
    const friches = body.offres.find((o: { slug: string }) => o.slug === 'fonds-vert-recyclage-friches');
    expect(friches.raisons[0]).toMatch(
      /^thématiques? .*Requalification friche.*, au stade En étude préalable$/,
    );
    const scores = body.offres.map((o: { score: number }) => o.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('leaves closed offers out, unless asked, then flags them « offre fermée »', async () => {
    const action = await demoAction('sites-cles-en-main', 'en-cours');
    const who = await signInAs(platform.ctx, [{ role: 'national' }]);
    const open = await call('GET', `/api/v1/actions/${action.id}/parcours`, who.headers);
    expect(open.body.offres.every((o: { statut: string }) => o.statut !== 'fermee')).toBe(true);
    expect(open.body.offres.map((o: { slug: string }) => o.slug)).not.toContain(
      'sites-cles-en-main-france-2030',
    );
    const all = await call('GET', `/api/v1/actions/${action.id}/parcours?fermees=true`, who.headers);
    const closed = all.body.offres.find((o: { slug: string }) => o.slug === 'sites-cles-en-main-france-2030');
    expect(closed.fermee).toBe(true);
    expect(closed.raisons).toContain('offre fermée');
  });

  it('hides an action from those who may not read it: 401 anonymous, 404 another territory', async () => {
    const action = await demoAction('eit', 'en-cours');
    expect((await call('GET', `/api/v1/actions/${action.id}/parcours`)).status).toBe(401);
    const other = await signInAs(platform.ctx, [
      { role: 'territorial', territoire: action.territoire_id === 'ti-8405' ? 'ti-8422' : 'ti-8405' },
    ]);
    const hidden = await call('GET', `/api/v1/actions/${action.id}/parcours`, other.headers);
    expect(hidden.status).toBe(404);
    expect(hidden.body.message).toMatch(/Action introuvable/);
    const partner = await signInAs(platform.ctx, [{ role: 'partner', organisation: 'ademe' }]);
    expect((await call('GET', `/api/v1/actions/${action.id}/parcours`, partner.headers)).status).toBe(200);
  });

  it('gives a territory the offers serving its whole plan, with the actions each serves', async () => {
    const action = await demoAction('requalification-friche', 'etude');
    const who = await signInAs(platform.ctx, [{ role: 'regional', region: action.region_code }]);
    const { status, body } = await call(
      'GET',
      `/api/v1/territoires/${action.territoire_id}/parcours`,
      who.headers,
    );
    expect(status).toBe(200);
    expect(body.nbActions).toBeGreaterThan(0);
    const friches = body.offres.find((o: { slug: string }) => o.slug === 'fonds-vert-recyclage-friches');
    expect(friches.actions.map((a: { id: string }) => a.id)).toContain(action.id);
    const counts = body.offres.map((o: { nbActions: number }) => o.nbActions);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const elsewhere = await signInAs(platform.ctx, [
      { role: 'regional', region: action.region_code === '84' ? '93' : '84' },
    ]);
    expect(
      (await call('GET', `/api/v1/territoires/${action.territoire_id}/parcours`, elsewhere.headers)).status,
    ).toBe(404);
  });
});

describe('uptake of offers', () => {
  it('records an offer obtained for an action, audited, listed on the action and counted per offer and region', async () => {
    const action = await demoAction('eit', 'en-cours');
    const who = await signInAs(platform.ctx, [{ role: 'territorial', territoire: action.territoire_id }]);
    const before = await call('GET', `/api/v1/offres/usage?region=${action.region_code}`, who.headers);
    const created = await call('POST', `/api/v1/actions/${action.id}/offres`, who.headers, {
      offre: 'ademe-ecologie-industrielle-territoriale',
      resultat: 'obtenue',
      date: '2024-06-12',
      montant: 45000,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      resultatLibelle: 'Obtenue',
      montant: 45000,
      offreTitre: expect.any(String),
    });
    const list = await call('GET', `/api/v1/actions/${action.id}/offres`, who.headers);
    expect(list.body.items.map((u: { id: string }) => u.id)).toContain(created.body.id);
    const after = await call('GET', `/api/v1/offres/usage?region=${action.region_code}`, who.headers);
    expect(after.body.total.obtenues).toBe(before.body.total.obtenues + 1);
    const eit = after.body.parOffre.find(
      (o: { slug: string }) => o.slug === 'ademe-ecologie-industrielle-territoriale',
    );
    expect(eit.obtenues).toBeGreaterThan(0);
    const audit = await platform.ctx.db.query(
      'SELECT 1 FROM audit_log WHERE action = $1 AND entity_id = $2',
      ['offres.usage.create', created.body.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('refuses uptake by a partner (403) or another territory (404), and an unknown offer (400), with no change', async () => {
    const action = await demoAction('eit', 'en-cours');
    const count = async () =>
      (
        await platform.ctx.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM offre_usages WHERE action_id = $1',
          [action.id],
        )
      ).rows[0]!.n;
    const start = await count();
    const partner = await signInAs(platform.ctx, [{ role: 'partner', organisation: 'ademe' }]);
    const body = { offre: 'ademe-act', resultat: 'demandee' };
    const asPartner = await call('POST', `/api/v1/actions/${action.id}/offres`, partner.headers, body);
    expect(asPartner.status).toBe(403);
    expect(asPartner.body.message).toMatch(/Accès refusé/);
    const other = await signInAs(platform.ctx, [
      { role: 'territorial', territoire: action.territoire_id === 'ti-8405' ? 'ti-8422' : 'ti-8405' },
    ]);
    expect((await call('POST', `/api/v1/actions/${action.id}/offres`, other.headers, body)).status).toBe(404);
    const own = await signInAs(platform.ctx, [{ role: 'territorial', territoire: action.territoire_id }]);
    const unknown = await call('POST', `/api/v1/actions/${action.id}/offres`, own.headers, {
      offre: 'inconnue',
      resultat: 'demandee',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/offre « inconnue » inconnue du catalogue/);
    expect(await count()).toBe(start);
  });

  it('has demonstration uptake figures in several regions', async () => {
    const who = await signInAs(platform.ctx, [{ role: 'national' }]);
    const { body } = await call('GET', '/api/v1/offres/usage', who.headers);
    expect(body.demo).toBe(true);
    expect(body.parRegion.length).toBeGreaterThan(5);
    expect(body.total.obtenues).toBeGreaterThan(50);
  });
});

describe('OpenAPI', () => {
  it('describes the offers, parcours, uptake and request routes with French summaries', async () => {
    const { status, body } = await call('GET', '/api/v1/openapi.json');
    expect(status).toBe(200);
    for (const path of [
      '/api/v1/offres',
      '/api/v1/offres/{slug}',
      '/api/v1/offres/usage',
      '/api/v1/actions/{id}/parcours',
      '/api/v1/territoires/{id}/parcours',
      '/api/v1/actions/{id}/offres',
      '/api/v1/actions/{id}/sollicitations',
      '/api/v1/sollicitations',
      '/api/v1/sollicitations/{id}',
      '/api/v1/sollicitations/{id}/statut',
      '/api/v1/sollicitations/{id}/orientation',
      '/api/v1/sollicitations/statistiques',
    ]) {
      const operations = Object.values(body.paths[path] ?? {}) as { summary?: string }[];
      expect(operations.length, path).toBeGreaterThan(0);
      for (const op of operations) expect(op.summary, path).toMatch(/[a-zé]/);
    }
  });
});

describe('a broken catalogue', () => {
  it('stops the platform at start, naming the file and the field', async () => {
    const { mkdtemp, writeFile, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'offres-'));
    const good = await readFile(path.resolve('data/offres/fonds-vert-recyclage-friches.yaml'), 'utf8');
    await writeFile(
      path.join(dir, 'fonds-vert-recyclage-friches.yaml'),
      good.replace('[requalification-friche,', '[friche,'),
    );
    process.env.PILOTE_OFFRES_DIR = dir;
    try {
      await expect(startTestPlatform({ listen: false })).rejects.toThrow(
        /Catalogue des offres invalide \(1 erreur\) :\n- offres\/fonds-vert-recyclage-friches\.yaml, champ « regles\.thematiques\[0\] » : « friche »/,
      );
    } finally {
      delete process.env.PILOTE_OFFRES_DIR;
      await rm(dir, { recursive: true });
    }
  });
});
