import { describe, expect, it } from 'vitest';
import { isIsoDate, validateAction } from './action';

const base = { tiId: 'ti-8405', title: 'Création d’un campus des métiers' };

const errorsOf = (input: Parameters<typeof validateAction>[0]) => {
  const r = validateAction(input);
  return r.ok ? [] : r.errors;
};

describe('validateAction', () => {
  it('normalises a minimal action: transversal, no status, empty lists', () => {
    const r = validateAction(base);
    expect(r).toEqual({
      ok: true,
      value: {
        tiId: 'ti-8405',
        title: 'Création d’un campus des métiers',
        description: null,
        axe: 'transversal',
        thematiques: [],
        statut: null,
        owner: null,
        partners: [],
        plannedBudget: null,
        fundingObtained: null,
        startDate: null,
        endDate: null,
        filiere: null,
        tags: [],
        externalRef: null,
      },
    });
  });

  it('trims, collapses spaces, deduplicates and orders thématiques as the vocabulary', () => {
    const r = validateAction({
      ...base,
      title: '  Requalification   de la friche  ',
      description: '  Ligne 1\r\nLigne 2  ',
      axe: 'foncier',
      thematiques: ['requalification-friche', 'sites-cles-en-main', 'requalification-friche'],
      statut: 'en-cours',
      partners: ['ADEME', ' ademe ', 'Banque des  Territoires', ''],
      tags: ['Fonds vert', 'fonds vert'],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.title).toBe('Requalification de la friche');
    expect(r.value.description).toBe('Ligne 1\nLigne 2');
    expect(r.value.thematiques).toEqual(['sites-cles-en-main', 'requalification-friche']);
    expect(r.value.partners).toEqual(['ADEME', 'Banque des Territoires']);
    expect(r.value.tags).toEqual(['Fonds vert']);
  });

  it('requires a title of at most 300 characters', () => {
    expect(errorsOf({ ...base, title: '   ' })).toEqual([
      { field: 'title', message: "l'intitulé est obligatoire" },
    ]);
    expect(errorsOf({ ...base, title: 'x'.repeat(301) })[0]?.field).toBe('title');
    expect(errorsOf({ ...base, title: 'x'.repeat(300) })).toEqual([]);
  });

  it('refuses unknown codes, « non-renseigne » being a null status', () => {
    expect(errorsOf({ ...base, axe: 'social' }).map((e) => e.field)).toEqual(['axe']);
    expect(errorsOf({ ...base, thematiques: ['eit', 'tourisme'] }).map((e) => e.field)).toEqual([
      'thematiques',
    ]);
    expect(errorsOf({ ...base, statut: 'fini' }).map((e) => e.field)).toEqual(['statut']);
    const r = validateAction({ ...base, statut: 'non-renseigne' });
    expect(r.ok && r.value.statut).toBe(null);
  });

  it('checks amounts: positive, two decimals; funding may exceed the budget', () => {
    expect(errorsOf({ ...base, plannedBudget: -1 })[0]?.message).toMatch(/négatif/);
    expect(errorsOf({ ...base, plannedBudget: 10.005 })[0]?.message).toMatch(/deux décimales/);
    expect(errorsOf({ ...base, plannedBudget: Number.NaN })[0]?.field).toBe('plannedBudget');
    expect(errorsOf({ ...base, plannedBudget: 0.1 + 0.2 })).toEqual([]);
    const r = validateAction({ ...base, plannedBudget: 100_000, fundingObtained: 150_000.5 });
    expect(r.ok && r.value.fundingObtained).toBe(150_000.5);
  });

  it('checks dates: real calendar dates, end not before start', () => {
    expect(errorsOf({ ...base, startDate: '2024-02-30' })[0]?.field).toBe('startDate');
    expect(errorsOf({ ...base, startDate: '12/03/2024' })[0]?.field).toBe('startDate');
    expect(errorsOf({ ...base, startDate: '2024-03-12', endDate: '2024-03-11' })).toEqual([
      { field: 'endDate', message: 'la date de fin précède la date de début' },
    ]);
    expect(errorsOf({ ...base, startDate: '2024-03-12', endDate: '2024-03-12' })).toEqual([]);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('refuses « ; » inside a partner or tag (it separates list items in exports)', () => {
    expect(errorsOf({ ...base, partners: ['Région; CCI'] })[0]?.field).toBe('partners');
  });

  it('reports every error at once', () => {
    expect(
      errorsOf({ tiId: '', title: '', axe: 'x', plannedBudget: -5, endDate: 'demain' }).map((e) => e.field),
    ).toEqual(['tiId', 'title', 'axe', 'plannedBudget', 'endDate']);
  });
});
