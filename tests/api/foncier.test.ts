import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let national: Record<string, string>;
beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo' });
  national = (await signInAs(platform.ctx, [{ role: 'national' }])).headers;
});
afterAll(async () => platform?.close());

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await platform.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json() };
};
const upload = async (url: string, payload: string, headers: Record<string, string> = national) => {
  const response = await platform.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, 'content-type': 'text/csv' },
  });
  return { status: response.statusCode, body: response.json() };
};

describe('foncier: sites clés en main', () => {
  it('gives back the published figures from the demonstration sites', async () => {
    const { status, body } = await get('/api/v1/foncier/stats');
    expect(status).toBe(200);
    const s = body.sites;
    expect(s.sites).toBe(55);
    expect(s.surfaceHa).toBe(2942);
    expect(s.surfaceMoyenneHa).toBe(53);
    expect(s.surfaceMedianeHa).toBe(39);
    expect(
      Object.fromEntries(s.maturites.map((m: { code: string; count: number }) => [m.code, m.count])),
    ).toEqual({
      pret: 6,
      'court-terme': 25,
      'avant-2030': 24,
    });
    expect(s.recyclageFoncier.sites).toBe(30);
    expect(s.recyclageFoncier.surfaceHa).toBeGreaterThan(1000);
    expect(s.ateliers.pct).toBe(88);
    expect(body.demo).toBe(true);
  });

  it('lists and filters sites; a region’s figures are the sum of its sites (hand-computed)', async () => {
    const all = await get('/api/v1/sites-cles-en-main?limit=500');
    expect(all.body.total).toBe(55);
    const region = all.body.items[0].region.code;
    const own = all.body.items.filter((s: { region: { code: string } }) => s.region.code === region);
    const stats = await get(`/api/v1/foncier/stats?region=${region}`);
    expect(stats.body.sites.sites).toBe(own.length);
    const hand =
      Math.round(own.reduce((t: number, s: { surfaceHa: number }) => t + s.surfaceHa * 10, 0)) / 10;
    expect(stats.body.sites.surfaceHa).toBe(hand);
    const ready = await get('/api/v1/sites-cles-en-main?maturite=pret');
    expect(ready.body.total).toBe(6);
    const recycling = await get('/api/v1/sites-cles-en-main?recyclage=true');
    expect(recycling.body.total).toBe(30);
    expect((await get('/api/v1/sites-cles-en-main?maturite=bientot')).status).toBe(400);
  });

  it('serves the sites as GeoJSON points', async () => {
    const { body } = await get('/api/v1/sites-cles-en-main/carte');
    expect(body.features.length + body.nonPlaces).toBe(55);
    expect(body.features[0].properties).toHaveProperty('maturite');
  });

  it('refuses a file with an unknown maturity or commune, line by line, and saves nothing', async () => {
    const csv = [
      'Site;Code commune;Surface (ha);Maturité;Recyclage foncier',
      'Parc de la Plaine;01283;42;Prêt;Oui',
      'Zone du Lac;74010;12;bientôt;Non',
      'ZA Inconnue;00000;10;Court terme;Non',
      'ZA Surface;74010;beaucoup;Court terme;Non',
    ].join('\n');
    const { status, body } = await upload('/api/v1/sites-cles-en-main/import?nom=sites.csv', csv);
    expect(status).toBe(422);
    const texts = body.erreurs.map((e: { texte: string }) => e.texte);
    expect(texts).toContainEqual(
      expect.stringMatching(/^Ligne 3, colonne « Maturité » : .*« bientôt ».*attendu/),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^Ligne 4, colonne « Code commune »/));
    expect(texts).toContainEqual(expect.stringMatching(/^Ligne 5, colonne « Surface \(ha\) »/));
    expect((await get('/api/v1/sites-cles-en-main')).body.total).toBe(55);
  });

  it('imports valid sites, placed in their TI', async () => {
    const csv = [
      'Identifiant;Site;Code commune;Surface (ha);Maturité',
      'S-1;Parc de la Plaine;01283;42;Prêt',
    ].join('\n');
    const { status, body } = await upload('/api/v1/sites-cles-en-main/import?nom=sites.csv', csv);
    expect(status).toBe(200);
    expect(body.enregistres).toBe(1);
    const site = await get('/api/v1/sites-cles-en-main/S-1');
    expect(site.body).toMatchObject({
      territoire: { id: 'ti-8413' },
      maturite: { code: 'pret' },
      demo: false,
    });
  });
});

describe('foncier: land needs', () => {
  it('are readable by signed-in users within their scope only', async () => {
    expect((await get('/api/v1/besoins-fonciers')).status).toBe(401);
    const all = await get('/api/v1/besoins-fonciers', national);
    expect(all.body.total).toBeGreaterThan(0);
    const tiId = all.body.items[0].territoire.id;
    const territorial = await signInAs(platform.ctx, [{ role: 'territorial', territoire: tiId }]);
    const own = await get('/api/v1/besoins-fonciers', territorial.headers);
    expect(own.body.items.every((n: { territoire: { id: string } }) => n.territoire.id === tiId)).toBe(true);
    expect(own.body.total).toBe(
      all.body.items.filter((n: { territoire: { id: string } }) => n.territoire.id === tiId).length,
    );
  });
});
