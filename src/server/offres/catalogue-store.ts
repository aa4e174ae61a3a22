// The catalogue held in memory by each running platform (matching runs on it, never on the database),
// and mirrored into the `offres` table at start so that SQL figures can join offer titles and
// operators. Loading twice (loadReference, then route registration) reads the files once.

import { createHash } from 'node:crypto';
import type { Offer } from '../../domain/offres/catalogue';
import { operateurLabel } from '../../domain/offres/vocabulary';
import { normalizeText } from '../../domain/shared/text';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { DEFAULT_CATALOGUE_DIR, loadCatalogue } from './catalogue-loader';

export interface Catalogue {
  offers: Offer[];
  bySlug: Map<string, Offer>;
  /** Normalised search text of each offer (title, summary, description, keywords, operator). */
  searchText: Map<Offer, string>;
  /** Fingerprint of the loaded content: the database mirror is rewritten only when it changes. */
  version: string;
}

const stores = new WeakMap<AppContext, Promise<Catalogue>>();

/** Directory of the offer files: data/offres/, or PILOTE_OFFRES_DIR (tests of a broken catalogue). */
export const catalogueDir = () => process.env.PILOTE_OFFRES_DIR || DEFAULT_CATALOGUE_DIR;

/** The platform's catalogue, loaded on first use. A broken catalogue rejects (and stays rejected). */
export function catalogue(ctx: AppContext): Promise<Catalogue> {
  let store = stores.get(ctx);
  if (!store) {
    store = loadCatalogue(catalogueDir()).then(build);
    stores.set(ctx, store);
  }
  return store;
}

export function build(offers: Offer[]): Catalogue {
  const searchText = new Map<Offer, string>();
  for (const offer of offers) {
    searchText.set(
      offer,
      normalizeText(
        [
          offer.titre,
          offer.resume,
          offer.description,
          offer.beneficiaires,
          offer.motsCles.join(' '),
          operateurLabel(offer.operateur),
          offer.partenaires.map(operateurLabel).join(' '),
        ].join(' '),
      ),
    );
  }
  const version = createHash('sha256').update(JSON.stringify(offers)).digest('hex').slice(0, 16);
  return { offers, bySlug: new Map(offers.map((o) => [o.slug, o])), searchText, version };
}

/** Rewrites the `offres` table from the catalogue when its content changed. Returns the count, or null if unchanged. */
export async function mirrorCatalogue(db: Sql, cat: Catalogue): Promise<number | null> {
  const { rows } = await db.query<{ version: string }>(
    "SELECT version FROM dataset_loads WHERE dataset = 'offres:catalogue'",
  );
  if (rows[0]?.version === cat.version) return null;
  await db.query('DELETE FROM offres');
  await db.query(
    `INSERT INTO offres (slug, titre, operateur, statut, nature, axes, thematiques, data)
     SELECT o->>'slug', o->>'titre', o->>'operateur', o->>'statut',
            ARRAY(SELECT jsonb_array_elements_text(o->'nature')),
            ARRAY(SELECT jsonb_array_elements_text(o->'regles'->'axes')),
            ARRAY(SELECT jsonb_array_elements_text(o->'regles'->'thematiques')),
            o
       FROM jsonb_array_elements($1::jsonb) AS o`,
    [JSON.stringify(cat.offers)],
  );
  await db.query(
    `INSERT INTO dataset_loads (dataset, version, rows_loaded) VALUES ('offres:catalogue', $1, $2)
     ON CONFLICT (dataset) DO UPDATE SET version = EXCLUDED.version, rows_loaded = EXCLUDED.rows_loaded, loaded_at = now()`,
    [cat.version, cat.offers.length],
  );
  return cat.offers.length;
}
