import { describe, expect, it } from 'vitest';
import { OfferFileError, parseOffer, slugOfFileName, validateCatalogue, validateOffer } from './catalogue';

/** A complete, valid offer as the YAML parser hands it over. */
const validData = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  slug: 'friches',
  titre: 'Recyclage des friches',
  operateur: 'prefectures',
  nature: ['subvention'],
  resume: 'Une aide au déficit des opérations de friche.',
  description: 'Description longue.',
  beneficiaires: 'Les collectivités.',
  pour: ['epci', 'collectivite'],
  montants: 'Selon le déficit.',
  conditions: 'Friche identifiée.',
  candidater: 'Auprès de la préfecture.',
  statut: 'ouverte',
  regles: { axes: ['foncier'], thematiques: ['requalification-friche'], statuts: ['etude'] },
  mots_cles: ['friche'],
  source: { publication: 'Bilan à 1 an du temps II', fichier: 'seeds/bilan.txt' },
  mise_a_jour: '2026-11-22',
  ...overrides,
});

const issuesOf = (data: unknown, fileName = 'offres/friches.yaml') => {
  const result = validateOffer(fileName, data);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
};

describe('parseOffer', () => {
  it('reads a valid offer into the typed shape', () => {
    const offer = parseOffer('offres/friches.yaml', validData());
    expect(offer).toMatchObject({
      slug: 'friches',
      operateur: 'prefectures',
      partenaires: [],
      montants: { texte: 'Selon le déficit.' },
      statut: 'ouverte',
      regles: {
        axes: ['foncier'],
        thematiques: ['requalification-friche'],
        statuts: ['etude'],
        territoires: [],
        porteurs: [],
      },
      motsCles: ['friche'],
      sources: [{ publication: 'Bilan à 1 an du temps II', fichier: 'seeds/bilan.txt' }],
      miseAJour: '2026-11-22',
    });
  });

  it('accepts the detailed forms of statut, montants and source', () => {
    const offer = parseOffer(
      'offres/friches.yaml',
      validData({
        statut: { etat: 'a-venir', precision: 'Annoncée.', ouverture: '2027-01-15', cloture: '2027-03-31' },
        montants: { texte: 'De 10 000 à 200 000 €.', min: 10_000, max: 200_000 },
        source: [{ publication: 'A' }, { publication: 'B', url: 'https://example.org/b' }],
      }),
    );
    expect(offer.statut).toBe('a-venir');
    expect(offer.statutPrecision).toBe('Annoncée.');
    expect(offer.ouverture).toBe('2027-01-15');
    expect(offer.montants).toEqual({ texte: 'De 10 000 à 200 000 €.', min: 10_000, max: 200_000 });
    expect(offer.sources).toHaveLength(2);
  });

  it('names the file and the field of an unknown thématique, in French', () => {
    const data = validData({ regles: { thematiques: ['requalification-friche', 'friche'] } });
    expect(() => parseOffer('offres/friches.yaml', data)).toThrow(OfferFileError);
    const [issue] = issuesOf(data);
    expect(issue).toMatchObject({ file: 'offres/friches.yaml', field: 'regles.thematiques[1]' });
    expect(() => parseOffer('offres/friches.yaml', data)).toThrow(
      /^offres\/friches\.yaml, champ « regles\.thematiques\[1\] » : « friche » n'est pas une thématique connue ; attendu l'un de : valorisation-industrie, /,
    );
  });

  it('reports every problem of a file at once', () => {
    const data = validData({ titre: '', operateur: 'onu', statut: 'fini', mise_a_jour: '22/11/2026' });
    delete data.candidater;
    const fields = issuesOf(data).map((issue) => issue.field);
    expect(fields).toEqual(['titre', 'operateur', 'candidater', 'mise_a_jour', 'statut']);
  });

  it('requires the slug to be the file name', () => {
    expect(issuesOf(validData(), 'offres/recyclage.yaml')).toEqual([
      {
        file: 'offres/recyclage.yaml',
        field: 'slug',
        message: '« friches » doit être identique au nom du fichier (« recyclage »)',
      },
    ]);
    expect(slugOfFileName('data/offres/a-b.yml')).toBe('a-b');
  });

  it('refuses unknown fields, so that a typo never silently drops a rule', () => {
    const issues = issuesOf(validData({ regles: { axes: ['foncier'], thematique: ['eit'] } }));
    expect(issues.map((issue) => issue.field)).toEqual(['regles.thematique']);
    expect(issues[0]?.message).toMatch(/^champ inconnu ; champs possibles : axes, thematiques/);
  });

  it('requires at least an axe or a thématique to match on', () => {
    const issues = issuesOf(validData({ regles: { statuts: ['etude'] } }));
    expect(issues).toEqual([expect.objectContaining({ field: 'regles' })]);
    expect(issuesOf(validData({ regles: { axes: [], thematiques: [] } }))).toEqual([
      expect.objectContaining({ field: 'regles' }),
    ]);
  });

  it('rejects a file that is not a mapping, a duplicate code, a bad amount and a closing before opening', () => {
    expect(issuesOf(null)[0]).toMatchObject({ field: '' });
    expect(issuesOf(['a'])[0]?.message).toMatch(/le fichier doit décrire une offre/);
    const issues = issuesOf(
      validData({
        pour: ['epci', 'epci'],
        montants: { texte: 'x', min: -3 },
        statut: { etat: 'ouverte', ouverture: '2027-05-01', cloture: '2027-01-01' },
      }),
    );
    expect(issues.map((issue) => `${issue.field}: ${issue.message}`)).toEqual([
      'pour[1]: « epci » est en double',
      "montants.min: « -3 » n'est pas un montant en euros (nombre positif)",
      "statut.cloture: la clôture (2027-01-01) précède l'ouverture (2027-05-01)",
    ]);
  });

  it('accepts a Date handed over by a YAML 1.1 parser', () => {
    expect(
      parseOffer('friches.yaml', validData({ mise_a_jour: new Date('2026-11-22T00:00:00Z') })).miseAJour,
    ).toBe('2026-11-22');
  });
});

describe('validateCatalogue', () => {
  it('sorts offers by slug and refuses a slug used twice', () => {
    const ok = validateCatalogue([
      { fileName: 'offres/friches.yaml', data: validData() },
      { fileName: 'offres/autre.yaml', data: validData({ slug: 'autre' }) },
    ]);
    expect(ok.ok && ok.offers.map((offer) => offer.slug)).toEqual(['autre', 'friches']);

    const twice = validateCatalogue([
      { fileName: 'offres/friches.yaml', data: validData() },
      { fileName: 'sous-dossier/friches.yaml', data: validData() },
    ]);
    expect(!twice.ok && twice.issues).toEqual([
      {
        file: 'sous-dossier/friches.yaml',
        field: 'slug',
        message: '« friches » déjà utilisé par offres/friches.yaml',
      },
    ]);
  });

  it('refuses an empty catalogue', () => {
    const result = validateCatalogue([]);
    expect(!result.ok && result.issues[0]?.message).toBe('aucune offre dans le catalogue');
  });
});
