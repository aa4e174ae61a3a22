import { NON_RENSEIGNE } from '../../domain/actions';
import type { ComparisonAggregates, Dimension, TransitionEnd } from '../../domain/campagnes';
import type { Database, Sql } from '../platform/db/database';
import type { CampaignRow } from './store';

// The rows a campaign's figures are computed from — its frozen snapshot once closed, the live
// actions of its territories while open — and the aggregates (counts, transitions) in SQL, so that
// figures over 280,000 actions never travel to the application.

/** SQL (a subquery) of the actions of a campaign; `$p` is the campaign id parameter. */
export function campaignRowsSql(c: CampaignRow, p: string): string {
  if (c.closed_at)
    return `SELECT action_id, territoire_id, region_code, titre, axe, thematiques, statut
              FROM campagne_snapshots WHERE campagne_id = ${p}`;
  return `SELECT a.id AS action_id, a.territoire_id, a.region_code, a.title AS titre, a.axe, a.thematiques, a.statut
            FROM actions a
           WHERE a.archived_at IS NULL
             AND a.territoire_id IN (SELECT territoire_id FROM campagne_territoires WHERE campagne_id = ${p})`;
}

const NR = `'${NON_RENSEIGNE.code}'`;
const DIMENSION_SQL: Record<Dimension, string> = {
  axe: 'axe',
  statut: `coalesce(statut, ${NR})`,
  region: 'region_code',
  thematique: 'unnest(thematiques)',
};

export interface Filter {
  region?: string;
  territoire?: string;
}

function filterSql(filter: Filter, params: unknown[]): string {
  const parts: string[] = [];
  if (filter.region) {
    params.push(filter.region);
    parts.push(`region_code = $${params.length}`);
  }
  if (filter.territoire) {
    params.push(filter.territoire);
    parts.push(`territoire_id = $${params.length}`);
  }
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

const unfiltered = (f: Filter) => !f.region && !f.territoire;

/** Counts of one campaign by one dimension (precomputed at closing when unfiltered). */
export async function campaignCounts(
  sql: Sql,
  c: CampaignRow,
  dimension: Dimension,
  filter: Filter = {},
): Promise<{ key: string; count: number }[]> {
  if (c.closed_at && unfiltered(filter)) {
    const { rows } = await sql.query<{ key: string; count: number }>(
      'SELECT key, count FROM campagne_stats WHERE campagne_id = $1 AND dimension = $2',
      [c.id, dimension],
    );
    return rows;
  }
  const params: unknown[] = [c.id];
  const where = filterSql(filter, params);
  const { rows } = await sql.query<{ key: string; count: number }>(
    `SELECT ${DIMENSION_SQL[dimension]} AS key, count(*)::int AS count
       FROM (${campaignRowsSql(c, '$1')}) s ${where} GROUP BY 1`,
    params,
  );
  return rows;
}

export async function campaignTotal(sql: Sql, c: CampaignRow, filter: Filter = {}): Promise<number> {
  if (c.closed_at && unfiltered(filter) && c.nb_actions !== null) return c.nb_actions;
  const params: unknown[] = [c.id];
  const where = filterSql(filter, params);
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${campaignRowsSql(c, '$1')}) s ${where}`,
    params,
  );
  return rows[0]!.n;
}

/** Stores the figures of a snapshot just taken (same transaction as the snapshot): two passes. */
export async function storeSnapshotStats(tx: Sql, campaignId: string): Promise<void> {
  await tx.query(
    `INSERT INTO campagne_stats (campagne_id, dimension, key, count)
     SELECT $1::uuid,
            CASE WHEN GROUPING(axe) = 0 THEN 'axe' WHEN GROUPING(st) = 0 THEN 'statut' ELSE 'region' END,
            coalesce(axe, st, region_code), count(*)::int
       FROM (SELECT axe, coalesce(statut, ${NR}) AS st, region_code FROM campagne_snapshots WHERE campagne_id = $1) s
      GROUP BY GROUPING SETS ((axe), (st), (region_code))`,
    [campaignId],
  );
  await tx.query(
    `INSERT INTO campagne_stats (campagne_id, dimension, key, count)
     SELECT $1::uuid, 'thematique', key, count(*)::int
       FROM (SELECT unnest(thematiques) AS key FROM campagne_snapshots WHERE campagne_id = $1) s
      GROUP BY key`,
    [campaignId],
  );
}

/** Everything a comparison needs, aggregated in SQL. */
export async function comparisonAggregates(
  sql: Sql,
  de: CampaignRow,
  a: CampaignRow,
  filter: Filter = {},
): Promise<ComparisonAggregates> {
  const counts: ComparisonAggregates['counts'] = [];
  const dims: Dimension[] = ['axe', 'thematique', 'statut', 'region'];
  const [countsDe, countsA, totalDe, totalA, transitions] = await Promise.all([
    Promise.all(dims.map((d) => campaignCounts(sql, de, d, filter))),
    Promise.all(dims.map((d) => campaignCounts(sql, a, d, filter))),
    campaignTotal(sql, de, filter),
    campaignTotal(sql, a, filter),
    transitionCounts(sql, de, a, filter),
  ]);
  dims.forEach((dimension, i) => {
    const merged = new Map<string, { de: number; a: number }>();
    for (const r of countsDe[i]!) merged.set(r.key, { de: r.count, a: 0 });
    for (const r of countsA[i]!) merged.set(r.key, { de: merged.get(r.key)?.de ?? 0, a: r.count });
    for (const [key, v] of merged) counts.push({ dimension, key, ...v });
  });
  return { totals: { de: totalDe, a: totalA }, counts, transitions };
}

type Transition = { from: TransitionEnd; to: TransitionEnd; count: number };

// Two closed campaigns never change (frozen snapshots): their transitions are computed once per
// process. Keyed by the database object, so that several platforms in one process never mix.
const transitionCache = new WeakMap<object, Map<string, Transition[]>>();
const CACHE_ENTRIES = 100;

/** From each statut to each statut, with 'absente' for actions in one campaign only. */
export async function transitionCounts(
  sql: Sql,
  de: CampaignRow,
  a: CampaignRow,
  filter: Filter = {},
): Promise<Transition[]> {
  if (!de.closed_at || !a.closed_at) return withMemory(sql, (s) => computeTransitions(s, de, a, filter));
  if (!filter.region && !filter.territoire) return storedTransitions(sql, de, a);
  let cache = transitionCache.get(sql);
  if (!cache) {
    cache = new Map();
    transitionCache.set(sql, cache);
  }
  const key = JSON.stringify([de.id, a.id, filter.region ?? null, filter.territoire ?? null]);
  const hit = cache.get(key);
  if (hit) return hit;
  const computed = await withMemory(sql, (s) => computeTransitions(s, de, a, filter));
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, computed);
  return computed;
}

/**
 * Transitions between two closed campaigns, from campagne_transitions; computed and stored on first
 * request (any instance may do it; a concurrent duplicate is ignored).
 */
export async function storedTransitions(sql: Sql, de: CampaignRow, a: CampaignRow): Promise<Transition[]> {
  const { rows: stored } = await sql.query<Transition>(
    `SELECT from_statut AS "from", to_statut AS "to", count FROM campagne_transitions WHERE de = $1 AND a = $2`,
    [de.id, a.id],
  );
  if (stored.length > 0) return stored;
  // The reverse pair, when known, is the same matrix transposed.
  const { rows: reverse } = await sql.query<Transition>(
    `SELECT to_statut AS "from", from_statut AS "to", count FROM campagne_transitions WHERE de = $1 AND a = $2`,
    [a.id, de.id],
  );
  const computed =
    reverse.length > 0 ? reverse : await withMemory(sql, (s) => computeTransitions(s, de, a, {}));
  await saveTransitions(sql, de.id, a.id, computed);
  return computed;
}

/**
 * Runs `work` in a transaction with enough memory for a hash join of 280,000 rows to stay in one
 * batch (twice as fast as the default 4 MB); inside a transaction already, runs it there.
 */
async function withMemory<T>(sql: Sql, work: (s: Sql) => Promise<T>): Promise<T> {
  if (!('transaction' in sql)) return work(sql);
  return (sql as Database).transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    return work(tx);
  });
}

export async function saveTransitions(
  sql: Sql,
  de: string,
  a: string,
  rows: readonly Transition[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO campagne_transitions (de, a, from_statut, to_statut, count)
     SELECT $1, $2, f, t, n FROM unnest($3::text[], $4::text[], $5::int[]) AS x(f, t, n)
     ON CONFLICT DO NOTHING`,
    [de, a, rows.map((r) => r.from), rows.map((r) => r.to), rows.map((r) => r.count)],
  );
}

export async function computeTransitions(
  sql: Sql,
  de: CampaignRow,
  a: CampaignRow,
  filter: Filter,
): Promise<Transition[]> {
  const params: unknown[] = [de.id, a.id];
  const where = filterSql(filter, params);
  const { rows } = await sql.query<Transition>(
    `WITH d AS (SELECT action_id, statut FROM (${campaignRowsSql(de, '$1')}) s ${where}),
          b AS (SELECT action_id, statut FROM (${campaignRowsSql(a, '$2')}) s ${where})
     SELECT CASE WHEN d.action_id IS NULL THEN 'absente' ELSE coalesce(d.statut, ${NR}) END AS "from",
            CASE WHEN b.action_id IS NULL THEN 'absente' ELSE coalesce(b.statut, ${NR}) END AS "to",
            count(*)::int AS count
       FROM d FULL JOIN b ON b.action_id = d.action_id
      GROUP BY 1, 2`,
    params,
  );
  return rows;
}
