import { describe, expect, it } from 'vitest';
import { formatImportError } from '../shared/import-kit';
import type { PlaceLookup } from '../territoires/places';
import { parseLandNeedRows, parseSiteRows } from './import';

const places: Required<Pick<PlaceLookup, 'commune' | 'territory'>> = {
  commune: (insee) =>
    ({
      '13004': { nom: 'Arles', dep: '13', reg: '93', tiId: 'ti-9301' },
      '64300': { nom: 'Lacq', dep: '64', reg: '75', tiId: 'ti-7501' },
      '13055': { nom: 'Marseille', dep: '13', reg: '93', tiId: null },
    })[insee],
  territory: (value) => (value === 'ti-9301' ? { id: 'ti-9301', nom: 'Arles', reg: '93' } : undefined),
};

describe('parseSiteRows', () => {
  it('reads sites with tolerant headers, maturity labels and yes/no answers', () => {
    const { items, errors, horsTi } = parseSiteRows(
      [
        {
          'Nom du site': 'Zone portuaire d’Arles',
          'Code INSEE': '13004',
          Superficie: '25',
          'Niveau de maturité': 'Prêt',
          Recyclage: 'Non',
          Atelier: 'Oui',
          'Feuille de route': 'Oui',
        },
        {
          'Nom du site': 'Plateformes du bassin de Lacq',
          'Code INSEE': '64300',
          Superficie: '277,5 ha',
          'Niveau de maturité': 'avant 2030',
          Recyclage: 'Oui',
          Atelier: 'à venir',
          'Feuille de route': 'non',
        },
      ],
      { places },
    );
    expect(errors).toEqual([]);
    expect(horsTi).toEqual([]);
    expect(
      items.map((s) => [
        s.nom,
        s.tiId,
        s.surfaceHa,
        s.maturite,
        s.recyclageFoncier,
        s.atelier,
        s.feuilleDeRoute,
      ]),
    ).toEqual([
      ['Zone portuaire d’Arles', 'ti-9301', 25, 'pret', false, 'tenu', true],
      ['Plateformes du bassin de Lacq', 'ti-7501', 277.5, 'avant-2030', true, 'a-venir', false],
    ]);
  });

  it('reports each kind of bad input in French, with line, column and what was expected', () => {
    const base = { Site: 'ZA', 'Code commune': '13004', 'Surface (ha)': '12', Maturité: 'Court terme' };
    const { items, errors, horsTi } = parseSiteRows(
      [
        { ...base, 'Code commune': '99999' },
        { ...base, 'Surface (ha)': 'grand' },
        { ...base, Maturité: 'bientôt' },
        { ...base, 'Surface (ha)': '0' },
        { ...base, 'Code commune': '13055' },
        { ...base, 'Code commune': 'ARLES' },
      ],
      { places },
    );
    expect(errors.map(formatImportError)).toEqual([
      'Ligne 2, colonne « Code commune » : code commune « 99999 » inconnu ; attendu un code commune INSEE existant',
      'Ligne 3, colonne « Surface (ha) » : valeur « grand » non numérique ; attendu une surface en hectares',
      "Ligne 4, colonne « Maturité » : valeur « bientôt » inconnue ; attendu l'un de : Prêt à accueillir des industriels, Disponible à court terme, Prêt avant 2030",
      'Ligne 5, colonne « Surface (ha) » : surface nulle ; attendu une surface en hectares supérieure à 0',
      'Ligne 7, colonne « Code commune » : code « ARLES » invalide ; attendu un code commune INSEE à 5 caractères',
    ]);
    // A commune outside every TI is not an error: the site is kept and reported.
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ communeNom: 'Marseille', tiId: null, horsTi: true });
    expect(horsTi).toEqual([{ line: 6, nom: 'ZA', communeInsee: '13055', communeNom: 'Marseille' }]);
  });
});

describe('parseLandNeedRows', () => {
  it('reads land needs and reports unknown territories and bad values', () => {
    const { items, errors } = parseLandNeedRows(
      [
        {
          TI: 'ti-9301',
          Besoin: 'Extension d’un site chimique',
          Nature: 'Extension',
          Surface: '12 ha',
          Échéance: '2027',
        },
        { TI: 'ti-0000', Besoin: 'X', Surface: '3' },
        { TI: 'ti-9301', Besoin: 'Y', Surface: '3', Échéance: '2100', Nature: 'Autre chose' },
      ],
      { places },
    );
    expect(items).toEqual([
      {
        id: 'import-2',
        tiId: 'ti-9301',
        reg: '93',
        libelle: 'Extension d’un site chimique',
        type: 'extension',
        surfaceHa: 12,
        echeance: 2027,
        actionId: null,
        demo: false,
      },
    ]);
    expect(errors.map(formatImportError)).toEqual([
      'Ligne 3, colonne « TI » : territoire « ti-0000 » inconnu ; attendu un identifiant (ti-…) ou un nom de TI',
      "Ligne 4, colonne « Nature » : valeur « Autre chose » inconnue ; attendu l'un de : Implantation d'une nouvelle activité industrielle, Extension d'une entreprise existante, Requalification d'une friche ou d'une zone existante, Réserve foncière / nouvelle zone d’activités",
      'Ligne 4, colonne « Échéance » : valeur « 2100 » supérieure à 2050 ; attendu une année entre 2023 et 2050',
    ]);
  });
});
