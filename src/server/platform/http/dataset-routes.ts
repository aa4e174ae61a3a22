import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { Permission } from '../../../domain/comptes/policy';
import { exportTable } from '../files/export-table';
import { type DatasetCache, queryKey } from './dataset-cache';
import { notFound } from './errors';
import { sendFile } from './file-routes';
import { checkScope, type ScopeNames, type StatsScope } from './territory-names';

// The route shapes of the modules that answer from an in-memory dataset (see DatasetCache): lists,
// map layers, figures, one item, table exports. Each route still states its URL, access, schema and
// French summary where it is registered; these helpers only hold the handler they all repeat.

interface RouteDoc {
  tags: string[];
  summary: string;
}

/**
 * A public GET whose answer depends only on the query: built once per data load and query. `check`
 * may refuse the query against the data first (a French 404 for an unknown code).
 */
export function cachedRoute<T, Q extends object>(
  app: FastifyInstance,
  cache: DatasetCache<T>,
  url: string,
  doc: RouteDoc & { querystring: TSchema; key: string; check?: (data: T, query: Q) => void },
  build: (data: T, query: Q) => unknown,
) {
  const { tags, summary, querystring, key, check } = doc;
  app.get(
    url,
    { config: { access: 'public' }, schema: { tags, summary, querystring } },
    async (request, reply) => {
      const q = request.query as Q;
      if (check) check(await cache.get(), q);
      return cache.send(request, reply, queryKey(key, q as Record<string, unknown>), (data) =>
        build(data, q),
      );
    },
  );
}

/** The public figures of a module for France, a region or a TI; an unknown scope is a French 404. */
export function statsRoute<T extends ScopeNames, Q extends StatsScope>(
  app: FastifyInstance,
  cache: DatasetCache<T>,
  url: string,
  doc: RouteDoc & { querystring: TSchema },
  build: (data: T, query: Q) => unknown,
) {
  cachedRoute(app, cache, url, { ...doc, key: 'stats', check: checkScope }, build);
}

/** A public GET of one item by its id; an unknown id is a 404 with the module's French message. */
export function itemRoute<T, I>(
  app: FastifyInstance,
  cache: DatasetCache<T>,
  url: string,
  doc: RouteDoc & { unknown: (id: string) => string },
  find: (data: T, id: string) => I | undefined,
  present: (data: T, item: I) => unknown,
) {
  app.get(
    url,
    {
      config: { access: 'public' },
      schema: {
        tags: doc.tags,
        summary: doc.summary,
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const data = await cache.get();
      const item = find(data, id);
      if (item === undefined) throw notFound(doc.unknown(id));
      return present(data, item);
    },
  );
}

/** A download of one table (CSV by default, or XLSX) built from the dataset. */
export function tableExportRoute<T, Q extends object>(
  app: FastifyInstance,
  cache: DatasetCache<T>,
  url: string,
  doc: RouteDoc & {
    access: Permission;
    querystring: TSchema;
    file: { name: string; sheet: string; headers: readonly string[] };
  },
  rows: (data: T, query: Q, request: FastifyRequest) => unknown[][],
) {
  app.get(
    url,
    {
      config: { access: doc.access },
      schema: { tags: doc.tags, summary: doc.summary, querystring: doc.querystring },
    },
    async (request, reply) => {
      const q = request.query as Q & { format?: 'csv' | 'xlsx' };
      const data = await cache.get();
      const { name, sheet, headers } = doc.file;
      return sendFile(
        reply,
        await exportTable(q.format ?? 'csv', name, sheet, headers, rows(data, q, request)),
      );
    },
  );
}
