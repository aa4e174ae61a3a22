import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ listen: false });
});
afterAll(async () => platform?.close());

const get = async (url: string) => {
  const response = await platform.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

describe('référentiel API', () => {
  it('lists the 183 current territories with region, members, communes and population', async () => {
    const { status, body } = await get('/api/v1/territoires');
    expect(status).toBe(200);
    expect(body.total).toBe(183);
    expect(body.perimetre.version).toBe('2024-09');
    const arve = body.items.find((t: { id: string }) => t.id === 'ti-8422');
    expect(arve).toMatchObject({
      nom: "Vallée de l'Arve",
      region: { code: '84', nom: 'Auvergne-Rhône-Alpes' },
    });
    expect(arve.nbMembres).toBeGreaterThan(0);
    expect(arve.nbCommunes).toBeGreaterThan(arve.nbMembres);
    const regions = new Set(body.items.map((t: { region: { code: string } }) => t.region.code));
    expect(regions.size).toBe(18);
    expect(body.sources[0].licence).toContain('Licence Ouverte');
  });

  it('describes one territory: members, départements, perimeter versions, programmes, Temps I', async () => {
    const { status, body } = await get('/api/v1/territoires/ti-7506');
    expect(status).toBe(200);
    // ti-7506 replaced CC Haute-Corrèze by 11 of its communes in September 2024.
    const [v2023, v2024] = body.perimetres;
    expect(v2023.version).toBe('2023-11');
    expect(v2024.version).toBe('2024-09');
    expect(v2024.ajouts).toHaveLength(11);
    expect(v2024.retraits.map((m: { nom: string }) => m.nom).join()).toMatch(/Haute-Corr/);
    expect(body.membres.filter((m: { type: string }) => m.type === 'commune')).toHaveLength(11);
    expect(body.departements.length).toBeGreaterThan(0);
    expect(['nouveau', 'inchange', 'reconfigure']).toContain(body.tempsI.statut);
    expect(body.programmes).toHaveProperty('acv.nbCommunes');
  });

  it('answers 404 in French for an unknown territory or region, 400 for a malformed id', async () => {
    const unknown = await get('/api/v1/territoires/ti-9999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Territoire d'industrie inconnu/);
    expect((await get('/api/v1/regions/99')).status).toBe(404);
    const bad = await get('/api/v1/territoires/oyonnax');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/paramètre d’URL « id »/);
  });

  it('lists regions and describes one with its territories and départements', async () => {
    const list = await get('/api/v1/regions');
    expect(list.body.total).toBe(18);
    const total = list.body.items.reduce(
      (sum: number, r: { nbTerritoires: number }) => sum + r.nbTerritoires,
      0,
    );
    expect(total).toBe(183);
    const region = await get('/api/v1/regions/84');
    expect(region.body.nom).toBe('Auvergne-Rhône-Alpes');
    expect(region.body.territoires.length).toBe(region.body.nbTerritoires);
    expect(region.body.departements.some((d: { code: string }) => d.code === '74')).toBe(true);
  });

  it('finds territories regardless of accents, case and typos, by name, INSEE code or SIREN', async () => {
    const first = async (q: string) =>
      (await get(`/api/v1/recherche?q=${encodeURIComponent(q)}`)).body.items[0];
    expect((await first('vallee de l arve')).territoire.id).toBe('ti-8422');
    expect((await first('oyonax')).territoire.id).toBe('ti-8413');
    const byInsee = await first('01283');
    expect(byInsee).toMatchObject({ type: 'commune', nom: 'Oyonnax', territoire: { id: 'ti-8413' } });
    const arveMember = (await get('/api/v1/territoires/ti-8422')).body.membres[0];
    const bySiren = await first(arveMember.code);
    expect(bySiren).toMatchObject({ type: 'groupement', territoire: { id: 'ti-8422' } });
    const tooShort = await get('/api/v1/recherche?q=a');
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.message).toMatch(/« q »/);
  });

  it('computes the programme figures from the data, with their sources', async () => {
    const { body } = await get('/api/v1/stats/programme');
    expect(body.territoires).toBe(183);
    expect(body.regions).toBe(18);
    expect(body.labellisation.groupements).toBe(630);
    expect(body.labellisation.population).toBeGreaterThan(40_000_000);
    expect(body.labellisation.population).toBeLessThan(41_000_000);
    // Published shares of each programme's communes lying in a TI: 81 %, 53 %, 73 %, 59 %.
    expect(Math.round(body.programmes.acv.part * 100)).toBe(81);
    expect(Math.round(body.programmes.pvd.part * 100)).toBe(53);
    expect(Math.round(body.programmes.qpv.part * 100)).toBe(73);
    expect(Math.abs(body.programmes.massifs.part - 0.59)).toBeLessThan(0.015);
    expect(body.programmes.acv.source.producteur).toMatch(/ANCT/);
    expect(body.tempsI.nouveau.nombre).toBe(29);
    expect(body.tempsI.nouveau.nombre + body.tempsI.inchange.nombre + body.tempsI.reconfigure.nombre).toBe(
      183,
    );
  });

  it('serves the national map layer compressed and a territory map as GeoJSON', async () => {
    const layer = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/carte/territoires',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(layer.statusCode).toBe(200);
    expect(layer.headers['content-encoding']).toBe('gzip');
    expect(Number(layer.rawPayload.length)).toBeLessThan(600 * 1024);
    const map = await get('/api/v1/territoires/ti-8422/carte');
    expect(map.body.type).toBe('FeatureCollection');
    expect(
      map.body.features.some((f: { properties: { kind: string } }) => f.properties.kind === 'groupement'),
    ).toBe(true);
  });

  it('publishes an OpenAPI description of its routes', async () => {
    const { body } = await get('/api/v1/openapi.json');
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/territoires', '/api/v1/territoires/{id}']),
    );
    const docs = await platform.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });
});
