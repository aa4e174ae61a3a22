import type { AppContext } from '../platform/context';
import { type CachedBody, prepareBody } from '../platform/http/cached-response';
import { buildCatalog, type Catalog } from './catalog';

// One catalog per loaded référentiel version. Several app instances share a database: each checks
// the loaded version at most every CHECK_INTERVAL and rebuilds when another one reloaded the data.

const CHECK_INTERVAL_MS = 10_000;

export class TerritoryCache {
  private catalog: Catalog | null = null;
  private building: Promise<Catalog> | null = null;
  private checkedAt = 0;
  private readonly bodies = new Map<string, CachedBody>();

  constructor(private readonly ctx: AppContext) {}

  async get(): Promise<Catalog> {
    const now = Date.now();
    if (this.catalog && now - this.checkedAt < CHECK_INTERVAL_MS) return this.catalog;
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const version = await this.loadedVersion();
        if (!this.catalog || this.catalog.version !== version) {
          this.catalog = await buildCatalog(this.ctx.db, version);
          this.bodies.clear();
        }
        this.checkedAt = Date.now();
        return this.catalog;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** A serialised, compressed response for `key`, built from the catalog on first use. */
  async body(key: string, build: (catalog: Catalog) => unknown): Promise<CachedBody | null> {
    const catalog = await this.get();
    const cacheKey = `${catalog.version}:${key}`;
    let body = this.bodies.get(cacheKey);
    if (!body) {
      const value = build(catalog);
      if (value === undefined || value === null) return null;
      body = prepareBody(value);
      this.bodies.set(cacheKey, body);
    }
    return body;
  }

  invalidate() {
    this.checkedAt = 0;
  }

  private async loadedVersion(): Promise<string> {
    const { rows } = await this.ctx.db.query<{ version: string }>(
      "SELECT version FROM dataset_loads WHERE dataset = 'referentiel'",
    );
    if (!rows[0])
      throw new Error("Le référentiel n'est pas chargé : lancez « npx pilote import referentiel ».");
    return rows[0].version;
  }
}
