import { describe, expect, it } from 'vitest';
import { formatImportError, parseActionRows } from './rows';
import { createTiLookup } from './values';

const tiLookup = createTiLookup([
  { id: 'ti-8405', nom: "Vallée de l'Arve" },
  { id: 'ti-2801', nom: 'Caux Seine' },
]);

describe('parseActionRows', () => {
  it('parses a messy national file', () => {
    const headers = [
      'territoire d’industrie',
      'Titre',
      'Axe',
      'Thématique(s)',
      'Avancement',
      'Budget',
      'Date début',
      'Partenaires',
    ];
    const rows = [
      [
        'VALLEE DE L ARVE',
        'Campus des métiers',
        'Compétences',
        'Nouvelles formations, RH / Marque employeur',
        'En cours',
        '1 200 000 €',
        '12/03/2024',
        'Région ; CCI',
      ],
      ['', '', '', '', '', '', '', ''],
      ['ti-2801', 'Friche de la filature', 'Foncier', 'friche', 'Terminé', '1,5 M€', 45363, ''],
    ];
    const r = parseActionRows(rows, { headers, tiLookup });
    expect(r.errors).toEqual([]);
    expect(r.columns).toEqual([
      'tiId',
      'title',
      'axe',
      'thematiques',
      'statut',
      'plannedBudget',
      'startDate',
      'partners',
    ]);
    expect(r.actions.map((a) => a.line)).toEqual([2, 4]);
    expect(r.actions[0]!.action).toMatchObject({
      tiId: 'ti-8405',
      title: 'Campus des métiers',
      axe: 'competences',
      thematiques: ['nouvelles-formations', 'rh-marque-employeur'],
      statut: 'en-cours',
      plannedBudget: 1_200_000,
      startDate: '2024-03-12',
      partners: ['Région', 'CCI'],
    });
    expect(r.actions[1]!.action).toMatchObject({
      tiId: 'ti-2801',
      statut: 'realise',
      plannedBudget: 1_500_000,
      startDate: '2024-03-12',
    });
  });

  it('reports every error with its line and the column as written in the file', () => {
    const headers = [
      'TI',
      'Intitulé',
      'Statut',
      'Budget prévisionnel (€)',
      'Date de début',
      'Date de fin',
      'Thématiques',
    ];
    const rows = [
      ['Atlantide', 'A', '', '', '', '', ''],
      ['ti-8405', '', 'fini', '-3', '', '', ''],
      ['ti-8405', 'B', '', 'beaucoup', '31/02/2024', '', 'Tourisme'],
      ['ti-8405', 'C', '', '', '12/03/2024', '01/01/2024', ''],
      ['', 'D', '', '', '', '', ''],
    ];
    const r = parseActionRows(rows, { headers, tiLookup });
    expect(r.actions).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'TI'],
      [3, 'Statut'],
      [3, 'Budget prévisionnel (€)'],
      [3, 'Intitulé'],
      [4, 'Budget prévisionnel (€)'],
      [4, 'Date de début'],
      [4, 'Thématiques'],
      [5, 'Date de fin'],
      [6, 'TI'],
    ]);
    expect(formatImportError(r.errors[1]!)).toBe(
      "Ligne 3, colonne « Statut » : valeur « fini » inconnue ; attendu l'un de : « Amont / action à initier », « En étude préalable », « En cours de réalisation », « En pause / à débloquer », « Réalisé », « Abandonné », « Non renseigné »",
    );
    expect(r.errors[3]!.message).toBe("l'intitulé est obligatoire");
    expect(r.errors[7]!.message).toBe('la date de fin précède la date de début');
    expect(r.errors[8]!.message).toBe('territoire manquant');
  });

  it('imports for one TI: no territory column needed, another TI is an error', () => {
    const r = parseActionRows([['Action A'], ['Action B']], {
      headers: ['Intitulé'],
      tiLookup,
      defaultTiId: 'ti-8405',
    });
    expect(r.errors).toEqual([]);
    expect(r.actions.map((a) => a.action.tiId)).toEqual(['ti-8405', 'ti-8405']);
    const other = parseActionRows(
      [
        ['Caux Seine', 'A'],
        ['', 'B'],
      ],
      {
        headers: ['Territoire', 'Intitulé'],
        tiLookup,
        defaultTiId: 'ti-8405',
        tiName: () => "Vallée de l'Arve",
      },
    );
    expect(other.errors).toEqual([
      {
        line: 2,
        column: 'Territoire',
        message:
          "la ligne concerne « Caux Seine » alors que l'import porte sur le territoire « Vallée de l'Arve »",
      },
    ]);
    expect(other.actions.map((a) => a.action.tiId)).toEqual(['ti-8405']);
  });

  it('reports missing and duplicated columns on line 1 and stops', () => {
    const r = parseActionRows([['x', 'y']], { headers: ['Description', 'Descriptif'], tiLookup });
    expect(r.errors).toEqual([
      { line: 1, column: 'Territoire', message: 'colonne obligatoire absente du fichier' },
      { line: 1, column: 'Intitulé', message: 'colonne obligatoire absente du fichier' },
      {
        line: 1,
        column: 'Descriptif',
        message: 'colonne en double : « Description » désigne déjà la même donnée',
      },
    ]);
  });

  it('uses the given line numbers (multi-line CSV cells) and lists ignored columns', () => {
    const r = parseActionRows([['ti-8405', '', 'x']], {
      headers: ['Territoire', 'Intitulé', 'Commentaire'],
      tiLookup,
      lineNumbers: [7],
    });
    expect(r.errors[0]!.line).toBe(7);
    expect(r.ignoredColumns).toEqual(['Commentaire']);
  });
});
