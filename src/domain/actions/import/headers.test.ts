import { describe, expect, it } from 'vitest';
import { exportHeaders } from '../columns';
import { matchHeaders } from './headers';

describe('matchHeaders', () => {
  it('maps every header of our own export to its column', () => {
    const m = matchHeaders(exportHeaders());
    expect(m.mapping).toEqual([
      'id',
      'tiId',
      'title',
      'description',
      'axe',
      'thematiques',
      'statut',
      'owner',
      'partners',
      'plannedBudget',
      'fundingObtained',
      'startDate',
      'endDate',
      'filiere',
      'tags',
      'externalRef',
    ]);
    expect(m.unknown).toEqual([]);
    expect(m.missing).toEqual([]);
  });

  it('accepts what people type: case, accents, spacing, plural, units, synonyms', () => {
    const m = matchHeaders([
      ' TERRITOIRE ',
      'titre',
      'Thématique(s)',
      'AVANCEMENT',
      'Porteur de projet',
      'partenaire',
      'Budget (en €)',
      'Financements obtenus',
      'date debut',
      'Échéance',
      'Mots-clés',
      'Id Grist',
      'Commentaire',
      'Statut au 30/11/2024',
      '',
    ]);
    expect(m.mapping).toEqual([
      'tiId',
      'title',
      'thematiques',
      'statut',
      'owner',
      'partners',
      'plannedBudget',
      'fundingObtained',
      'startDate',
      'endDate',
      'tags',
      'externalRef',
      null,
      null,
      null,
    ]);
    expect(m.unknown).toEqual([{ index: 12, header: 'Commentaire' }]);
    expect(m.duplicates).toEqual([
      { index: 13, header: 'Statut au 30/11/2024', key: 'statut', firstHeader: 'AVANCEMENT' },
    ]);
  });

  it.each([
    ["Intitulé de l'action", 'title'],
    ['Intitule', 'title'],
    ['Thèmes', 'thematiques'],
    ['État d’avancement', 'statut'],
    ['TI', 'tiId'],
    ['Date de fin prévue (jj/mm/aaaa)', 'endDate'],
  ])('« %s » → %s', (header, key) => {
    expect(matchHeaders([header]).mapping).toEqual([key]);
  });

  it('requires the title, and the territory unless the import is for one TI', () => {
    expect(matchHeaders(['Description']).missing).toEqual(['tiId', 'title']);
    expect(matchHeaders(['Description'], { defaultTiId: 'ti-8405' }).missing).toEqual(['title']);
  });
});
