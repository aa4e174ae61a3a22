import { AXES, NON_RENSEIGNE, STATUTS_REPORTED, THEMATIQUES } from '../../domain/actions';
import type { AppContext } from '../platform/context';
import { type CachedBody, prepareBody } from '../platform/http/cached-response';
import { type ActionFilters, buildWhere } from './query';
import { currentRevision } from './store';
import { tiDirectory } from './territories';

// National, regional and territorial counts of actions by axis, thématique, status or region: the
// programme's published tables. An action counts once per thématique it carries; a missing status
// counts as « non-renseigne ». Answers are cached per (question, revision of the actions table):
// a write anywhere bumps the revision, so a cached figure is never stale, even across instances.

export type GroupBy = 'axe' | 'thematique' | 'statut' | 'region';

export interface StatRow {
  key: string;
  label: string;
  count: number;
}

const GROUP_SQL: Record<GroupBy, string> = {
  axe: 'axe',
  statut: `coalesce(statut, '${NON_RENSEIGNE.code}')`,
  region: 'region_code',
  thematique: 'unnest(thematiques)',
};

export async function computeStats(
  ctx: AppContext,
  groupBy: GroupBy,
  filters: ActionFilters,
): Promise<StatRow[]> {
  const where = buildWhere(filters, 'all');
  const { rows } = await ctx.db.query<{ key: string; count: number }>(
    `SELECT ${GROUP_SQL[groupBy]} AS key, count(*)::int AS count FROM actions ${where.sql} GROUP BY 1`,
    where.params,
  );
  const counts = new Map(rows.map((r) => [r.key, r.count]));
  // Every key of the vocabulary, in its order, zeros included: charts and tables stay comparable.
  let keys: { key: string; label: string }[];
  if (groupBy === 'axe') keys = AXES.map((a) => ({ key: a.code, label: a.label }));
  else if (groupBy === 'thematique') keys = THEMATIQUES.map((t) => ({ key: t.code, label: t.label }));
  else if (groupBy === 'statut') keys = STATUTS_REPORTED.map((s) => ({ key: s.code, label: s.label }));
  else {
    const directory = await tiDirectory(ctx);
    const regions = [...directory.regions].sort((a, b) => a[0].localeCompare(b[0]));
    keys = regions
      .filter(([code]) => !filters.region || code === filters.region)
      .map(([code, nom]) => ({ key: code, label: nom }));
  }
  return keys.map((k) => ({ ...k, count: counts.get(k.key) ?? 0 }));
}

interface CacheEntry {
  rev: number;
  body: CachedBody;
}
const caches = new WeakMap<AppContext, Map<string, CacheEntry>>();
const MAX_ENTRIES = 2000;

/** The serialised answer, from the cache when the table has not changed since. */
export async function statsBody(
  ctx: AppContext,
  groupBy: GroupBy,
  filters: ActionFilters,
): Promise<CachedBody> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  const key = JSON.stringify([groupBy, filters]);
  const rev = await currentRevision(ctx.db);
  const hit = cache.get(key);
  if (hit && hit.rev === rev) return hit.body;
  const body = prepareBody(await computeStats(ctx, groupBy, filters));
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { rev, body });
  return body;
}
