import { ACTION_FIELDS, type Action, type ActionField, sameFieldValue } from '../../domain/actions';
import type { Database, Sql } from '../platform/db/database';

// How an action sheet is stored: the domain's Action (camelCase, validated) ↔ the `actions` row.
// Every write to `actions` goes through this file so that history rows and the revision counter
// are never forgotten.

/** Column of each field. */
export const FIELD_COLUMNS: Record<ActionField, string> = {
  tiId: 'territoire_id',
  title: 'title',
  description: 'description',
  axe: 'axe',
  thematiques: 'thematiques',
  statut: 'statut',
  owner: 'owner',
  partners: 'partners',
  plannedBudget: 'planned_budget',
  fundingObtained: 'funding_obtained',
  startDate: 'start_date',
  endDate: 'end_date',
  filiere: 'filiere',
  tags: 'tags',
  externalRef: 'external_ref',
};

export interface ActionRow {
  id: string;
  territoire_id: string;
  region_code: string;
  title: string;
  description: string | null;
  axe: string;
  thematiques: string[];
  statut: string | null;
  owner: string | null;
  partners: string[];
  planned_budget: number | null;
  funding_obtained: number | null;
  start_date: string | null;
  end_date: string | null;
  filiere: string | null;
  tags: string[];
  external_ref: string | null;
  version: number;
  archived_at: Date | null;
  demo: boolean;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
  last_reviewed_at: Date | null;
}

/** Every stored column but the search vector. */
export const ROW_COLUMNS = `id, territoire_id, region_code, title, description, axe, thematiques, statut, owner, partners,
  planned_budget, funding_obtained, start_date, end_date, filiere, tags, external_ref, version, archived_at, demo,
  created_at, created_by, updated_at, updated_by, last_reviewed_at`;

export function rowToAction(row: ActionRow): Action {
  return {
    tiId: row.territoire_id,
    title: row.title,
    description: row.description,
    axe: row.axe as Action['axe'],
    thematiques: row.thematiques as Action['thematiques'],
    statut: row.statut as Action['statut'],
    owner: row.owner,
    partners: row.partners,
    plannedBudget: row.planned_budget,
    fundingObtained: row.funding_obtained,
    startDate: row.start_date,
    endDate: row.end_date,
    filiere: row.filiere,
    tags: row.tags,
    externalRef: row.external_ref,
  };
}

/** The row's field columns for an action (for insertRows / json_populate_recordset). */
export function actionToColumns(action: Action): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ACTION_FIELDS) out[FIELD_COLUMNS[f]] = action[f];
  return out;
}

export interface FieldChange {
  field: ActionField;
  before: unknown;
  after: unknown;
}

/** Field-level differences between two validated actions. */
export function diffActions(before: Action, after: Action): FieldChange[] {
  return ACTION_FIELDS.filter((f) => !sameFieldValue(before[f], after[f])).map((f) => ({
    field: f,
    before: before[f],
    after: after[f],
  }));
}

export async function loadAction(sql: Sql, id: string, forUpdate = false): Promise<ActionRow | undefined> {
  const { rows } = await sql.query<ActionRow>(
    `SELECT ${ROW_COLUMNS} FROM actions WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

// Writes made by this process bump `localWrites` at once; writes made by other instances are seen
// through the table's revision, read at most every REVISION_TTL_MS. So this instance never serves a
// figure older than its own writes, and another instance's write shows within a second.
let localWrites = 0;
const REVISION_TTL_MS = 1000;
const revisionChecks = new WeakMap<Sql, { at: number; writes: number; rev: number }>();

/** Makes every cached figure stale, on every instance (same transaction as the write). */
export async function bumpRevision(sql: Sql): Promise<void> {
  localWrites++;
  await sql.query('UPDATE actions_revision SET rev = rev + 1 WHERE id = 1');
}

/**
 * Runs a write transaction on actions; once it is over (committed or not) the local caches are
 * invalidated again, so that no reader keeps a figure computed between the bump and the commit.
 */
export function writeTransaction<T>(db: Database, work: (tx: Sql) => Promise<T>): Promise<T> {
  return db.transaction(work).finally(() => {
    localWrites++;
  });
}

/** The revision of the actions table (a cache key), read from the database at most once a second. */
export async function currentRevision(sql: Sql): Promise<number> {
  const now = performance.now();
  const known = revisionChecks.get(sql);
  if (known && known.writes === localWrites && now - known.at < REVISION_TTL_MS) return known.rev;
  const writes = localWrites;
  const { rows } = await sql.query<{ rev: number }>('SELECT rev FROM actions_revision WHERE id = 1');
  const rev = rows[0]?.rev ?? 0;
  revisionChecks.set(sql, { at: now, writes, rev });
  return rev;
}

export interface HistoryRow {
  action_id: string;
  at: Date | string;
  user_id: string | null;
  kind: 'created' | 'updated' | 'archived' | 'restored' | 'imported';
  version: number;
  field: string | null;
  before: unknown;
  after: unknown;
}

const HISTORY_COLUMNS = [
  'action_id',
  'at',
  'user_id',
  'kind',
  'version',
  'field',
  'before',
  'after',
] as const;

/** Appends history rows in one statement (jsonb values are passed as JSON). */
export async function insertHistory(sql: Sql, rows: readonly HistoryRow[]): Promise<void> {
  const CHUNK = 4000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((r) => ({
      ...r,
      at: r.at instanceof Date ? r.at.toISOString() : r.at,
      before: r.before === undefined ? null : r.before,
      after: r.after === undefined ? null : r.after,
    }));
    await sql.query(
      `INSERT INTO action_history (${HISTORY_COLUMNS.join(', ')})
       SELECT ${HISTORY_COLUMNS.join(', ')} FROM json_populate_recordset(NULL::action_history, $1::json)`,
      [JSON.stringify(chunk)],
    );
  }
}

/** History rows of an update: one per changed field. */
export const updateHistory = (
  actionId: string,
  at: Date,
  userId: string | null,
  version: number,
  changes: readonly FieldChange[],
  kind: 'updated' | 'imported' = 'updated',
): HistoryRow[] =>
  changes.map((c) => ({
    action_id: actionId,
    at,
    user_id: userId,
    kind,
    version,
    field: c.field,
    before: c.before,
    after: c.after,
  }));
