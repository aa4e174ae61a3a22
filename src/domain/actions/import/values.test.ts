import { describe, expect, it } from 'vitest';
import {
  createTiLookup,
  excelSerialToIso,
  parseAmount,
  parseAxe,
  parseDate,
  parseList,
  parseStatut,
  parseThematiques,
} from './values';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) =>
  r.ok ? r.value : `ERR ${r.message}`;

describe('parseStatut', () => {
  it.each([
    ['En cours', 'en-cours'],
    ['En cours de réalisation', 'en-cours'],
    ['en-cours', 'en-cours'],
    ['Terminé', 'realise'],
    ['Terminée', 'realise'],
    ['Fait', 'realise'],
    ['RÉALISÉ', 'realise'],
    ['À initier', 'amont'],
    ['A lancer', 'amont'],
    ['Amont / action à initier', 'amont'],
    ['Étude', 'etude'],
    ['En étude préalable', 'etude'],
    ['Bloqué', 'en-pause'],
    ['En pause', 'en-pause'],
    ['En pause / à débloquer', 'en-pause'],
    ['Abandonnée', 'abandonne'],
    ['Abandonné', 'abandonne'],
    ['', null],
    [null, null],
    ['Non renseigné', null],
    ['-', null],
    ['3 - En cours', 'en-cours'],
    ['🟢 Réalisé', 'realise'],
  ])('« %s » → %s', (cell, expected) => {
    expect(value(parseStatut(cell))).toBe(expected);
  });

  it('names the expected values when unknown', () => {
    const r = parseStatut('fini');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toBe(
        "valeur « fini » inconnue ; attendu l'un de : « Amont / action à initier », « En étude préalable », « En cours de réalisation », « En pause / à débloquer », « Réalisé », « Abandonné », « Non renseigné »",
      );
  });
});

describe('parseAxe', () => {
  it.each([
    ['Compétences et attractivité', 'competences'],
    ['compétences', 'competences'],
    ['Foncier', 'foncier'],
    ['Axe 3 - Innovation', 'innovation'],
    ['Transition écologique', 'transition'],
    ['transition', 'transition'],
    ['Transversal / non classé', 'transversal'],
    ['', 'transversal'],
  ])('« %s » → %s', (cell, expected) => {
    expect(value(parseAxe(cell))).toBe(expected);
  });
  it('refuses an unknown axis', () => expect(parseAxe('Tourisme').ok).toBe(false));
});

describe('parseThematiques', () => {
  it('reads labels, codes, synonyms and unambiguous prefixes, several per cell', () => {
    expect(value(parseThematiques('RH / Marque employeur; Optimisation / densification foncier'))).toEqual([
      'rh-marque-employeur',
      'optimisation-foncier',
    ]);
    expect(value(parseThematiques('EIT, Transition énergétique'))).toEqual(['eit', 'transition-energetique']);
    expect(value(parseThematiques('eit | gestion-eau\nTiers-lieux'))).toEqual([
      'eit',
      'gestion-eau',
      'tiers-lieux',
    ]);
    expect(value(parseThematiques('Écologie industrielle et territoriale (EIT)'))).toEqual(['eit']);
    expect(value(parseThematiques('friches / Sites clés en main'))).toEqual([
      'requalification-friche',
      'sites-cles-en-main',
    ]);
    expect(value(parseThematiques('Valorisation'))).toEqual(['valorisation-industrie']);
    expect(value(parseThematiques("Écosystème d'innovation"))).toEqual(['ecosysteme-innovation']);
    expect(value(parseThematiques('Besoins en formation'))).toEqual(['besoin-formation']);
    expect(value(parseThematiques('eit; EIT'))).toEqual(['eit']);
    expect(value(parseThematiques(''))).toEqual([]);
  });
  it('refuses unknown and ambiguous pieces, naming them', () => {
    const r = parseThematiques('EIT; Tourisme');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(
        /^thématique « Tourisme » inconnue ; attendu parmi : « Valorisation de l'industrie »/,
      );
    // « Nouvelles » would be fine, « n » is too short to be a prefix.
    expect(parseThematiques('n').ok).toBe(false);
  });
});

describe('parseList', () => {
  it('splits on ; | and new lines, keeps commas', () => {
    expect(value(parseList('Région ; Bpifrance, direction régionale|ADEME\nCCI'))).toEqual([
      'Région',
      'Bpifrance, direction régionale',
      'ADEME',
      'CCI',
    ]);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1 200 000 €', 1_200_000],
    ['1\u202f200\u202f000,50', 1_200_000.5],
    ['1 200 000,50 €', 1_200_000.5],
    ['1.200.000', 1_200_000],
    ['1.500', 1500],
    ['1,5 M€', 1_500_000],
    ['1.5 M€', 1_500_000],
    ['150 k€', 150_000],
    ['2 millions', 2_000_000],
    ['1,234,567.89', 1_234_567.89],
    ['1200000.5', 1_200_000.5],
    ['0', 0],
    [1234.56, 1234.56],
    ['12 euros', 12],
    ['1 200 000 € HT', 1_200_000],
    ['', null],
    [null, null],
  ])('« %s » → %s', (cell, expected) => {
    expect(value(parseAmount(cell))).toBe(expected);
  });
  it.each([['-500'], ['beaucoup'], ['12,345 abc'], [-3], ['10,001']])('refuses « %s »', (cell) => {
    expect(parseAmount(cell).ok).toBe(false);
  });
  it('says why', () => {
    const r = parseAmount('-500 €');
    expect(!r.ok && r.message).toBe('montant « -500 € » négatif ; attendu un montant positif en euros');
  });
});

describe('parseDate', () => {
  it.each([
    ['12/03/2024', '2024-03-12'],
    ['2024-03-12', '2024-03-12'],
    ['2024-03-12T00:00:00.000Z', '2024-03-12'],
    ['1/3/2024', '2024-03-01'],
    ['12-03-2024', '2024-03-12'],
    ['12.03.24', '2024-03-12'],
    [45363, '2024-03-12'],
    ['45363', '2024-03-12'],
    [new Date(Date.UTC(2024, 2, 12)), '2024-03-12'],
    [{ result: 45363 }, '2024-03-12'],
    ['', null],
  ])('« %s » → %s', (cell, expected) => {
    expect(value(parseDate(cell))).toBe(expected);
  });
  it.each([['31/02/2024'], ['demain'], ['2024-13-01'], [-4]])('refuses « %s »', (cell) => {
    expect(parseDate(cell).ok).toBe(false);
  });
  it('converts Excel serials with the 1900 system', () => {
    expect(excelSerialToIso(1)).toBe('1899-12-31');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
  });
});

describe('createTiLookup', () => {
  const lookup = createTiLookup([
    { id: 'ti-8405', nom: "Vallée de l'Arve" },
    { id: 'ti-0103', nom: 'Terres de Cannes et Industries d’Avenir' },
  ]);
  it('resolves ids and names regardless of case, accents and punctuation', () => {
    expect(lookup.resolve('ti-8405')).toBe('ti-8405');
    expect(lookup.resolve('TI 8405')).toBe('ti-8405');
    expect(lookup.resolve('VALLEE DE L ARVE')).toBe('ti-8405');
    expect(lookup.resolve("Terres de Cannes et Industries d'Avenir")).toBe('ti-0103');
    expect(lookup.resolve('Vallée-de-l’Arve')).toBe('ti-8405');
    expect(lookup.resolve('Arve')).toBeUndefined();
  });
  it('resolves a name shared by two territories to nothing', () => {
    const twins = createTiLookup([
      { id: 'ti-1', nom: 'Val de Loire' },
      { id: 'ti-2', nom: 'Val-de-Loire' },
    ]);
    expect(twins.resolve('Val de Loire')).toBeUndefined();
    expect(twins.resolve('ti-2')).toBe('ti-2');
  });
});
