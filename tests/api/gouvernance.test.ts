import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

let platform: TestPlatform;
let national: Record<string, string>;
/** A TI with binôme members and a chef de projet, its region, and a TI of another region. */
let ti: string;
let region: string;
let otherTi: string;
let otherRegion: string;

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo' });
  national = (await signInAs(platform.ctx, [{ role: 'national' }])).headers;
  const { rows } = await platform.ctx.db.query<{ territoire_id: string; region_code: string }>(
    `SELECT c.territoire_id, c.region_code FROM chefs_de_projet c
      WHERE EXISTS (SELECT 1 FROM binome_membres m WHERE m.territoire_id = c.territoire_id AND m.email IS NOT NULL)
      ORDER BY c.territoire_id`,
  );
  ti = rows[0]!.territoire_id;
  region = rows[0]!.region_code;
  const other = rows.find((r) => r.region_code !== region)!;
  otherTi = other.territoire_id;
  otherRegion = other.region_code;
});
afterAll(async () => platform?.close());

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await platform.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};
const panel = async (id: string, headers: Record<string, string> = {}) =>
  (await get(`/api/v1/territoires/${id}/gouvernance`, headers)).body;
type Person = { email?: string; telephone?: string; nom: string };
const people = (p: {
  binome: { elus: Person[]; industriels: Person[] };
  chefsDeProjet: Person[];
  coordinateurs: Person[];
}) => ({
  binome: [...p.binome.elus, ...p.binome.industriels],
  chefs: p.chefsDeProjet,
  coordinateurs: p.coordinateurs,
});
const withContacts = (list: Person[]) => list.filter((x) => 'email' in x || 'telephone' in x).length;

describe('gouvernance: published figures from the demonstration rows', () => {
  it('gives back the binômes, chefs de projet, coordinators and COPIL', async () => {
    const { status, body } = await get('/api/v1/gouvernance/stats');
    expect(status).toBe(200);
    const c = body.chiffres;
    expect(c.elus).toBe(336);
    expect(c.industriels).toBe(352);
    expect(
      Object.fromEntries(c.tailles.map((t: { code: string; pct: number }) => [t.code, t.pct])),
    ).toMatchObject({ pme: 59, eti: 26, ge: 15 });
    expect(c.fonctions.find((f: { code: string }) => f.code === 'president').pct).toBe(28);
    expect(c.chefsDeProjet).toBe(162);
    expect(c.chefsCofinances).toBe(140);
    expect(c.cofinancementEtatEuros).toBe(6_700_000);
    expect(c.coordinateurs).toBe(15);
    expect(c.regionsCoordonnees).toBe(14);
    expect(c.territoiresCopilLancement).toBe(146);
  });

  it('computes one territory from its own rows (hand count)', async () => {
    const p = await panel(ti);
    const stats = await get(`/api/v1/gouvernance/stats?territoire=${ti}`);
    expect(stats.body.chiffres.elus).toBe(p.binome.elus.length);
    expect(stats.body.chiffres.industriels).toBe(p.binome.industriels.length);
    expect(stats.body.chiffres.chefsDeProjet).toBe(p.chefsDeProjet.length);
  });
});

describe('gouvernance: personal data by role', () => {
  it('shows the public names, roles and organisations, never an e-mail or a phone', async () => {
    const response = await get(`/api/v1/territoires/${ti}/gouvernance`);
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/@|"email"|"telephone"/);
    const p = response.body;
    expect(p.binome.elus[0]).toMatchObject({ role: 'Élu', demo: true });
    expect(p.binome.elus[0].mandat).toBeTruthy();
    expect(p.chefsDeProjet[0].nom).toBeTruthy();
    expect(p.contactsVisibles).toBe(false);
  });

  it('shows every contact to the national team', async () => {
    const p = people(await panel(ti, national));
    expect(withContacts(p.binome)).toBe(p.binome.length);
    expect(p.binome.find((x) => x.email)?.email).toMatch(/@demo\.invalid$/);
    expect(withContacts(p.chefs)).toBe(p.chefs.length);
  });

  it('shows a territorial user its own binôme, and only the network (chefs, coordinators) of another TI', async () => {
    const mine = await signInAs(platform.ctx, [{ role: 'territorial', territoire: ti }]);
    const own = people(await panel(ti, mine.headers));
    expect(withContacts(own.binome)).toBe(own.binome.length);
    const other = people(await panel(otherTi, mine.headers));
    expect(withContacts(other.binome)).toBe(0);
    expect(withContacts(other.chefs)).toBe(other.chefs.length);
  });

  it('shows a regional user the people of its region only; a partner the network only', async () => {
    const regional = await signInAs(platform.ctx, [{ role: 'regional', region }]);
    const inside = people(await panel(ti, regional.headers));
    expect(withContacts(inside.binome)).toBe(inside.binome.length);
    const outside = people(await panel(otherTi, regional.headers));
    expect(withContacts([...outside.binome, ...outside.chefs, ...outside.coordinateurs])).toBe(0);
    const partner = await signInAs(platform.ctx, [{ role: 'partner', organisation: 'Bpifrance' }]);
    const seen = people(await panel(ti, partner.headers));
    expect(withContacts(seen.binome)).toBe(0);
    expect(withContacts(seen.chefs)).toBe(seen.chefs.length);
  });

  it('keeps the directory for signed-in users, with contacts by the same rules', async () => {
    expect((await get('/api/v1/annuaire')).status).toBe(401);
    const mine = await signInAs(platform.ctx, [{ role: 'territorial', territoire: ti }]);
    const directory = await get(`/api/v1/annuaire?region=${otherRegion}&limit=1000`, mine.headers);
    expect(directory.status).toBe(200);
    expect(directory.headers['cache-control']).toMatch(/no-store/);
    const members = directory.body.items.filter((p: { type: string }) => p.type === 'membre');
    const chefs = directory.body.items.filter((p: { type: string }) => p.type === 'chef-de-projet');
    expect(members.length).toBeGreaterThan(0);
    expect(withContacts(members)).toBe(0);
    expect(withContacts(chefs)).toBe(chefs.length);
    const search = await get(`/api/v1/annuaire?q=${encodeURIComponent(chefs[0].nom)}`, mine.headers);
    expect(search.body.items.some((p: { id: string }) => p.id === chefs[0].id)).toBe(true);
  });

  it('answers 404 in French for an unknown territory', async () => {
    const { status, body } = await get('/api/v1/territoires/ti-9999/gouvernance');
    expect(status).toBe(404);
    expect(body.message).toMatch(/Territoire d'industrie inconnu/);
  });
});

describe('gouvernance: import', () => {
  const workbook = async (binomes: unknown[][], chefs: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Binômes');
    for (const row of binomes) a.addRow(row);
    const b = wb.addWorksheet('Chefs de projet');
    for (const row of chefs) b.addRow(row);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const send = async (payload: Buffer | string, query: string, type = 'application/octet-stream') => {
    const response = await platform.app.inject({
      method: 'POST',
      url: `/api/v1/gouvernance/import?${query}`,
      payload,
      headers: { ...national, 'content-type': type },
    });
    return { status: response.statusCode, body: response.json() };
  };

  it('checks every sheet and imports nothing while one error remains', async () => {
    const before = (await panel(ti, national)).binome.elus.length;
    const data = await workbook(
      [
        ["Territoire d'industrie", 'Type', 'Prénom', 'Nom', 'Mandat', 'Courriel'],
        [
          ti,
          'Élu',
          'Jeanne',
          'Martin',
          'Présidente de la communauté de communes',
          'jeanne.martin@example.fr',
        ],
        [ti, 'Élu', 'Paul', 'Durand', 'Maire', 'pas-une-adresse'],
      ],
      [
        ["Territoire d'industrie", 'Nom', 'Poste cofinancé'],
        ['ti-0000', 'Dupont', 'Oui'],
      ],
    );
    const { status, body } = await send(data, 'nom=gouvernance.xlsx');
    expect(status).toBe(422);
    const texts = body.erreurs.map((e: { texte: string }) => e.texte);
    expect(texts).toContainEqual(
      expect.stringMatching(/^Feuille « Binômes », ligne 3, colonne « Courriel » : /),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^Feuille « Chefs de projet », ligne 2, colonne « Territoire d'industrie » : territoire « ti-0000 » inconnu/,
      ),
    );
    expect((await panel(ti, national)).binome.elus.length).toBe(before);
  });

  it('replaces the binôme of the territories a valid file names', async () => {
    const csv = [
      "Territoire d'industrie;Type;Prénom;Nom;Mandat;Entreprise;Taille d'entreprise;Fonction;Courriel",
      `${ti};Élu;Jeanne;Martin;Présidente de la communauté de communes;;;;jeanne.martin@example.fr`,
      `${ti};Industriel;Ali;Benali;;Forges du Test;PME;Président;`,
    ].join('\n');
    const dry = await send(csv, 'table=binomes&simulation=true&nom=b.csv', 'text/csv');
    expect(dry.status).toBe(200);
    expect(dry.body.valides).toBe(2);
    expect(JSON.stringify(dry.body.apercu)).not.toMatch(/example\.fr/);
    const done = await send(csv, 'table=binomes&nom=b.csv', 'text/csv');
    expect(done.body.enregistres).toBe(2);
    const p = await panel(ti);
    expect(p.binome.elus.map((m: Person) => m.nom)).toEqual(['Martin']);
    expect(p.binome.industriels[0]).toMatchObject({
      nom: 'Benali',
      entreprise: 'Forges du Test',
      taille: { code: 'pme' },
      demo: false,
    });
    expect(JSON.stringify(p)).not.toMatch(/example\.fr/);
  });
});
