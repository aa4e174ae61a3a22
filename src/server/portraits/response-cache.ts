import { type CachedBody, prepareBody } from '../platform/http/cached-response';

// Serialised, compressed responses keyed by the version of the data they were computed from (the
// référentiel/employment version and the action plans' revision): a repeated request costs a
// lookup. Bounded: the oldest entries go first when full.

const MAX_ENTRIES = 2_000;

export class ResponseCache {
  private readonly entries = new Map<string, Promise<CachedBody | null>>();

  get(
    key: string,
    build: () => Promise<unknown> | unknown,
    contentType?: string,
  ): Promise<CachedBody | null> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = (async () => {
        const value = await build();
        return value === null || value === undefined ? null : prepareBody(value, contentType);
      })();
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size >= MAX_ENTRIES) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(key, entry);
    }
    return entry;
  }
}
