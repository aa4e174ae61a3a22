import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// Portraits and thematic maps API (issue 6) on the référentiel with the shipped employment data:
// figures checked against sums computed independently in SQL, the programme portrait against the
// published figures, bad inputs answered in French.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ listen: false });
}, 120_000);
afterAll(async () => platform?.close());

const get = async (url: string) => {
  const response = await platform.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

/** Sum in SQL of one year of a series over the communes of a current territory (independent of the code under test). */
async function sqlSum(column: string, year: number, territoire: string): Promise<number | null> {
  const { rows } = await platform.ctx.db.query<{ s: number | null }>(
    `SELECT sum((e.${column} ->> $1)::numeric) AS s
       FROM territoire_communes tc JOIN emploi_communes e ON e.insee = tc.insee
      WHERE tc.version = '2024-09' AND tc.cog = '2026' AND tc.territoire_id = $2`,
    [String(year), territoire],
  );
  return rows[0]!.s;
}

describe('employment data', () => {
  it('is loaded once from data/reference/emploi, with its fingerprint', async () => {
    const { rows } = await platform.ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM emploi_communes');
    expect(rows[0]!.n).toBe(34873);
    const load = await platform.ctx.db.query<{ version: string }>(
      "SELECT version FROM dataset_loads WHERE dataset = 'emploi'",
    );
    expect(load.rows[0]!.version).toMatch(/^[0-9a-f]{16}$/);
    const { portraitsModule } = await import('../../src/server/portraits/module');
    expect(await portraitsModule.loadReference!(platform.ctx)).toBeNull();
  });
});

describe('territory portrait', () => {
  it('gives the figures of a territory, equal to the sums of its communes, with sources and years', async () => {
    const { status, body } = await get('/api/v1/portraits/territoires/ti-8413');
    expect(status).toBe(200);
    expect(body.nom).toMatch(/Oyonnax|Plastics|Haut-Bugey/i);
    expect(body.emploi.salaries.valeur).toBe(await sqlSum('salaries', 2025, 'ti-8413'));
    expect(body.emploi.salaries.annee).toBe(2025);
    expect(body.emploi.salaries.source).toMatch(/^Source : URSSAF/);
    const industry = await sqlSum('salaries_industrie', 2025, 'ti-8413');
    expect(body.emploi.salariesIndustrie.valeur).toBe(industry);
    expect(body.emploi.partIndustrie.valeur).toBeCloseTo((industry! / body.emploi.salaries.valeur) * 100, 6);
    const s2015 = await sqlSum('salaries', 2015, 'ti-8413');
    const s2019 = await sqlSum('salaries', 2019, 'ti-8413');
    expect(body.emploi.evolutionAvant2020.variationPct).toBeCloseTo(((s2019! - s2015!) / s2015!) * 100, 6);
    expect(['dynamique', 'rebond', 'ralentissement', 'fragile']).toContain(body.typologies.emploi.code);
    expect(body.typologies.emploi.explication.length).toBeGreaterThan(20);
    expect(body.typologies.emploi.regle).toMatch(/Avant 2020/);
    expect(['urbain', 'rural']).toContain(body.typologies.urbainRural.code);
    expect(body.typologies.urbainRural.regle).toMatch(/INSEE/);
    expect(body.recouvrements.programmes.map((p: { code: string }) => p.code)).toEqual([
      'acv',
      'pvd',
      'qpv',
      'massif',
    ]);
    // Comparison: territory, region, France, programme, Temps I.
    expect(body.comparaison.colonnes.map((c: { cle: string }) => c.cle)).toEqual([
      'territoire',
      'region',
      'france',
      'programme',
      'temps1',
    ]);
    const population = body.comparaison.lignes.find(
      (l: { indicateur: { code: string } }) => l.indicateur.code === 'population',
    );
    expect(population.source).toMatch(/INSEE/);
    expect(population.valeurs).toHaveLength(5);
    for (const line of body.comparaison.lignes) expect(line.source).toMatch(/^Source : /);
    expect(body.sources.length).toBeGreaterThan(3);
  });

  it('says « donnée non disponible » for Mayotte instead of 0', async () => {
    const { status, body } = await get('/api/v1/portraits/territoires/ti-0601');
    expect(status).toBe(200);
    expect(body.emploi.salaries.valeur).toBeNull();
    expect(body.emploi.salaries.affichage).toBe('donnée non disponible');
    expect(body.emploi.avertissement).toMatch(/non disponible/);
    expect(body.typologies.emploi.code).toBe('non-disponible');
    const line = body.comparaison.lignes.find(
      (l: { indicateur: { code: string } }) => l.indicateur.code === 'salaries-2022',
    );
    expect(line.valeurs[0].valeur).toBeNull();
    expect(line.valeurs[0].affichage).toBe('donnée manquante');
    expect(JSON.stringify(body.emploi.salaries)).not.toContain('"valeur":0');
  });

  it('answers 404 in French for an unknown territory or region, 400 for a malformed id', async () => {
    const unknown = await get('/api/v1/portraits/territoires/ti-9999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Territoire d'industrie inconnu/);
    expect((await get('/api/v1/portraits/regions/99')).status).toBe(404);
    expect((await get('/api/v1/portraits/territoires/oyonnax')).status).toBe(400);
    const pdf = await get('/api/v1/portraits/territoires/ti-9999.pdf');
    expect(pdf.status).toBe(404);
  });

  it('gives a region portrait beside the whole region and France', async () => {
    const { status, body } = await get('/api/v1/portraits/regions/84');
    expect(status).toBe(200);
    expect(body.territoires.length).toBeGreaterThan(10);
    expect(body.comparaison.colonnes.map((c: { cle: string }) => c.cle)).toEqual([
      'territoires',
      'region',
      'france',
      'programme',
    ]);
  });
});

describe('programme portrait', () => {
  it('gives back the published employment figures (11.4 M, 2.0 M, 18.1 %; France 19.8 M, 3.1 M, 15.8 %)', async () => {
    const { status, body } = await get('/api/v1/portraits/programme');
    expect(status).toBe(200);
    const line = (label: RegExp) =>
      body.publie.lignes.find((l: { libelle: string }) => label.test(l.libelle));
    expect(line(/^Emplois salariés privés des territoires/).calcule / 1e6).toBeCloseTo(11.45, 2);
    expect(line(/^Emplois salariés industriels des territoires/).calcule / 1e6).toBeCloseTo(2.08, 2);
    expect(Math.abs(line(/^Part de l'emploi industriel des territoires/).calcule - 18.1)).toBeLessThan(0.2);
    expect(line(/^Emplois salariés privés en France/).calcule / 1e6).toBeCloseTo(19.88, 2);
    expect(line(/^Emplois salariés industriels en France/).calcule / 1e6).toBeCloseTo(3.16, 2);
    expect(Math.abs(line(/^Part de l'emploi industriel en France/).calcule - 15.8)).toBeLessThan(0.1);
    expect(line(/^Territoires/).calcule).toBe(183);
    expect(line(/^Régions/).calcule).toBe(18);
    expect(body.emploi.salariesIndustrie.annee).toBe(2025);
  });

  it('gives back the published overlaps (ACV 81 %, PVD 53 %, QPV 73 %, massifs 59 %) within a point and a half', async () => {
    const { body } = await get('/api/v1/portraits/programme');
    const parts = Object.fromEntries(
      body.publie.recouvrements.map((r: { code: string; part: number; publie: number }) => [r.code, r]),
    );
    for (const code of ['acv', 'pvd', 'qpv', 'massif']) {
      expect(Math.abs(parts[code].part - parts[code].publie)).toBeLessThan(1.5);
    }
    expect(Math.abs(parts.acv.part - 81)).toBeLessThan(1);
    expect(Math.abs(parts.qpv.part - 73)).toBeLessThan(1);
    expect(body.comparaison.colonnes.map((c: { cle: string }) => c.cle)).toEqual([
      'programme',
      'france',
      'temps1',
    ]);
  });
});

describe('thematic maps', () => {
  it('classifies the 183 territories by industrial share in 5 quantile classes, with legend, table and source', async () => {
    const { status, body } = await get(
      '/api/v1/cartes/choropleth?indicateur=part-industrie-2025&niveau=ti&methode=quantiles&classes=5',
    );
    expect(status).toBe(200);
    expect(body.lignes).toHaveLength(183);
    const classes = body.legende.filter((l: { classe: number | null }) => l.classe !== null);
    expect(classes).toHaveLength(5);
    // Quantiles: 183 territories with a value (Mayotte missing) in classes of about equal size.
    const missing = body.legende.find((l: { classe: number | null }) => l.classe === null);
    expect(missing.libelle).toBe('donnée manquante');
    expect(missing.nombre).toBe(1);
    for (const c of classes) expect(c.nombre).toBeGreaterThanOrEqual(30);
    expect(body.seuils).toHaveLength(4);
    // Every row's class is consistent with the thresholds.
    for (const row of body.lignes) {
      if (row.valeur === null) continue;
      const expected = body.seuils.filter((t: number) => row.valeur >= t).length;
      expect(row.classe).toBe(expected);
    }
    expect(body.source).toMatch(/URSSAF.*2025/);
    const mayotte = body.lignes.find((r: { id: string }) => r.id === 'ti-0601');
    expect(mayotte.valeur).toBeNull();
    expect(mayotte.affichage).toBe('donnée manquante');
  });

  it('maps the member intercommunalités with natural breaks, and categories with their explanation', async () => {
    const epci = await get(
      '/api/v1/cartes/choropleth?indicateur=population&niveau=epci&methode=jenks&classes=4',
    );
    expect(epci.status).toBe(200);
    expect(epci.body.lignes.length).toBeGreaterThan(600);
    expect(epci.body.legende.filter((l: { classe: number | null }) => l.classe !== null)).toHaveLength(4);
    const typo = await get('/api/v1/cartes/choropleth?indicateur=typologie-emploi&niveau=ti');
    expect(typo.body.categories.map((c: { code: string }) => c.code)).toContain('rebond');
    const total = typo.body.legende.reduce((s: number, l: { nombre: number }) => s + l.nombre, 0);
    expect(total).toBe(183);
  });

  it('refuses an unknown indicator, level or method with a French message', async () => {
    const badIndicator = await get('/api/v1/cartes/choropleth?indicateur=chomage&niveau=ti');
    expect(badIndicator.status).toBe(400);
    expect(badIndicator.body.message).toMatch(/Indicateur « chomage » inconnu/);
    const badLevel = await get('/api/v1/cartes/choropleth?indicateur=population&niveau=commune');
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.message).toMatch(/Niveau « commune » inconnu/);
    const wrongLevel = await get('/api/v1/cartes/choropleth?indicateur=nb-actions&niveau=epci');
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.message).toMatch(/n'existe pas au niveau/);
    const badMethod = await get('/api/v1/cartes/choropleth?indicateur=population&niveau=ti&methode=egales');
    expect(badMethod.status).toBe(400);
    expect(badMethod.body.message).toMatch(/Méthode de classification « egales » inconnue/);
    const badCampaign = await get(
      '/api/v1/cartes/choropleth?indicateur=nb-actions&niveau=ti&campagne=2099-11',
    );
    expect(badCampaign.status).toBe(400);
    expect(badCampaign.body.message).toMatch(/Campagne « 2099-11 » inconnue/);
  });

  it('serves the EPCI layer with overseas insets and lists the indicators', async () => {
    const layer = await get('/api/v1/cartes/couches/epci');
    expect(layer.status).toBe(200);
    expect(layer.body.type).toBe('Topology');
    expect(layer.body.objects.epci.geometries.length).toBeGreaterThan(600);
    const indicators = await get('/api/v1/cartes/indicateurs');
    expect(indicators.body.indicateurs.map((i: { code: string }) => i.code)).toContain('part-industrie-2025');
    const openapi = await get('/api/v1/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/portraits/programme',
        '/api/v1/cartes/choropleth',
        '/api/v1/portraits/territoires/{id}',
      ]),
    );
  });
});
