import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATUTS, THEMATIQUES, thematiqueAxe } from '../../domain/actions/vocabulary';
import { matchOffers, matchPlan } from '../../domain/offres/matching';
import { createRandom } from '../../domain/shared/random';
import { CatalogueLoadError, DEFAULT_CATALOGUE_DIR, loadCatalogue } from './catalogue-loader';

const VALID = `slug: friches
titre: Recyclage des friches
operateur: prefectures
nature: [subvention]
resume: Une aide au déficit des opérations de friche.
description: Description.
beneficiaires: Les collectivités.
pour: [epci]
montants: Selon le déficit.
conditions: Friche identifiée.
candidater: Auprès de la préfecture.
statut: ouverte
regles:
  thematiques: [requalification-friche]
source:
  publication: Bilan à 1 an du temps II
mise_a_jour: 2026-11-22
`;

describe('loadCatalogue on a temporary folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offres-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads valid files and ignores other files', async () => {
    await writeFile(join(dir, 'friches.yaml'), VALID);
    await writeFile(join(dir, 'LISEZMOI.md'), '# pas une offre');
    const offers = await loadCatalogue(dir);
    expect(offers.map((offer) => offer.slug)).toEqual(['friches']);
    expect(offers[0]?.miseAJour).toBe('2026-11-22');
  });

  it('refuses the whole catalogue, naming every broken file and field', async () => {
    await writeFile(join(dir, 'friches.yaml'), VALID);
    await writeFile(
      join(dir, 'eau.yaml'),
      VALID.replace('slug: friches', 'slug: eau').replace(
        '[requalification-friche]',
        '[requalification-friche, friche]',
      ),
    );
    await writeFile(join(dir, 'casse.yaml'), 'slug: casse\ntitre: [non fermé\n');
    await writeFile(join(dir, 'vide.yaml'), '');
    const error = await loadCatalogue(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CatalogueLoadError);
    const message = (error as Error).message;
    expect(message.split('\n')[0]).toBe('Catalogue des offres invalide (3 erreurs) :');
    expect(message).toContain(
      "- offres/eau.yaml, champ « regles.thematiques[1] » : « friche » n'est pas une thématique connue ; attendu l'un de :",
    );
    expect(message).toMatch(/- offres\/casse\.yaml : YAML illisible \(ligne \d+, colonne \d+\) : /);
    expect(message).toContain('- offres/vide.yaml : le fichier doit décrire une offre');
    expect(message).not.toContain('friches.yaml');
  });

  it('refuses an empty or missing folder', async () => {
    await expect(loadCatalogue(dir)).rejects.toThrow('aucune offre dans le catalogue');
    await expect(loadCatalogue(join(dir, 'absent'))).rejects.toThrow('dossier du catalogue illisible');
  });
});

describe('the project catalogue (data/offres)', () => {
  it('loads at least 25 valid offers, one file per slug, each with its source', async () => {
    const offers = await loadCatalogue();
    const files = (await readdir(DEFAULT_CATALOGUE_DIR)).filter((name) => name.endsWith('.yaml')).sort();
    expect(offers.length).toBeGreaterThanOrEqual(25);
    expect(offers.map((offer) => `${offer.slug}.yaml`)).toEqual(files);
    for (const offer of offers) {
      expect(offer.sources.length, offer.slug).toBeGreaterThan(0);
      for (const source of offer.sources) expect(source.publication.length, offer.slug).toBeGreaterThan(10);
    }
  });

  it('names the offers the programme requires', async () => {
    const slugs = new Set((await loadCatalogue()).map((offer) => offer.slug));
    for (const slug of [
      'cofinancement-chef-de-projet',
      'ingenierie-anct',
      'fabriques-prospectives',
      'rebond-industriel',
      'fonds-vert-territoires-industrie-transition-ecologique',
      'fonds-vert-recyclage-friches',
      'sites-cles-en-main-france-2030',
      'france-foncier-plus',
      'ademe-act',
      'ademe-ecologie-industrielle-territoriale',
      'ademe-fonds-chaleur',
      'ademe-fonds-economie-circulaire',
      'france-travail-pro',
      'business-france-attractivite-internationale',
      'action-logement-salaries',
      'ecoles-de-production',
      'campus-connectes',
      'cnam-au-coeur-des-territoires',
      'volontariat-territorial-en-entreprise',
      'manufactures-de-proximite',
    ])
      expect(slugs.has(slug), slug).toBe(true);
  });

  it('offers an open answer to every thématique, at least through its axe', async () => {
    const offers = await loadCatalogue();
    for (const { code } of THEMATIQUES) {
      const matches = matchOffers({ axe: thematiqueAxe(code), thematiques: [code], statut: 'etude' }, offers);
      expect(matches.length, code).toBeGreaterThan(0);
    }
  });

  it('matches 2,812 actions against the real catalogue in well under a second', async () => {
    const offers = await loadCatalogue();
    const random = createRandom(2024);
    const actions = Array.from({ length: 2812 }, (_, i) => {
      const own = random.shuffle(THEMATIQUES.map((t) => t.code)).slice(0, random.int(1, 3));
      return {
        id: i,
        axe: thematiqueAxe(own[0]!),
        thematiques: own,
        statut: random.next() < 0.08 ? null : random.pick(STATUTS).code,
      };
    });
    const started = performance.now();
    const view = matchPlan(actions, offers);
    const elapsed = performance.now() - started;
    console.info(
      `matchPlan: ${actions.length} actions × ${offers.length} offres en ${elapsed.toFixed(1)} ms`,
    );
    expect(view.length).toBeGreaterThan(10);
    expect(elapsed).toBeLessThan(1000);
  });
});
