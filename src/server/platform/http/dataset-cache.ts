import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { type CachedBody, prepareBody, sendCached } from './cached-response';

// Datasets such as the laureates, sites and governance are a few hundred to a few thousand rows that
// change only on import: each instance keeps them in memory and answers lists, figures and map
// layers from there, with the serialised and compressed bodies memoised per query. An import on this instance drops the
// cache at once; other instances (behind a load balancer) reload after `ttlMs` at most.

const MAX_BODIES = 400;

export class DatasetCache<T> {
  private data: Promise<T> | null = null;
  private loadedAt = 0;
  private bodies = new Map<string, CachedBody>();
  private refreshing = false;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 30_000,
  ) {}

  get(): Promise<T> {
    if (!this.data) return this.reload();
    // Expired: keep answering from the current data while the new one loads (no request waits).
    if (this.now() - this.loadedAt > this.ttlMs && !this.refreshing) {
      this.refreshing = true;
      this.load()
        .then((fresh) => {
          this.data = Promise.resolve(fresh);
          this.bodies = new Map();
        })
        .catch(() => {})
        .finally(() => {
          this.loadedAt = this.now();
          this.refreshing = false;
        });
    }
    return this.data;
  }

  private reload(): Promise<T> {
    this.bodies = new Map();
    this.loadedAt = this.now();
    const promise = this.load();
    promise.catch(() => {
      if (this.data === promise) this.data = null;
    });
    this.data = promise;
    return promise;
  }

  invalidate(): void {
    this.data = null;
    this.bodies = new Map();
  }

  /** Sends the body built by `build` for `key`, serialised and compressed once per data load. */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    build: (data: T) => unknown,
    maxAge = 0,
  ): Promise<FastifyReply> {
    const data = await this.get();
    let body = this.bodies.get(key);
    if (!body) {
      body = prepareBody(build(data));
      if (this.bodies.size >= MAX_BODIES) this.bodies.clear();
      this.bodies.set(key, body);
    }
    return sendCached(request, reply, body, maxAge);
  }
}

/** One cache per platform context and dataset (tests run several platforms in one process). */
export function cacheFor<T>(owner: object, name: string, create: () => DatasetCache<T>): DatasetCache<T> {
  let byName = registry.get(owner);
  if (!byName) {
    byName = new Map();
    registry.set(owner, byName);
  }
  let cache = byName.get(name) as DatasetCache<T> | undefined;
  if (!cache) {
    cache = create();
    byName.set(name, cache);
  }
  return cache;
}
const registry = new WeakMap<object, Map<string, DatasetCache<unknown>>>();

/** The cache of a module's dataset, loaded by `load` and expired on the platform's clock. */
export function datasetCache<T>(ctx: AppContext, name: string, load: (ctx: AppContext) => Promise<T>) {
  return cacheFor(
    ctx,
    name,
    () =>
      new DatasetCache(
        () => load(ctx),
        () => ctx.clock.now().getTime(),
      ),
  );
}

/** A stable cache key for a querystring object (keys sorted, empty values dropped). */
export function queryKey(prefix: string, query: Record<string, unknown>): string {
  const parts = Object.keys(query)
    .sort()
    .filter((k) => query[k] !== undefined && query[k] !== '')
    .map((k) => `${k}=${String(query[k])}`);
  return `${prefix}?${parts.join('&')}`;
}
