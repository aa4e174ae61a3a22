import { describe, expect, it } from 'vitest';
import {
  formatImportError,
  headerKey,
  importRows,
  matchColumns,
  normalizeInsee,
  normalizeSiren,
  parseBoolean,
  parseDate,
  parseNumber,
} from './import-kit';

describe('parseNumber', () => {
  it.each([
    ['1 234 567,89', 1234567.89],
    ['1.234.567', 1234567],
    ['1.500', 1500],
    ['1.5', 1.5],
    ['63 000 €', 63000],
    ['1,5 M€', 1_500_000],
    ['40 k€', 40_000],
    ['12 ha', 12],
    ['1,234.5', 1234.5],
    ['1\u202f300', 1300],
    [42, 42],
  ])('reads %s', (input, expected) => expect(parseNumber(input)).toBe(expected));

  it.each(['beaucoup', '12 abc', '1,2,3a', ''])('refuses %s', (input) =>
    expect(parseNumber(input)).toBeUndefined());
});

describe('cell readers', () => {
  it('reads yes/no in French', () => {
    expect(parseBoolean('Oui')).toBe(true);
    expect(parseBoolean('NON')).toBe(false);
    expect(parseBoolean('x')).toBe(true);
    expect(parseBoolean('peut-être')).toBeUndefined();
  });

  it('reads dates', () => {
    expect(parseDate('15/04/2024')).toBe('2024-04-15');
    expect(parseDate('2024-04-15')).toBe('2024-04-15');
    expect(parseDate(45397)).toBe('2024-04-15');
    expect(parseDate('31/02/2024')).toBeUndefined();
  });

  it('restores the leading zero of INSEE codes and accepts Corsica', () => {
    expect(normalizeInsee(1004)).toBe('01004');
    expect(normalizeInsee('2A004')).toBe('2A004');
    expect(normalizeInsee('123')).toBeUndefined();
  });

  it('checks the SIREN key and takes the SIREN of a SIRET', () => {
    expect(normalizeSiren('249710062')).toBe('249710062');
    expect(normalizeSiren('249 710 062 00015')).toBe('249710062');
    expect(normalizeSiren('249710063')).toBeUndefined();
    expect(normalizeSiren('356000000')).toBe('356000000');
  });
});

describe('header matching', () => {
  it('ignores case, accents, units and small words', () => {
    expect(headerKey('Subvention (€)')).toBe(headerKey('SUBVENTION'));
    expect(headerKey('Code de la commune')).toBe(headerKey('code commune'));
    const { map, missing, unknown } = matchColumns(
      ['code_insee', 'MONTANT DE L’AIDE', 'Commentaire'],
      [
        { key: 'commune', label: 'Code commune', synonyms: ['Code INSEE'], required: true },
        { key: 'subvention', label: 'Subvention (€)', synonyms: ["Montant de l'aide"], required: true },
        { key: 'annee', label: 'Année', required: true },
      ],
    );
    expect(map).toEqual({ commune: 'code_insee', subvention: 'MONTANT DE L’AIDE' });
    expect(missing.map((c) => c.key)).toEqual(['annee']);
    expect(unknown).toEqual(['Commentaire']);
  });

  it('reports a missing required column on the header line, in French', () => {
    const result = importRows([{ Autre: 'x' }], [{ key: 'nom', label: 'Nom', required: true }], () => ({}));
    expect(result.items).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(formatImportError(result.errors[0]!)).toBe(
      'Ligne 1, colonne « Nom » : colonne obligatoire absente ; en-têtes acceptés : « Nom »',
    );
  });

  it('accepts a table (headers + arrays), skips empty rows and numbers lines', () => {
    const result = importRows(
      {
        headers: ['Nom', 'Surface'],
        rows: [
          ['A', '3'],
          ['', ''],
          ['B', 'trois'],
        ],
      },
      [
        { key: 'nom', label: 'Nom', required: true },
        { key: 'surface', label: 'Surface', required: true },
      ],
      (cells) => {
        const surface = cells.number('surface', { required: true });
        const nom = cells.text('nom', true);
        return surface == null || !nom ? undefined : { nom, surface };
      },
    );
    expect(result.items).toEqual([{ nom: 'A', surface: 3 }]);
    expect(result.errors).toEqual([
      { line: 4, column: 'Surface', message: 'valeur « trois » non numérique ; attendu un nombre' },
    ]);
  });
});

describe('identifiers', () => {
  it('refuses the same identifier twice in one file', () => {
    const result = importRows(
      [{ Identifiant: 'a' }, { Identifiant: 'b' }, { Identifiant: 'a' }],
      [{ key: 'id', label: 'Identifiant' }],
      (cells) => cells.text('id'),
    );
    expect(result.items).toEqual(['a', 'b']);
    expect(result.errors.map(formatImportError)).toEqual([
      'Ligne 4, colonne « Identifiant » : identifiant « a » déjà présent ligne 2 ; attendu un identifiant unique',
    ]);
  });

  it('reads exceljs rich text and formula results', () => {
    const result = importRows(
      [
        { Nom: { richText: [{ text: 'Forges ' }, { text: 'du Nord' }] } },
        { Nom: { formula: 'A1', result: 'X' } },
      ],
      [{ key: 'nom', label: 'Nom' }],
      (cells) => cells.text('nom'),
    );
    expect(result.items).toEqual(['Forges du Nord', 'X']);
  });
});

describe('column priority', () => {
  it('gives a header to the column it names exactly before any synonym', () => {
    const columns = [
      { key: 'beneficiaire', label: 'Bénéficiaire', synonyms: ['Structure'] },
      { key: 'structure', label: 'Structure' },
    ];
    expect(matchColumns(['Structure', 'Bénéficiaire'], columns).map).toEqual({
      beneficiaire: 'Bénéficiaire',
      structure: 'Structure',
    });
    expect(matchColumns(['Structure'], columns).map).toEqual({ structure: 'Structure' });
  });

  it('does not read the commune name column as the commune code', () => {
    const columns = [{ key: 'commune', label: 'Code commune', synonyms: ['Code INSEE'] }];
    expect(matchColumns(['Commune', 'Code INSEE'], columns).map).toEqual({ commune: 'Code INSEE' });
  });
});
