import type { AppContext } from '../platform/context';
import { type ActionFilters, buildWhere, orderBy, type Visibility } from './query';
import { type ActionRow, currentRevision, ROW_COLUMNS } from './store';

// The paged list of actions. Rows are read page by page (never the whole table); the total is
// cached per (filters, revision), which matters for the national list at 100× the data where a
// count(*) is the costly part.

const LIST_COLUMNS = `id, territoire_id, region_code, title, axe, thematiques, statut, owner, planned_budget,
  funding_obtained, start_date, end_date, external_ref, version, archived_at, demo, updated_at`;

const counts = new WeakMap<AppContext, Map<string, { rev: number; total: number }>>();

export async function listActions(
  ctx: AppContext,
  filters: ActionFilters,
  visibility: Visibility,
  page: number,
  limit: number,
  sort?: string,
): Promise<{ total: number; rows: ActionRow[] }> {
  const where = buildWhere(filters, visibility);
  const order = orderBy(sort, filters);
  const text = `SELECT ${LIST_COLUMNS} FROM actions ${where.sql} ${order} LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
  // Pages are cached per revision too: with PGlite every query waits for the previous one, so a
  // page read again (the plan of a territory, the first page of a list) must not cost a query.
  let cache = pages.get(ctx);
  if (!cache) {
    cache = new Map();
    pages.set(ctx, cache);
  }
  const key = JSON.stringify([text, where.params]);
  const rev = await currentRevision(ctx.db);
  const hit = cache.get(key);
  if (hit && hit.rev === rev) return hit.page;
  const { rows } = await ctx.db.query<ActionRow>(text, where.params);
  let total: number;
  if (page === 1 && rows.length < limit) total = rows.length;
  else total = await countActions(ctx, where.sql, where.params);
  const result = { total, rows };
  if (cache.size >= MAX_PAGES) cache.delete(cache.keys().next().value!);
  cache.set(key, { rev, page: result });
  return result;
}

const MAX_PAGES = 500;
const pages = new WeakMap<
  AppContext,
  Map<string, { rev: number; page: { total: number; rows: ActionRow[] } }>
>();

async function countActions(ctx: AppContext, whereSql: string, params: unknown[]): Promise<number> {
  let cache = counts.get(ctx);
  if (!cache) {
    cache = new Map();
    counts.set(ctx, cache);
  }
  const key = JSON.stringify([whereSql, params]);
  const rev = await currentRevision(ctx.db);
  const hit = cache.get(key);
  if (hit && hit.rev === rev) return hit.total;
  const { rows } = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM actions ${whereSql}`,
    params,
  );
  const total = rows[0]!.n;
  if (cache.size > 2000) cache.clear();
  cache.set(key, { rev, total });
  return total;
}

/** Every action matching the filters, in pages of `chunk` rows (exports): keyset pagination. */
export async function* streamActions(
  ctx: AppContext,
  filters: ActionFilters,
  visibility: Visibility,
  chunk = 2000,
): AsyncGenerator<ActionRow[]> {
  const where = buildWhere(filters, visibility);
  let after: [string, string, string] | null = null;
  for (;;) {
    const params = [...where.params];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1], after[2]);
      const n = params.length;
      keyset = `${where.sql ? ' AND' : 'WHERE'} (territoire_id, title, id) > ($${n - 2}, $${n - 1}, $${n}::uuid)`;
    }
    const { rows } = await ctx.db.query<ActionRow>(
      `SELECT ${ROW_COLUMNS} FROM actions ${where.sql}${keyset} ORDER BY territoire_id, title, id LIMIT ${chunk}`,
      params,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < chunk) return;
    const last = rows.at(-1)!;
    after = [last.territoire_id, last.title, last.id];
  }
}
