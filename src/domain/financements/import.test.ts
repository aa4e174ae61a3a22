import { describe, expect, it } from 'vitest';
import { formatImportError } from '../shared/import-kit';
import type { PlaceLookup } from '../territoires/places';
import { parseLaureateRows, parseRebondMissionRows } from './import';

// A tiny référentiel: Chalon-sur-Saône in a TI, Mâcon outside any TI.
const places: Required<PlaceLookup> = {
  commune: (insee) =>
    ({
      '71076': { nom: 'Chalon-sur-Saône', dep: '71', reg: '27', tiId: 'ti-2701' },
      '71270': { nom: 'Mâcon', dep: '71', reg: '27', tiId: null },
    })[insee],
  siren: (siren) =>
    ({
      '552100554': { communeInsee: '71076' },
      '542051180': { tiId: 'ti-2701' },
    })[siren],
  territory: (value) => (value === 'ti-2701' ? { id: 'ti-2701', nom: 'Grand Chalon', reg: '27' } : undefined),
  region: (value) => (value === '27' ? '27' : undefined),
};

const row = (overrides: Record<string, unknown> = {}) => ({
  Dispositif: 'Fonds vert',
  Entreprise: 'Aciéries du Chalonnais',
  'Code INSEE': '71076',
  "Montant de l'aide": '450 000 €',
  'Investissement (€)': '3,2 M€',
  'Emplois prévus': '12',
  'Emplois conditionnés': '6',
  Filière: 'Économie circulaire',
  'Atténuation climat': 'Oui',
  'Économie circulaire': 'Non',
  Année: 2024,
  ...overrides,
});

describe('parseLaureateRows', () => {
  it('reads a valid row with tolerant headers and French numbers', () => {
    const { items, errors, horsTi } = parseLaureateRows([row()], { places });
    expect(errors).toEqual([]);
    expect(horsTi).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      dispositif: 'fonds-vert',
      beneficiaire: 'Aciéries du Chalonnais',
      communeInsee: '71076',
      communeNom: 'Chalon-sur-Saône',
      tiId: 'ti-2701',
      dep: '71',
      reg: '27',
      horsTi: false,
      subventionEuros: 450_000,
      investissementEuros: 3_200_000,
      emploisPrevus: 12,
      emploisConditionnes: 6,
      filiere: 'economie-circulaire',
      attenuationClimat: true,
      economieCirculaire: false,
      annee: 2024,
      demo: false,
    });
  });

  it('keeps a laureate whose commune lies outside every TI, and reports it', () => {
    const { items, errors, horsTi } = parseLaureateRows([row({ 'Code INSEE': '71270' })], { places });
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ tiId: null, horsTi: true, communeNom: 'Mâcon' });
    expect(horsTi).toEqual([
      { line: 2, beneficiaire: 'Aciéries du Chalonnais', communeInsee: '71270', communeNom: 'Mâcon' },
    ]);
  });

  it('places a laureate from its SIREN when the commune is missing', () => {
    const viaCommune = parseLaureateRows([row({ 'Code INSEE': '', SIREN: '552 100 554' })], { places });
    expect(viaCommune.errors).toEqual([]);
    expect(viaCommune.items[0]).toMatchObject({ siren: '552100554', tiId: 'ti-2701', communeInsee: '71076' });
    const viaTi = parseLaureateRows([row({ 'Code INSEE': '', SIREN: '542051180' })], { places });
    expect(viaTi.errors).toEqual([]);
    expect(viaTi.items[0]).toMatchObject({ tiId: 'ti-2701', reg: '27', communeInsee: '' });
  });

  it('reports each kind of bad input with line, column and what was expected, in French', () => {
    const { items, errors } = parseLaureateRows(
      [
        row(),
        row({ 'Code INSEE': '99999' }),
        row({ 'Code INSEE': '', SIREN: '732829320' }),
        row({ "Montant de l'aide": 'beaucoup' }),
        row({ Filière: 'Chimie' }),
        row({ 'Emplois conditionnés': '20' }),
        row({ SIREN: '123456789' }),
        row({ Dispositif: 'Subvention magique' }),
        row({ 'Code INSEE': '' }),
        row({ "Montant de l'aide": '5 M€' }),
      ],
      { places },
    );
    expect(items).toHaveLength(1);
    expect(errors.map(formatImportError)).toEqual([
      'Ligne 3, colonne « Code INSEE » : code commune « 99999 » inconnu ; attendu un code commune INSEE existant',
      "Ligne 4, colonne « SIREN » : SIREN « 732829320 » inconnu ; attendu le SIREN d'un établissement connu",
      "Ligne 5, colonne « Montant de l'aide » : valeur « beaucoup » non numérique ; attendu un montant en euros",
      "Ligne 6, colonne « Filière » : valeur « Chimie » inconnue ; attendu l'un de : Économie circulaire, recyclage, réemploi, valorisation de déchets et coproduits, Relocalisation de biens de consommation courants à hauts standards environnementaux, Bioéconomie et produits biosourcés, Autres chaînes de valeur (mobilités durables, agroalimentaire durable…)",
      'Ligne 7, colonne « Emplois conditionnés » : 20 emplois conditionnés pour 12 emplois prévus ; attendu au plus 12',
      'Ligne 8, colonne « SIREN » : SIREN « 123456789 » invalide ; attendu 9 chiffres (ou un SIRET à 14 chiffres)',
      "Ligne 9, colonne « Dispositif » : valeur « Subvention magique » inconnue ; attendu l'un de : Fonds vert — Territoires d'industrie en transition écologique, Rebond industriel (France 2030) — subvention, Ingénierie ANCT, Ingénierie « Rebond industriel »",
      'Ligne 10, colonne « Code INSEE » : valeur manquante ; attendu un code commune INSEE, ou à défaut un SIREN connu',
      "Ligne 11, colonne « Montant de l'aide » : la subvention (5 000 000 €) dépasse l'investissement (3 200 000 €)",
    ]);
  });

  it('takes the scheme and the year from the context when the file has no such column', () => {
    const { Dispositif: _d, Année: _a, ...bare } = row();
    const { items, errors } = parseLaureateRows([bare], {
      places,
      dispositif: 'rebond-industriel',
      annee: 2024,
    });
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ dispositif: 'rebond-industriel', annee: 2024 });
  });

  it('refuses a file without the required columns', () => {
    const { errors } = parseLaureateRows([{ Entreprise: 'X' }], { places });
    expect(errors.map((e) => e.column)).toEqual(['Subvention (€)']);
    expect(errors[0]!.line).toBe(1);
  });
});

describe('parseRebondMissionRows', () => {
  it('reads a mission and reports an unknown territory', () => {
    const { items, errors } = parseRebondMissionRows(
      [
        {
          TI: 'ti-2701',
          'Entretiens réalisés': '46',
          'Projets recensés': '120',
          'Investissements recensés': '224 M€',
          'Emplois recensés': '740',
          'Entreprises soutenues': '6',
          Enveloppe: '1,5 M€',
        },
        { TI: 'Atlantide', Enveloppe: '2 M€' },
      ],
      { places },
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      tiId: 'ti-2701',
      reg: '27',
      nom: 'Mission Rebond industriel — Grand Chalon',
      entretiens: 46,
      projetsRecenses: 120,
      investissementsRecensesEuros: 224_000_000,
      emploisRecenses: 740,
      entreprisesSoutenues: 6,
      enveloppeEuros: 1_500_000,
    });
    expect(errors.map(formatImportError)).toEqual([
      'Ligne 3, colonne « TI » : territoire « Atlantide » inconnu ; attendu un identifiant (ti-…) ou un nom de TI',
    ]);
  });
});
