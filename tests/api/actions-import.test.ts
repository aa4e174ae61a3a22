import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/platform/cli-commands';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// Import and export of action plans: messy files (encodings, separators, headers typed by people),
// every kind of error with its line and column, the all-or-nothing rule, re-import without change,
// the export → import round trip field for field, and the CLI.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/actions');
let platform: TestPlatform;
type Who = Awaited<ReturnType<typeof signInAs>>;
let national: Who;
let annecy: Who;

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo' });
  national = await signInAs(platform.ctx, [{ role: 'national' }]);
  annecy = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8405' }]);
}, 120_000);
afterAll(async () => platform?.close());

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

async function upload(data: Buffer, filename: string, query: string, who: Who | null = national) {
  const boundary = `----pilote${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await platform.app.inject({
    method: 'POST',
    url: `/api/v1/actions/import?${query}`,
    headers: { ...(who?.headers ?? {}), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

const get = async (url: string, who: Who = national) => {
  const response = await platform.app.inject({ method: 'GET', url, headers: who.headers });
  return {
    status: response.statusCode,
    body: String(response.headers['content-type']).includes('json') ? response.json() : null,
    raw: response.rawPayload,
    headers: response.headers,
  };
};
const countActions = async () =>
  (await platform.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM actions')).rows[0]!.n;

describe('importing messy files', () => {
  it('reads a Windows-1252, semicolon CSV with the headers a person types, for one territory', async () => {
    const data = fixture('plan-cp1252-pointvirgule.csv');
    const dry = await upload(data, 'plan.csv', 'dryRun=true&ti=ti-8405', annecy);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      created: 4,
      updated: 0,
      unchanged: 0,
      errors: [],
      applied: false,
      format: 'csv',
    });
    expect(dry.body.preview.map((r: { line: number }) => r.line)).toEqual([2, 3, 4, 5]);
    expect(dry.body.preview[1]).toMatchObject({
      fate: 'created',
      intitule: 'Réhabilitation de la friche « Léman Sud »',
    });
    const before = await countActions();
    const done = await upload(data, 'plan.csv', 'dryRun=false&ti=ti-8405', annecy);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ created: 4, applied: true });
    expect(done.body.message).toMatch(/Import effectué : 4 créées/);
    expect(await countActions()).toBe(before + 4);

    const list = (await get('/api/v1/actions?ti=ti-8405&q=decolleteuse', annecy)).body.items;
    expect(list).toHaveLength(1);
    const sheet = (await get(`/api/v1/actions/${list[0].id}`, annecy)).body;
    expect(sheet).toMatchObject({
      intitule: 'Campus des métiers de la décolleteuse',
      axe: 'competences',
      thematiques: ['nouvelles-formations', 'rh-marque-employeur'],
      statut: 'en-cours',
      porteur: "Communauté d'agglomération",
      partenaires: ['Région', 'France Travail'],
      budgetPrevisionnel: 1200000,
      dateDebut: '2024-03-12',
      dateFin: '2026-12-31',
      referenceExterne: 'GRIST-101',
      demo: false,
    });
    const history = (await get(`/api/v1/actions/${list[0].id}/historique`, annecy)).body.items;
    expect(history[0].type).toBe('imported');
    const multiline = (await get('/api/v1/actions?ti=ti-8405&q=GRIST-104', annecy)).body.items[0];
    const full = (await get(`/api/v1/actions/${multiline.id}`, annecy)).body;
    expect(full.intitule).toBe('Diagnostic « œuvre commune », phase 2');
    expect(full.description).toBe('Ligne 1\nLigne 2 ; avec point-virgule');
    expect(full.statut).toBeNull();
    expect(
      (await get('/api/v1/actions?ti=ti-8405&q=GRIST-102', annecy)).body.items[0].budgetPrevisionnel,
    ).toBe(2500000);

    // Re-importing the same file changes nothing.
    const again = await upload(data, 'plan.csv', 'dryRun=false&ti=ti-8405', annecy);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, errors: [] });
    expect(await countActions()).toBe(before + 4);

    // The same file in UTF-8 with a BOM gives the same actions.
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(iconv.decode(data, 'win1252'), 'utf8'),
    ]);
    expect((await upload(utf8, 'plan.csv', 'dryRun=true&ti=ti-8405', annecy)).body).toMatchObject({
      unchanged: 4,
      created: 0,
    });
  });

  it('lists every error with its line and column, and writes nothing (all or nothing)', async () => {
    const data = fixture('plan-erreurs-virgule-bom.csv');
    const before = await countActions();
    const result = await upload(data, 'erreurs.csv', 'dryRun=false');
    expect(result.status).toBe(422);
    expect(result.body.message).toMatch(/Aucune action n'a été enregistrée/);
    expect(await countActions()).toBe(before);
    const at = (line: number) => result.body.errors.filter((e: { line: number }) => e.line === line);
    expect(at(2)).toEqual([]);
    expect(at(11)).toEqual([]);
    expect(at(3)[0]).toMatchObject({
      column: 'Territoire',
      message: expect.stringMatching(/territoire « Territoire inconnu » inconnu/),
    });
    expect(at(4)[0]).toMatchObject({
      column: 'Statut',
      message: expect.stringMatching(/valeur « fini » inconnue ; attendu l'un de : « Amont/),
    });
    expect(at(5)[0]).toMatchObject({ column: 'Intitulé', message: "l'intitulé est obligatoire" });
    expect(at(6)[0]).toMatchObject({
      column: 'Budget prévisionnel (€)',
      message: expect.stringMatching(/montant « beaucoup » illisible/),
    });
    expect(at(7)[0]).toMatchObject({
      column: 'Date de début',
      message: expect.stringMatching(/date « 31\/02\/2024 » invalide/),
    });
    expect(at(8)[0]).toMatchObject({
      column: 'Axe',
      message: expect.stringMatching(/valeur « Cuisine » inconnue/),
    });
    expect(at(9)[0]).toMatchObject({
      column: 'Date de fin',
      message: 'la date de fin précède la date de début',
    });
    expect(at(10)[0]).toMatchObject({
      column: 'Thématiques',
      message: expect.stringMatching(/thématique « Pâtisserie » inconnue/),
    });
    expect(result.body.errorsTotal).toBe(8);
    // The dry run shows the same errors and the preview of the valid lines (names matched loosely).
    const dry = await upload(data, 'erreurs.csv', 'dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toHaveLength(8);
    expect(dry.body.preview.map((r: { territoire: { id: string } }) => r.territoire.id)).toEqual([
      'ti-8405',
      'ti-8422',
    ]);
  });

  it('matches territory names regardless of case, accents, apostrophes and dashes (national file)', async () => {
    const result = await upload(fixture('plan-national-utf8.csv'), 'national.csv', 'dryRun=true');
    expect(result.body.errors).toEqual([]);
    expect(result.body.preview.map((r: { territoire: { id: string } }) => r.territoire.id)).toEqual([
      'ti-8422',
      'ti-2806',
    ]);
  });

  it('refuses rows of another territory for a territorial user, and in a one-territory import', async () => {
    const mixed = await upload(fixture('plan-national-utf8.csv'), 'national.csv', 'dryRun=true', annecy);
    expect(mixed.body.errors[0]).toMatchObject({
      line: 2,
      column: 'Territoire',
      message: expect.stringMatching(/pas le droit de modifier le plan d'action de « Vallée de l'Arve »/),
    });
    const scoped = await upload(fixture('plan-national-utf8.csv'), 'national.csv', 'dryRun=true&ti=ti-8405');
    expect(scoped.body.errors[0].message).toMatch(
      /alors que l'import porte sur le territoire « Grand Annecy »/,
    );
    const anonymous = await upload(fixture('plan-national-utf8.csv'), 'national.csv', 'dryRun=true', null);
    expect(anonymous.status).toBe(401);
  });

  it('refuses what is not an action plan, with a clear message', async () => {
    const pdf = await upload(fixture('pas-un-tableur.pdf'), 'rapport.pdf', 'dryRun=true');
    expect(pdf.status).toBe(400);
    expect(pdf.body.message).toMatch(/ni un CSV ni un classeur XLSX/);
    const empty = await upload(fixture('vide.csv'), 'vide.csv', 'dryRun=true');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/Fichier vide/);
    const headersOnly = await upload(fixture('en-tetes-seules.csv'), 'plan.csv', 'dryRun=true&ti=ti-8405');
    expect(headersOnly.body.errors[0].message).toMatch(/aucune action dans le fichier/);
    const noTitle = await upload(fixture('sans-intitule.csv'), 'plan.csv', 'dryRun=true&ti=ti-8405');
    expect(noTitle.body.errors).toEqual([
      { line: 1, column: 'Intitulé', message: 'colonne obligatoire absente du fichier' },
    ]);
    const fakeXlsx = await upload(Buffer.from('pas un classeur'), 'plan.xlsx', 'dryRun=true');
    expect(fakeXlsx.body.message).toMatch(/n'est pas un classeur Excel/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 'a');
    const tooBig = await upload(big, 'enorme.csv', 'dryRun=true');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.message).toMatch(/Fichier trop volumineux : 10 Mo au plus/);
  });

  it('reads an XLSX workbook (dates, numbers, rich text)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Actions');
    sheet.addRow(['Territoire', 'Intitulé', 'Statut', 'Budget', 'Date de début', 'Thématiques']);
    sheet.addRow(['ti-8405', 'Action XLSX', 'Réalisé', 250000.5, new Date(Date.UTC(2024, 2, 12)), 'EIT']);
    sheet.addRow([
      'Grand Annecy',
      { richText: [{ text: 'Action ' }, { text: 'riche', font: { bold: true } }] },
      'En étude',
      '15 k€',
      '05/06/2024',
      '',
    ]);
    sheet.addRow(['ti-8405', 'Action en erreur', 'Réalisé', -5, null, '']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await upload(data, 'plan.xlsx', 'dryRun=true');
    expect(result.body.format).toBe('xlsx');
    expect(result.body.created).toBe(2);
    expect(result.body.errors).toEqual([
      { line: 4, column: 'Budget', message: expect.stringMatching(/négatif/) },
    ]);
    expect(result.body.preview[1].intitule).toBe('Action riche');
  });
});

describe('export then import', () => {
  it('gives back the same data, field for field (CSV and XLSX)', async () => {
    // A sheet with everything that could go wrong: formula-like text, quotes, « ; » in a description,
    // line breaks, cents, several partners and tags.
    const created = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/actions',
      headers: national.headers,
      payload: {
        territoire: 'ti-2806',
        intitule: '=SOMME(A1:A3) "guillemets" et € ',
        description: 'Première ligne ; deuxième partie\nDeuxième ligne, avec « guillemets » et -5',
        axe: 'transition',
        thematiques: ['gestion-eau', 'eit'],
        statut: 'en-pause',
        porteur: '@Syndicat des eaux',
        partenaires: ['ADEME', 'Agence de l’eau'],
        budgetPrevisionnel: 1234567.89,
        financementsObtenus: 0.5,
        dateDebut: '2024-02-29',
        dateFin: '2027-12-31',
        filiere: 'Chimie',
        etiquettes: ['Fonds vert', '+Prioritaire'],
        referenceExterne: 'X-1',
      },
    });
    expect(created.statusCode).toBe(201);
    const fields = [
      'intitule',
      'description',
      'axe',
      'thematiques',
      'statut',
      'porteur',
      'partenaires',
      'budgetPrevisionnel',
      'financementsObtenus',
      'dateDebut',
      'dateFin',
      'filiere',
      'etiquettes',
      'referenceExterne',
    ];
    const snapshot = async () => {
      const items = (await get('/api/v1/actions?ti=ti-2806&limit=200')).body.items;
      const sheets = await Promise.all(
        items.map(async (i: { id: string }) => (await get(`/api/v1/actions/${i.id}`)).body),
      );
      return sheets
        .map((s) => Object.fromEntries(fields.map((f) => [f, s[f]])))
        .sort((a, b) => String(a.intitule).localeCompare(String(b.intitule)));
    };
    const original = await snapshot();
    expect(original.length).toBeGreaterThan(5);

    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await get(`/api/v1/actions/export.${format}?ti=ti-2806`);
      expect(exported.status).toBe(200);
      if (format === 'csv') {
        expect([...exported.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(exported.raw.toString('utf8')).toMatch(/^\uFEFFIdentifiant;Territoire;Intitulé;/);
        expect(exported.raw.toString('utf8')).toContain("'=SOMME(A1:A3)");
      }
      // Same file again: nothing changes.
      const same = await upload(exported.raw, `plan.${format}`, 'dryRun=true');
      expect(same.body).toMatchObject({ created: 0, updated: 0, errors: [] });
      expect(same.body.unchanged).toBe(original.length);
      // Into an emptied plan: every action is created again, identical field for field.
      await platform.ctx.db.query(
        "UPDATE actions SET archived_at = now() WHERE territoire_id = 'ti-2806' AND archived_at IS NULL",
      );
      const again = await upload(exported.raw, `plan.${format}`, 'dryRun=false');
      expect(again.body).toMatchObject({ created: original.length, errors: [] });
      expect(await snapshot()).toEqual(original);
    }
  });

  it('formats XLSX dates dd/mm/yyyy, and exports only what the reader may see', async () => {
    const exported = await get('/api/v1/actions/export.xlsx?ti=ti-8405', annecy);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1).values as string[];
    const col = header.indexOf('Date de début');
    const dated = sheet.getColumn(col).values.find((v) => v instanceof Date);
    expect(dated).toBeInstanceOf(Date);
    const cell = sheet.getColumn(col);
    expect(cell.numFmt ?? sheet.getRow(2).getCell(col).numFmt).toBe('dd/mm/yyyy');
    const territories = new Set(
      (await get('/api/v1/actions/export.csv', annecy)).raw
        .toString('utf8')
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(';')[1]),
    );
    expect([...territories]).toEqual(['Grand Annecy']);
    expect((await get('/api/v1/actions/export.csv?ti=ti-8422', annecy)).status).toBe(404);
  });
});

describe('command line', () => {
  it('prints the JSON report and exits non-zero on errors', async () => {
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCommand(
        args,
        platform.ctx,
        (l) => out.push(l),
        (l) => err.push(l),
      );
      return { code, out, err };
    };
    const bad = await run(
      'import',
      'actions',
      path.join(FIXTURES, 'plan-erreurs-virgule-bom.csv'),
      '--dry-run',
      '--json',
    );
    expect(bad.code).not.toBe(0);
    const report = JSON.parse(bad.out.join('\n'));
    expect(Object.keys(report)).toEqual(['created', 'updated', 'unchanged', 'errors']);
    expect(report.errors[0]).toEqual({
      line: 3,
      column: 'Territoire',
      message: expect.stringMatching(/inconnu/),
    });

    const dir = await mkdtemp(path.join(tmpdir(), 'pilote-cli-'));
    const file = path.join(dir, 'plan.csv');
    await writeFile(file, 'Intitulé;Statut\nAction par la ligne de commande;En cours\n');
    const dry = await run('import', 'actions', file, '--dry-run', '--json', '--ti', 'ti-8405');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out[0]!)).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    const real = await run('import', 'actions', file, '--ti', 'ti-8405');
    expect(real.code).toBe(0);
    expect(real.out[0]).toMatch(/Import effectué : 1 créée/);
    const again = await run('import', 'actions', file, '--json', '--ti', 'ti-8405');
    expect(JSON.parse(again.out[0]!)).toEqual({ created: 0, updated: 0, unchanged: 1, errors: [] });
    const seed = await run('seed', 'demo');
    expect(seed.code).toBe(0);
    expect(seed.out.join('\n')).toMatch(/déjà présentes|démonstration/);
  });
});
