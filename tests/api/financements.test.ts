import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/platform/cli-commands';
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
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

const upload = async (
  url: string,
  payload: string | Buffer,
  headers: Record<string, string> = national,
  type = 'text/csv',
) => {
  const response = await platform.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, 'content-type': type },
  });
  return { status: response.statusCode, body: response.json() };
};

const count = async (table: string) =>
  (await platform.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE NOT demo`))
    .rows[0]!.n;

describe('financements: figures computed from the demonstration rows', () => {
  it('gives back the published Fonds vert figures', async () => {
    const { status, body } = await get('/api/v1/financements/stats?dispositif=fonds-vert');
    expect(status).toBe(200);
    const fv = body.ensemble;
    expect(fv).toMatchObject({
      laureats: 163,
      territoires: 106,
      departements: 77,
      subventionsEuros: 63_000_000,
      investissementsEuros: 776_000_000,
      emploisPrevus: 2600,
      emploisConditionnes: 1300,
    });
    expect(fv.attenuationClimat.pct).toBe(78);
    expect(fv.economieCirculaire.pct).toBe(66);
    expect(fv.filieres.map((f: { pct: number }) => f.pct)).toEqual([55, 22, 17, 6]);
    expect(body.demo).toBe(true);
    expect(body.publie.fondsVert.laureats).toBe(163);
  });

  it('gives back the 15 Rebond missions and their 39.7 M€', async () => {
    const { body } = await get('/api/v1/financements/stats');
    expect(body.missionsRebond.missions).toBe(15);
    expect(body.missionsRebond.enveloppeEuros).toBe(39_700_000);
    const missions = await get('/api/v1/missions-rebond');
    expect(missions.body.total).toBe(15);
    const rebond = body.parDispositif.find((d: { code: string }) => d.code === 'rebond-industriel');
    expect(rebond.subventionsEuros).toBe(39_700_000);
  });

  it('computes a territory and a region from the same rows as the list (hand sums)', async () => {
    const list = await get('/api/v1/laureats?dispositif=fonds-vert&limit=500');
    const first = list.body.items[0];
    const tiId = first.territoire.id;
    const own = list.body.items.filter(
      (l: { territoire: { id: string } | null }) => l.territoire?.id === tiId,
    );
    const sum = (key: string) => own.reduce((s: number, l: Record<string, number>) => s + (l[key] ?? 0), 0);
    const stats = await get(`/api/v1/financements/stats?dispositif=fonds-vert&territoire=${tiId}`);
    expect(stats.body.perimetre).toMatchObject({ niveau: 'territoire', code: tiId });
    expect(stats.body.ensemble.laureats).toBe(own.length);
    expect(stats.body.ensemble.subventionsEuros).toBe(sum('subventionEuros'));
    expect(stats.body.ensemble.emploisPrevus).toBe(sum('emploisPrevus'));
    const national = await get('/api/v1/financements/stats?dispositif=fonds-vert');
    const byRegion = national.body.parRegion.reduce(
      (s: number, r: { subventionsEuros: number }) => s + r.subventionsEuros,
      0,
    );
    expect(byRegion).toBe(63_000_000);
  });
});

describe('financements: lists, map layer, exports', () => {
  it('filters by scheme, region and filière, with totals and pages', async () => {
    const all = await get('/api/v1/laureats?dispositif=fonds-vert&limit=10');
    expect(all.body.total).toBe(163);
    expect(all.body.items).toHaveLength(10);
    expect(all.body.totaux.subventionsEuros).toBe(63_000_000);
    expect(all.body.items[0]).toMatchObject({ demo: true, dispositif: { code: 'fonds-vert' } });
    expect(all.body.items[0]).not.toHaveProperty('communeInsee');
    const region = await get('/api/v1/laureats?region=84&limit=500');
    expect(region.body.items.every((l: { region: { code: string } }) => l.region.code === '84')).toBe(true);
    const bio = await get('/api/v1/laureats?filiere=bioeconomie&limit=500');
    expect(bio.body.total).toBe(Math.round(0.17 * 163));
    const bad = await get('/api/v1/laureats?dispositif=subvention-magique');
    expect(bad.status).toBe(400);
  });

  it('links the demonstration laureates to actions of their own territory', async () => {
    const { rows } = await platform.ctx.db.query<{ linked: number; wrong: number }>(
      `SELECT count(*)::int AS linked,
              count(*) FILTER (WHERE a.territoire_id IS DISTINCT FROM l.territoire_id)::int AS wrong
         FROM laureat_actions la JOIN laureats l ON l.id = la.laureat_id LEFT JOIN actions a ON a.id = la.action_id`,
    );
    expect(rows[0]!.linked).toBeGreaterThan(100);
    expect(rows[0]!.wrong).toBe(0);
    const list = await get('/api/v1/laureats?dispositif=fonds-vert&limit=500');
    expect(
      list.body.items.filter((l: { actions: string[] }) => l.actions.length === 1).length,
    ).toBeGreaterThan(100);
  });

  it('describes its routes in the OpenAPI document, in French', async () => {
    const { body } = await get('/api/v1/openapi.json');
    for (const path of [
      '/api/v1/laureats',
      '/api/v1/laureats/carte',
      '/api/v1/financements/stats',
      '/api/v1/sites-cles-en-main/carte',
      '/api/v1/territoires/{id}/gouvernance',
      '/api/v1/annuaire',
    ])
      expect(Object.keys(body.paths)).toContain(path);
    expect(body.paths['/api/v1/laureats'].get.summary).toMatch(/Lauréats/);
    expect(
      body.paths['/api/v1/laureats/import'].post.parameters.map((p: { name: string }) => p.name),
    ).toContain('simulation');
  });

  it('serves the laureates as GeoJSON points, all placed at their intercommunalité', async () => {
    const { status, body } = await get('/api/v1/laureats/carte?dispositif=fonds-vert');
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length + body.nonPlaces).toBe(163);
    expect(body.nonPlaces).toBe(0);
    const [lon, lat] = body.features[0].geometry.coordinates;
    expect(lon).toBeGreaterThan(-11);
    expect(lon).toBeLessThan(10);
    expect(lat).toBeGreaterThan(40);
    expect(body.source.libelle).toMatch(/intercommunalité/);
  });

  it('exports CSV and XLSX with the importer headers, and the export imports back', async () => {
    const csv = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/laureats/export?dispositif=fonds-vert',
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/Identifiant;Dispositif;Bénéficiaire;SIREN/);
    expect(lines).toHaveLength(164);
    const xlsx = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/laureats/export?format=xlsx&region=84',
    });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const back = await upload(
      '/api/v1/laureats/import?simulation=true&nom=laureats.xlsx',
      xlsx.rawPayload,
      national,
      'application/octet-stream',
    );
    expect(back.body.erreurs).toEqual([]);
    expect(back.body.format).toBe('xlsx');
    expect(back.body.valides).toBeGreaterThan(0);
  });
});

describe('financements: import', () => {
  const header =
    'Identifiant;Dispositif;Bénéficiaire;SIREN;Projet;Code commune;Subvention (€);Investissement (€);Emplois prévus;Filière;Année';

  it('refuses the whole file while one line is wrong, saying the line, the column and what was expected', async () => {
    const before = await count('laureats');
    const csv = [
      header,
      'T-1;Fonds vert;Plasturgie Test;;Recyclage;01283;100000;500000;10;Économie circulaire;2024',
      'T-2;Fonds vert;Inconnue SA;;Projet;99999;100000;;;;2024',
      'T-3;Fonds vert;Montant SA;;Projet;01283;beaucoup;;;;2024',
      'T-4;Subvention magique;Dispositif SA;;Projet;01283;1000;;;;2024',
    ].join('\n');
    const { status, body } = await upload('/api/v1/laureats/import?nom=laureats.csv', csv);
    expect(status).toBe(422);
    expect(body.enregistres).toBe(0);
    expect(body.message).toMatch(/rien n'a été importé/);
    const texts = body.erreurs.map((e: { texte: string }) => e.texte);
    expect(texts).toContainEqual(
      expect.stringMatching(/^Ligne 3, colonne « Code commune » : code commune « 99999 » inconnu/),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(/^Ligne 4, colonne « Subvention \(€\) » : .*attendu un montant en euros/),
    );
    expect(texts).toContainEqual(expect.stringMatching(/^Ligne 5, colonne « Dispositif » : /));
    expect(await count('laureats')).toBe(before);
  });

  it('places laureates by commune code, by a commune or intercommunalité SIREN, and reports those outside any TI', async () => {
    const csv = [
      'Bénéficiaire;SIREN;Code commune;Subvention;Dispositif;Année',
      'Oyonnax Plastiques;;01283;50000;Fonds vert;2024',
      'Ville d’Oyonnax;210102836;;20000;Ingénierie ANCT;2024',
      'Haut-Bugey Agglomération;200042935;;30000;Ingénierie ANCT;2024',
      'Usine lyonnaise;;69123;40000;Fonds vert;2024',
    ].join('\r\n');
    const dry = await upload('/api/v1/laureats/import?simulation=true&nom=l.csv', csv);
    expect(dry.status).toBe(200);
    expect(dry.body.erreurs).toEqual([]);
    expect(dry.body.valides).toBe(4);
    expect(dry.body.enregistres).toBe(0);
    expect(dry.body.horsTi).toEqual([
      { ligne: 5, libelle: 'Usine lyonnaise', communeInsee: '69123', communeNom: 'Lyon' },
    ]);
    const places = dry.body.apercu.map((l: { tiId: string | null }) => l.tiId);
    expect(places).toEqual(['ti-8413', 'ti-8413', 'ti-8413', null]);
    expect(await count('laureats')).toBe(0);

    const done = await upload('/api/v1/laureats/import?nom=l.csv', csv);
    expect(done.status).toBe(200);
    expect(done.body.enregistres).toBe(4);
    const list = await get('/api/v1/laureats?territoire=ti-8413&limit=500');
    expect(
      list.body.items.some((l: { beneficiaire: string }) => l.beneficiaire === 'Haut-Bugey Agglomération'),
    ).toBe(true);
    const outside = await get('/api/v1/laureats?horsTi=true');
    expect(outside.body.items.map((l: { beneficiaire: string }) => l.beneficiaire)).toEqual([
      'Usine lyonnaise',
    ]);
    const audit = await platform.ctx.db.query(
      "SELECT 1 FROM audit_log WHERE entity = 'laureats' AND action = 'import'",
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('says when a SIREN is unknown and reads a Windows-1252 CSV with commas', async () => {
    const csv = iconv.encode(
      [
        'Bénéficiaire,SIREN,Subvention,Dispositif,Année',
        'Société Générale de Tôlerie,552081317,1000,Fonds vert,2024',
      ].join('\n'),
      'win1252',
    );
    const { body } = await upload('/api/v1/laureats/import?simulation=true', csv);
    expect(body.erreurs).toHaveLength(1);
    expect(body.erreurs[0].texte).toMatch(/^Ligne 2, colonne « SIREN » : SIREN « 552081317 » inconnu/);
  });

  it('reads an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Lauréats');
    sheet.addRow(['Bénéficiaire', 'Code commune', 'Subvention (€)', 'Dispositif', 'Année']);
    sheet.addRow(['Annecy Mécanique', '74010', 12000, 'Fonds vert', 2024]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const { body } = await upload(
      '/api/v1/laureats/import?simulation=true&nom=l.xlsx',
      data,
      national,
      'application/octet-stream',
    );
    expect(body.erreurs).toEqual([]);
    expect(body.apercu[0]).toMatchObject({ tiId: 'ti-8405', communeNom: 'Annecy', subventionEuros: 12000 });
  });

  it('is refused to visitors (401) and to territorial users (403)', async () => {
    const anonymous = await upload('/api/v1/laureats/import', 'Bénéficiaire\nX', {});
    expect(anonymous.status).toBe(401);
    const territorial = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8413' }]);
    const refused = await upload('/api/v1/laureats/import', 'Bénéficiaire\nX', territorial.headers);
    expect(refused.status).toBe(403);
  });

  it('runs from the command line: --dry-run --json reports without saving, errors give exit code 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilote-laureats-'));
    const good = path.join(dir, 'bons.csv');
    writeFileSync(
      good,
      'Bénéficiaire;Code commune;Subvention;Dispositif;Année\nForges de Cluses;74081;25000;Fonds vert;2024\n',
    );
    const bad = path.join(dir, 'mauvais.csv');
    writeFileSync(
      bad,
      'Bénéficiaire;Code commune;Subvention;Dispositif;Année\nForges;74081;vingt;Fonds vert;2024\n',
    );
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCommand(
        args,
        platform.ctx,
        (l) => out.push(l),
        (l) => err.push(l),
      );
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const before = await count('laureats');
    const dry = await run(['import', 'laureats', good, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ simulation: true, valides: 1, enregistres: 0 });
    const refused = await run(['import', 'laureats', bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Ligne 2, colonne « Subvention » : .*attendu un montant en euros/);
    expect(refused.err).toMatch(/rien n'a été importé/);
    const done = await run(['import', 'laureats', good]);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/1 lauréats importés/);
    expect(await count('laureats')).toBe(before + 1);
  });
});
