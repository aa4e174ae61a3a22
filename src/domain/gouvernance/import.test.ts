import { describe, expect, it } from 'vitest';
import { formatImportError } from '../shared/import-kit';
import type { PlaceLookup } from '../territoires/places';
import { parseBinomeRows, parseChefDeProjetRows, parseCoordinatorRows, parseEventRows } from './import';

const places: Required<Pick<PlaceLookup, 'territory' | 'region'>> = {
  territory: (value) =>
    value === 'ti-2701' || value === 'Grand Chalon'
      ? { id: 'ti-2701', nom: 'Grand Chalon', reg: '27' }
      : undefined,
  region: (value) => ({ '27': '27', 'Bourgogne-Franche-Comté': '27' })[value],
};
const ctx = { places };

describe('parseBinomeRows', () => {
  it('reads élus and industriels, with sizes, functions and contacts', () => {
    const { items, errors } = parseBinomeRows(
      [
        {
          Territoire: 'Grand Chalon',
          Type: 'Élue',
          Prénom: 'Claire',
          Nom: 'Martin',
          'E-mail': 'Claire.Martin@exemple.fr',
          Tél: '03 85 00 00 00',
          Mandat: 'Vice-présidente développement économique',
          Collectivité: 'CA Le Grand Chalon',
        },
        {
          Territoire: 'ti-2701',
          Type: 'industriel',
          Nom: 'Durand',
          Entreprise: 'Aciéries du Chalonnais',
          Taille: 'Entreprise de taille intermédiaire',
          Fonction: 'Directrice de site',
        },
        {
          Territoire: 'ti-2701',
          Type: 'Industriel',
          Nom: 'Petit',
          Entreprise: 'Petit SAS',
          Fonction: 'Responsable innovation',
        },
        { Territoire: 'ti-2701', Type: 'Industriel', Nom: 'Roux', Entreprise: 'Roux SA' },
      ],
      ctx,
    );
    expect(errors).toEqual([]);
    expect(
      items.map((m) => [m.kind, m.nom, m.mandat, m.entreprise, m.taille, m.fonction, m.fonctionLibelle]),
    ).toEqual([
      ['elu', 'Martin', 'Vice-présidente développement économique', null, null, null, null],
      ['industriel', 'Durand', null, 'Aciéries du Chalonnais', 'eti', 'directeur-site', null],
      ['industriel', 'Petit', null, 'Petit SAS', null, 'autre', 'Responsable innovation'],
      ['industriel', 'Roux', null, 'Roux SA', null, null, null],
    ]);
    expect(items[0]).toMatchObject({ email: 'claire.martin@exemple.fr', telephone: '0385000000', reg: '27' });
  });

  it('reports each kind of bad input in French', () => {
    const { items, errors } = parseBinomeRows(
      [
        { TI: 'Atlantide', Type: 'Élu', Nom: 'A', Mandat: 'Maire' },
        { TI: 'ti-2701', Type: 'Citoyen', Nom: 'B' },
        { TI: 'ti-2701', Type: 'Élu', Nom: 'C' },
        { TI: 'ti-2701', Type: 'Industriel', Nom: 'D', Entreprise: 'D SA', Taille: 'Énorme' },
        {
          TI: 'ti-2701',
          Type: 'Élu',
          Nom: 'E',
          Mandat: 'Maire',
          Courriel: 'e-at-exemple.fr',
          Téléphone: '12',
        },
      ],
      ctx,
    );
    expect(items).toEqual([]);
    expect(errors.map(formatImportError)).toEqual([
      'Ligne 2, colonne « TI » : territoire « Atlantide » inconnu ; attendu un identifiant (ti-…) ou un nom de TI',
      "Ligne 3, colonne « Type » : valeur « Citoyen » inconnue ; attendu l'un de : Élu, Industriel",
      "Ligne 4, colonne « Mandat » : valeur manquante ; attendu le mandat de l'élu (« Maire de … »)",
      "Ligne 5, colonne « Taille » : valeur « Énorme » inconnue ; attendu l'un de : TPE, PME, ETI, GE",
      'Ligne 6, colonne « Courriel » : adresse « e-at-exemple.fr » invalide ; attendu une adresse électronique',
      'Ligne 6, colonne « Téléphone » : numéro « 12 » invalide ; attendu 10 chiffres ou un numéro international',
    ]);
  });
});

describe('parseChefDeProjetRows', () => {
  it('reads a chef de projet and checks dates and co-financing', () => {
    const { items, errors } = parseChefDeProjetRows(
      [
        {
          TI: 'ti-2701',
          Nom: 'Lambert',
          'En poste depuis': '01/09/2023',
          Cofinancé: 'oui',
          'Cofinancement État (€)': '45 000',
        },
        { TI: 'ti-2701', Nom: 'Morel', 'En poste depuis': 'septembre', Cofinancé: 'non' },
        { TI: 'ti-2701', Nom: 'Roy', Cofinancé: 'non', 'Cofinancement État (€)': '10 000' },
        { TI: 'ti-2701', Nom: 'Giraud', 'Cofinancement État (€)': '20 000' },
      ],
      ctx,
    );
    expect(items.map((c) => [c.nom, c.enPosteDepuis, c.cofinance, c.cofinancementEtatEuros])).toEqual([
      ['Lambert', '2023-09-01', true, 45_000],
      ['Giraud', null, true, 20_000],
    ]);
    expect(errors.map(formatImportError)).toEqual([
      'Ligne 3, colonne « En poste depuis » : date « septembre » non reconnue ; attendu une date au format JJ/MM/AAAA',
      'Ligne 4, colonne « Cofinancement État (€) » : montant de cofinancement pour un poste déclaré non cofinancé ; attendu une cellule vide',
    ]);
  });
});

describe('parseCoordinatorRows', () => {
  it('reads coordinators by region code or name and reports unknown regions', () => {
    const { items, errors } = parseCoordinatorRows(
      [
        { Région: 'Bourgogne-Franche-Comté', Nom: 'Blanc', Structure: 'Conseil régional' },
        { Région: '99', Nom: 'Noir' },
      ],
      ctx,
    );
    expect(items).toMatchObject([{ reg: '27', nom: 'Blanc', structure: 'Conseil régional' }]);
    expect(errors.map(formatImportError)).toEqual([
      'Ligne 3, colonne « Région » : région « 99 » inconnue ; attendu un code (« 84 ») ou un nom de région',
    ]);
  });
});

describe('parseEventRows', () => {
  it('reads COPIL and national events, and asks a TI or a region where needed', () => {
    const { items, errors } = parseEventRows(
      [
        {
          Type: 'COPIL de lancement',
          Date: '12/12/2023',
          TI: 'ti-2701',
          Participants: '42',
          Organisations: 'Préfecture; Bpifrance',
        },
        { Type: 'COPIL régional', Date: '2024-05-02', Région: '27' },
        { Type: 'Webinaire', Date: '2024-06-18', Participants: '231' },
        { Type: 'COPIL de lancement', Date: '12/12/2023' },
        { Type: 'COPIL régional', Date: '2024-05-02' },
        { Type: 'Apéritif', Date: '2024-05-02' },
        { Type: 'Webinaire', Date: '2024-06-18', Participants: 'beaucoup' },
      ],
      ctx,
    );
    expect(items.map((e) => [e.kind, e.date, e.tiId, e.reg, e.participants, e.organisations])).toEqual([
      ['copil-lancement', '2023-12-12', 'ti-2701', '27', 42, ['Préfecture', 'Bpifrance']],
      ['copil-regional', '2024-05-02', null, '27', null, []],
      ['webinaire-national', '2024-06-18', null, null, 231, []],
    ]);
    expect(errors.map(formatImportError)).toEqual([
      "Ligne 5, colonne « TI » : valeur manquante ; un « COPIL de lancement » se rattache à un Territoire d'industrie (identifiant ti-… ou nom)",
      'Ligne 6, colonne « Région » : valeur manquante ; un « COPIL régional » se rattache à une région (code ou nom)',
      "Ligne 7, colonne « Type » : valeur « Apéritif » inconnue ; attendu l'un de : COPIL de lancement, COPIL local, COPIL régional, Séminaire national, Webinaire national, Formation, Autre événement",
      'Ligne 8, colonne « Participants » : valeur « beaucoup » non numérique ; attendu un nombre entier de participants',
    ]);
  });
});
