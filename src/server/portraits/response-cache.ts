import { type CachedBody, prepareBody } from '../platform/http/cached-response';

// Serialised, compressed responses keyed by the version of the data they were computed from (the
// référentiel/employment version and the action plans' revision): a repeated request costs a
// lookup. Bounded in entries and in bytes: every edit of an action plan changes the revision, so
// the entries of older revisions are never asked for again and, least recently used, go first.

const MAX_ENTRIES = 2_000;
const MAX_BYTES = 24 * 1024 * 1024;

interface Entry {
  body: Promise<CachedBody | null>;
  bytes: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  get(
    key: string,
    build: () => Promise<unknown> | unknown,
    contentType?: string,
  ): Promise<CachedBody | null> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: the first entry is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.body;
    }
    const entry: Entry = { body: Promise.resolve(null), bytes: 0 };
    entry.body = (async () => {
      const value = await build();
      const body = value === null || value === undefined ? null : prepareBody(value, contentType);
      if (body && this.entries.get(key) === entry) {
        entry.bytes = body.gzip.byteLength + body.br.byteLength;
        this.bytes += entry.bytes;
        this.evict();
      }
      return body;
    })();
    entry.body.catch(() => this.remove(key, entry));
    this.entries.set(key, entry);
    this.evict();
    return entry.body;
  }

  /** Number of entries and bytes held (tests, diagnostics). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private evict() {
    while (this.entries.size > this.maxEntries || (this.bytes > this.maxBytes && this.entries.size > 1)) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.remove(oldest, entry);
    }
  }

  private remove(key: string, entry: Entry) {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
