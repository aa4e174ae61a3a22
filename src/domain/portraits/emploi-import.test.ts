import { describe, expect, it } from 'vitest';
import {
  applyImport,
  type CsvInput,
  type CsvRecord,
  normalizeCommuneCode,
  parseDaresDemandeursCommunes,
  parseQuarter,
  parseUrssafCommuneApe,
} from './emploi-import';
import type { CommuneEmployment } from './employment';

const table = (headers: string[], rows: string[][]): CsvInput => ({
  headers,
  records: rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])) as CsvRecord),
});

// The URSSAF CSV export with column labels (one row per commune × APE code).
const URSSAF_HEADERS = [
  'Région',
  'Code commune',
  'Intitulé commune',
  "Grand secteur d'activité",
  'Code APE',
  'Effectifs salariés 2023',
  "Nombre d'établissements 2023",
  'Effectifs salariés 2024',
  "Nombre d'établissements 2024",
];
const urssaf = table(URSSAF_HEADERS, [
  [
    'Auvergne-Rhône-Alpes',
    '01001',
    "01001 L'Abergement-Clémenciat",
    'GS1 Industrie',
    '2511Z',
    '10',
    '2',
    '12',
    '2',
  ],
  [
    'Auvergne-Rhône-Alpes',
    '01001',
    "01001 L'Abergement-Clémenciat",
    'GS3 Commerce',
    '4711D',
    '5',
    '1',
    '',
    '0',
  ],
  [
    'Île-de-France',
    '75101',
    '75101 Paris 1er Arrondissement',
    'GS1 Industrie',
    '1071C',
    '100',
    '3',
    '110',
    '3',
  ],
  [
    'Île-de-France',
    '75120',
    '75120 Paris 20e Arrondissement',
    'GS6 Autres services',
    '6201Z',
    '1 000',
    '9',
    '1 050',
    '9',
  ],
  [
    'Auvergne-Rhône-Alpes',
    '1002',
    "01002 L'Abergement-de-Varey",
    'GS3 Commerce',
    '4711D',
    '3',
    '1',
    '4',
    '1',
  ],
]);

describe('parseUrssafCommuneApe', () => {
  it('sums APE rows per commune and per year, with industrial jobs from the grand sector', () => {
    const r = parseUrssafCommuneApe(urssaf, { year: 2024, maxYear: 2026 });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.years).toEqual([2023, 2024]);
    expect(r.value.hasSectors).toBe(true);
    expect(Object.fromEntries(r.value.communes)).toEqual({
      '01001': { salaries: { 2023: 15, 2024: 12 }, salariesIndustrie: { 2023: 10, 2024: 12 } },
      // Paris arrives by arrondissement and is summed into 75056.
      '75056': { salaries: { 2023: 1100, 2024: 1160 }, salariesIndustrie: { 2023: 100, 2024: 110 } },
      // The leading zero lost by a spreadsheet is restored.
      '01002': { salaries: { 2023: 3, 2024: 4 }, salariesIndustrie: { 2023: 0, 2024: 0 } },
    });
    expect(r.value.warnings).toEqual([]);
  });

  it('reads the field-name spelling and decides industry by APE division without a sector column', () => {
    const r = parseUrssafCommuneApe(
      table(
        ['code_commune', 'code_ape', 'effectifs_salaries_2024'],
        [
          ['01001', '2511Z', '7'],
          ['01001', '4711D', '3'],
          ['01001', '05.10Z', '1'],
        ],
      ),
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.communes.get('01001')).toEqual({ salaries: { 2024: 11 }, salariesIndustrie: { 2024: 8 } });
  });

  it('imports totals only, with a warning, when the file has neither sector nor APE', () => {
    const r = parseUrssafCommuneApe(table(['Code commune', 'Effectifs salariés 2024'], [['01001', '7']]));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.communes.get('01001')).toEqual({ salaries: { 2024: 7 }, salariesIndustrie: null });
    expect(r.value.warnings[0]).toMatch(/l'emploi industriel ne peut pas en être tiré/);
  });

  it('rejects a file of the wrong format, naming the missing columns', () => {
    const r = parseUrssafCommuneApe(
      table(['date', 'code_commune', 'categorie', 'nombre_de_demandeurs_d_emploi'], []),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatch(/^Format non reconnu : ce fichier n'est pas au format URSSAF/);
      expect(r.errors[0]).toMatch(/Colonne manquante : « Effectifs salariés AAAA »/);
      expect(r.errors[0]).toMatch(/Il ressemble à un fichier DARES/);
    }
    const none = parseUrssafCommuneApe(table(['foo', 'bar'], []));
    if (!none.ok)
      expect(none.errors[0]).toMatch(/Colonnes manquantes : « Code commune », « Effectifs salariés AAAA »/);
  });

  it('rejects a file that lacks the announced year, or carries a year in the future', () => {
    const missing = parseUrssafCommuneApe(urssaf, { year: 2025 });
    expect(missing).toEqual({
      ok: false,
      errors: [
        "Le fichier ne contient pas d'effectifs salariés pour 2025 : années présentes de 2023 à 2024.",
      ],
    });
    const future = parseUrssafCommuneApe(urssaf, { maxYear: 2023 });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.errors[0]).toMatch(/^Année 2024 invalide/);
  });

  it('reports bad values and codes with their line and column', () => {
    const r = parseUrssafCommuneApe(
      table(
        ['Code commune', 'Effectifs salariés 2024'],
        [
          ['01001', '7'],
          ['01001', 'abc'],
          ['Paris', '3'],
          ['', '5'],
        ],
      ),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        "Ligne 3, colonne « Effectifs salariés 2024 » : valeur « abc » qui n'est pas un nombre d'emplois.",
        "Ligne 4, colonne « Code commune » : valeur « Paris » qui n'est pas un code commune INSEE (5 caractères).",
      ],
    });
  });
});

// The DARES export (long format), field names as in the API.
const DARES_HEADERS = [
  'date',
  'code_commune',
  'libelle_commune',
  'categorie',
  'sexe',
  'tranche_d_age',
  'nombre_de_demandeurs_d_emploi',
];
const dares = table(DARES_HEADERS, [
  ['2024-T4', '01001', 'A', 'ABC', 'Total', 'Total', '45'],
  ['2024-T4', '01001', 'A', 'A', 'Total', 'Total', '30'],
  ['2024-T4', '01001', 'A', 'ABC', 'Femmes', 'Total', '20'],
  ['2024-T3', '01001', 'A', 'ABC', 'Total', 'Total', '50'],
  ['2023-T4', '01001', 'A', 'ABC', 'Total', 'Total', '40'],
  ['2024-T4', '13201', 'M1', 'ABC', 'Total', 'Total', '100'],
  ['2024-T4', '13202', 'M2', 'ABC', 'Total', 'Total', '105'],
]);

describe('parseDaresDemandeursCommunes', () => {
  it('keeps the A+B+C total of the 4th quarter per commune and year', () => {
    const r = parseDaresDemandeursCommunes(dares, { year: 2024, maxYear: 2026 });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.years).toEqual([2023, 2024]);
    expect(Object.fromEntries(r.value.communes)).toEqual({
      '01001': { 2023: 40, 2024: 45 },
      '13055': { 2024: 205 },
    });
  });

  it('reads label headers and a separate year column', () => {
    const r = parseDaresDemandeursCommunes(
      table(['Année', 'Code commune', "Nombre de demandeurs d'emploi"], [['2024', '01001', '45']]),
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.value.communes.get('01001')).toEqual({ 2024: 45 });
  });

  it('rejects the wrong format, the wrong category, the wrong year and bad periods in French', () => {
    const wrong = parseDaresDemandeursCommunes(urssaf);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.errors[0]).toMatch(/n'est pas au format DARES « demandeurs d'emploi par commune »/);
      expect(wrong.errors[0]).toMatch(/Il ressemble à un fichier URSSAF/);
    }
    const onlyA = parseDaresDemandeursCommunes(
      table(DARES_HEADERS, [['2024-T4', '01001', 'A', 'A', 'Total', 'Total', '30']]),
    );
    expect(onlyA.ok).toBe(false);
    if (!onlyA.ok) expect(onlyA.errors[0]).toMatch(/^Aucune ligne de la catégorie « ABC »/);
    const year = parseDaresDemandeursCommunes(dares, { year: 2025 });
    expect(year).toEqual({
      ok: false,
      errors: [
        "Le fichier ne contient pas de demandeurs d'emploi du 4e trimestre 2025 : années présentes de 2023 à 2024.",
      ],
    });
    const future = parseDaresDemandeursCommunes(dares, { maxYear: 2023 });
    if (!future.ok) expect(future.errors[0]).toMatch(/^Année 2024 invalide/);
    expect(future.ok).toBe(false);
    const period = parseDaresDemandeursCommunes(
      table(DARES_HEADERS, [['hier', '01001', 'A', 'ABC', 'Total', 'Total', '3']]),
    );
    expect(period).toEqual({
      ok: false,
      errors: [
        "Ligne 2, colonne « date » : valeur « hier » qui n'est pas un trimestre (attendu par exemple « 2024-T4 »).",
      ],
    });
  });
});

describe('helpers', () => {
  it('parses quarters and commune codes', () => {
    expect(parseQuarter('2024-T4')).toEqual({ year: 2024, quarter: 4 });
    expect(parseQuarter('T1 2023')).toEqual({ year: 2023, quarter: 1 });
    expect(parseQuarter('2024-11-30')).toEqual({ year: 2024, quarter: 4 });
    expect(parseQuarter('2024')).toBeNull();
    expect(normalizeCommuneCode('2A004')).toBe('2A004');
    expect(normalizeCommuneCode('69381')).toBe('69123');
    expect(normalizeCommuneCode('123')).toBeNull();
  });

  it('applies an import over the shipped data: imported years replace, others stay', () => {
    const base = new Map<string, CommuneEmployment>([
      [
        '01001',
        {
          insee: '01001',
          salaries: { 2024: 1, 2025: 2 },
          salariesIndustrie: { 2025: 1 },
          demandeurs: { 2024: 10 },
        },
      ],
    ]);
    const u = parseUrssafCommuneApe(
      table(
        ['Code commune', "Grand secteur d'activité", 'Effectifs salariés 2026'],
        [
          ['01001', 'GS1 Industrie', '3'],
          ['01002', 'GS3 Commerce', '4'],
        ],
      ),
    );
    if (!u.ok) throw new Error(u.errors.join('\n'));
    const merged = applyImport(base, u.value);
    expect(merged.get('01001')).toEqual({
      insee: '01001',
      salaries: { 2024: 1, 2025: 2, 2026: 3 },
      salariesIndustrie: { 2025: 1, 2026: 3 },
      demandeurs: { 2024: 10 },
    });
    expect(merged.get('01002')!.salaries).toEqual({ 2026: 4 });
    expect(base.get('01001')!.salaries).toEqual({ 2024: 1, 2025: 2 });
    const d = parseDaresDemandeursCommunes(dares);
    if (!d.ok) throw new Error(d.errors.join('\n'));
    expect(applyImport(base, d.value).get('01001')!.demandeurs).toEqual({ 2023: 40, 2024: 45 });
  });
});
