import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/platform/cli-commands';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// `pilote import emploi urssaf|dares FICHIER`: producer files in their published CSV formats,
// preview, all-or-nothing, French errors and non-zero exit for a wrong format or year.

let platform: TestPlatform;
const dir = mkdtempSync(path.join(tmpdir(), 'pilote-emploi-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false });
}, 120_000);
afterAll(async () => platform?.close());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(
    args,
    platform.ctx,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const salaries = async (insee: string) =>
  (
    await platform.ctx.db.query<{ s: Record<string, number | null> }>(
      'SELECT salaries AS s FROM emploi_communes WHERE insee = $1',
      [insee],
    )
  ).rows[0]!.s;

describe('import emploi', () => {
  it('imports a newer URSSAF commune × APE file: the new year is added, industry read from the sector, older years kept', async () => {
    const before = await salaries('01283');
    const csv = file(
      'urssaf.csv',
      [
        "Code commune;Grand secteur d'activité;Code APE;Effectifs salariés 2026;Nombre d'établissements 2026",
        '01283;GS1 Industrie;2229A;1200;10',
        '01283;GS4 Commerce;4711D;300;5',
        '1004;GS1 Industrie;2511Z;50;1',
      ].join('\n'),
    );
    const preview = await run(['import', 'emploi', 'urssaf', csv, '--annee', '2026', '--apercu']);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('Aperçu seulement');
    expect((await salaries('01283'))['2026']).toBeUndefined();
    const done = await run(['import', 'emploi', 'urssaf', csv, '--annee', '2026']);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Import enregistré : 2 communes/);
    const after = await salaries('01283');
    expect(after['2026']).toBe(1500);
    expect(after['2015']).toBe(before['2015']);
    const { rows } = await platform.ctx.db.query<{ i: Record<string, number> }>(
      "SELECT salaries_industrie AS i FROM emploi_communes WHERE insee = '01004'",
    );
    expect(rows[0]!.i['2026']).toBe(50);
    // The portraits read the new latest year at once.
    const portrait = await platform.app.inject('/api/v1/portraits/territoires/ti-8413');
    expect(portrait.json().emploi.salaries.annee).toBe(2026);
  });

  it('imports DARES job seekers (long format, 4th quarter, categories A, B, C totals)', async () => {
    const csv = file(
      'dares.csv',
      [
        'date;code_commune;categorie;sexe;tranche_d_age;nombre_de_demandeurs_d_emploi',
        '2025-T4;01283;ABC;Total;Total;1230',
        '2025-T3;01283;ABC;Total;Total;999',
        '2025-T4;01283;A;Total;Total;800',
      ].join('\n'),
    );
    const done = await run(['import', 'emploi', 'dares', csv]);
    expect(done.code).toBe(0);
    const { rows } = await platform.ctx.db.query<{ d: Record<string, number> }>(
      "SELECT demandeurs AS d FROM emploi_communes WHERE insee = '01283'",
    );
    expect(rows[0]!.d['2025']).toBe(1230);
  });

  it('refuses a file of the wrong format or year, in French, changing nothing', async () => {
    const dares = file(
      'dares-as-urssaf.csv',
      'date;code_commune;categorie;nombre_de_demandeurs_d_emploi\n2024-T4;01283;ABC;10\n',
    );
    const wrong = await run(['import', 'emploi', 'urssaf', dares]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/Format non reconnu/);
    expect(wrong.err).toMatch(/DARES/);
    const csv = file('urssaf-2024.csv', 'Code commune;Effectifs salariés 2024\n01283;10\n');
    const year = await run(['import', 'emploi', 'urssaf', csv, '--annee', '2027']);
    expect(year.code).toBe(1);
    expect(year.err).toMatch(/ne contient pas d'effectifs salariés pour 2027/);
    const bad = file('urssaf-bad.csv', 'Code commune;Effectifs salariés 2026\n01283;beaucoup\n');
    const line = await run(['import', 'emploi', 'urssaf', bad]);
    expect(line.code).toBe(1);
    expect(line.err).toMatch(/Ligne 2, colonne « Effectifs salariés 2026 »/);
    expect((await salaries('01283'))['2026']).toBe(1500);
    const kind = await run(['import', 'emploi', 'insee', csv]);
    expect(kind.code).toBe(2);
    expect(kind.err).toMatch(/Type d'import « insee » inconnu/);
    const missing = await run(['import', 'emploi', 'urssaf', path.join(dir, 'absent.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Fichier introuvable/);
  });
});
