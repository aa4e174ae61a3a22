import { randomUUID } from 'node:crypto';
import {
  type Action,
  type ExistingAction,
  type ImportError,
  type ImportPlan,
  type ParsedRow,
  parseActionRows,
  planImport,
} from '../../domain/actions';
import { can } from '../../domain/comptes/policy';
import { recordAudit } from '../comptes/audit';
import type { AppContext } from '../platform/context';
import { insertRows } from '../platform/db/bulk';
import type { Sql } from '../platform/db/database';
import type { RequestContext } from '../platform/http/request-context';
import { detectFormat, type FileRow, readRows } from './import-file';
import { API_KEYS } from './present';
import {
  type ActionRow,
  actionToColumns,
  bumpRevision,
  type HistoryRow,
  insertHistory,
  ROW_COLUMNS,
  rowToAction,
  updateHistory,
  writeTransaction,
} from './store';
import { type TiDirectory, tiDirectory } from './territories';

// Import of an action plan file, all or nothing: the file is read row by row (batches of BATCH
// rows are parsed and validated, then dropped), every error is collected with its line and column,
// the plan (create / update / unchanged) is computed against the database, and only when no error
// remains, and it is not a dry run, is everything written in one transaction.

const BATCH = 1000;
/** Rows of the preview (the first ones, with their fate). */
export const PREVIEW_ROWS = 50;

export interface ImportOptions {
  file: string;
  /** Original file name (format detection, messages, audit). */
  name: string;
  dryRun: boolean;
  /** Import for one territory: rows without a territory belong to it. */
  ti?: string | null;
  /** The CLI runs as the platform's operator: no per-territory rights check. */
  operator?: boolean;
}

export interface PreviewRow {
  line: number;
  fate: 'created' | 'updated' | 'unchanged';
  territoire: { id: string; nom: string };
  intitule: string;
  /** API keys of the fields an update changes. */
  champs: string[];
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  preview: PreviewRow[];
  ignoredColumns: string[];
  rows: number;
  dryRun: boolean;
  /** True when the changes were written. */
  applied: boolean;
  format: 'csv' | 'xlsx';
}

interface Parsed {
  actions: ParsedRow[];
  errors: ImportError[];
  columns: ParseColumns;
  ignoredColumns: string[];
  rows: number;
}
type ParseColumns = ReturnType<typeof parseActionRows>['columns'];

const isBlank = (cells: unknown[]) =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

async function parseFile(
  rows: AsyncIterable<FileRow>,
  directory: TiDirectory,
  ti: string | null,
): Promise<Parsed> {
  let headers: unknown[] | null = null;
  const out: Parsed = { actions: [], errors: [], columns: [], ignoredColumns: [], rows: 0 };
  let batch: FileRow[] = [];
  let first = true;
  let stop = false;
  const flush = () => {
    if (!headers || stop) return;
    const result = parseActionRows(
      batch.map((r) => r.cells),
      {
        headers,
        tiLookup: directory.lookup,
        defaultTiId: ti,
        tiName: directory.tiName,
        lineNumbers: batch.map((r) => r.line),
      },
    );
    // Header errors (line 1 of the header) come back with every batch: keep the first batch's.
    const headerLine = (e: ImportError) => e.line === 1 && e.message.startsWith('colonne');
    out.errors.push(...result.errors.filter((e) => first || !headerLine(e)));
    out.actions.push(...result.actions);
    out.columns = result.columns;
    out.ignoredColumns = result.ignoredColumns;
    if (first && result.errors.some((e) => e.message === 'colonne obligatoire absente du fichier'))
      stop = true;
    first = false;
    batch = [];
  };
  for await (const row of rows) {
    if (!headers) {
      if (isBlank(row.cells)) continue;
      headers = row.cells;
      continue;
    }
    if (isBlank(row.cells)) continue;
    out.rows++;
    batch.push(row);
    if (batch.length >= BATCH) flush();
  }
  if (!headers) {
    out.errors.push({
      line: 1,
      column: null,
      message: 'fichier vide : aucune ligne d’en-tête ni aucune action',
    });
    return out;
  }
  if (batch.length > 0 || first) flush();
  if (out.rows === 0 && out.errors.length === 0)
    out.errors.push({
      line: 2,
      column: null,
      message: 'aucune action dans le fichier (seulement la ligne d’en-tête)',
    });
  return out;
}

async function loadExisting(sql: Sql, tiIds: string[], lock: boolean): Promise<Map<string, ActionRow>> {
  if (tiIds.length === 0) return new Map();
  const { rows } = await sql.query<ActionRow>(
    `SELECT ${ROW_COLUMNS} FROM actions WHERE territoire_id = ANY($1::text[]) AND archived_at IS NULL ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
    [tiIds],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

function plan(parsed: Parsed, existing: Map<string, ActionRow>): ImportPlan {
  const list: ExistingAction[] = [...existing.values()].map((r) => ({ ...rowToAction(r), id: r.id }));
  return planImport(parsed, list);
}

function preview(plan: ImportPlan, directory: TiDirectory): PreviewRow[] {
  return plan.rows.slice(0, PREVIEW_ROWS).map((r) => ({
    line: r.line,
    fate: r.kind,
    territoire: { id: r.action.tiId, nom: directory.tiName(r.action.tiId) ?? r.action.tiId },
    intitule: r.action.title,
    champs: r.changes.map((c) => API_KEYS[c.field]),
  }));
}

/** Rows of territories the caller may not import into become errors on their « Territoire » cell. */
function checkRights(parsed: Parsed, who: RequestContext, directory: TiDirectory): void {
  const denied = new Set<string>();
  for (const row of parsed.actions) {
    const ti = directory.byId.get(row.action.tiId);
    if (ti && can(who.actor, 'actions.import', { territoire: ti.id, region: ti.regionCode })) continue;
    denied.add(row.action.tiId);
    parsed.errors.push({
      line: row.line,
      column: 'Territoire',
      message: `vous n'avez pas le droit de modifier le plan d'action de « ${directory.tiName(row.action.tiId) ?? row.action.tiId} »`,
    });
  }
  if (denied.size) parsed.actions = parsed.actions.filter((r) => !denied.has(r.action.tiId));
}

export async function importActions(
  ctx: AppContext,
  who: RequestContext,
  options: ImportOptions,
): Promise<ImportReport> {
  const directory = await tiDirectory(ctx);
  const ti = options.ti ?? null;
  const format = await detectFormat(options.file, options.name);
  const parsed = await parseFile(readRows(options.file, format), directory, ti);
  if (!options.operator) checkRights(parsed, who, directory);
  const tiIds = [...new Set(parsed.actions.map((r) => r.action.tiId))];
  const sortErrors = (errors: ImportError[]) => errors.sort((a, b) => a.line - b.line);

  const report = (p: ImportPlan, errors: ImportError[], applied: boolean): ImportReport => ({
    created: p.counts.created,
    updated: p.counts.updated,
    unchanged: p.counts.unchanged,
    errors: sortErrors(errors),
    preview: preview(p, directory),
    ignoredColumns: parsed.ignoredColumns,
    rows: parsed.rows,
    dryRun: options.dryRun,
    applied,
    format,
  });

  if (options.dryRun || parsed.errors.length > 0) {
    const p = plan(parsed, await loadExisting(ctx.db, tiIds, false));
    return report(p, [...parsed.errors, ...p.errors], false);
  }
  // The real import: plan again inside the transaction, on locked rows, so that what is written is
  // exactly what was checked, even with people editing at the same time.
  return writeTransaction(ctx.db, async (tx) => {
    const existing = await loadExisting(tx, tiIds, true);
    const p = plan(parsed, existing);
    if (p.errors.length > 0) return report(p, p.errors, false);
    await apply(ctx, tx, who, p, existing, directory, options.name);
    return report(p, [], true);
  });
}

async function apply(
  ctx: AppContext,
  tx: Sql,
  who: RequestContext,
  p: ImportPlan,
  existing: Map<string, ActionRow>,
  directory: TiDirectory,
  fileName: string,
): Promise<void> {
  const now = ctx.clock.now();
  const userId = who.actor.userId;
  const created: Record<string, unknown>[] = [];
  const updated: Record<string, unknown>[] = [];
  const history: HistoryRow[] = [];
  for (const row of p.rows) {
    if (row.kind === 'created') {
      const id = randomUUID();
      created.push({
        ...actionToColumns(row.action),
        id,
        region_code: directory.byId.get(row.action.tiId)!.regionCode,
        version: 1,
        created_at: now.toISOString(),
        created_by: userId,
        updated_at: now.toISOString(),
        updated_by: userId,
      });
      history.push({
        action_id: id,
        at: now,
        user_id: userId,
        kind: 'imported',
        version: 1,
        field: null,
        before: null,
        after: row.action as Action,
      });
    } else if (row.kind === 'updated') {
      const current = existing.get(row.existingId!)!;
      updated.push({ ...actionToColumns(row.action), id: current.id, version: current.version + 1 });
      history.push(...updateHistory(current.id, now, userId, current.version + 1, row.changes, 'imported'));
    }
  }
  if (created.length) await insertRows(tx, 'actions', Object.keys(created[0]!), created);
  if (updated.length) await bulkUpdate(tx, updated, now, userId);
  await insertHistory(tx, history);
  if (created.length || updated.length) await bumpRevision(tx);
  const tis = [...new Set(p.rows.map((r) => r.action.tiId))];
  await recordAudit(tx, who, {
    action: 'actions.import',
    entity: 'action',
    entityId: null,
    territoire: tis.length === 1 ? tis[0] : null,
    region: null,
    after: {
      fichier: fileName,
      creees: p.counts.created,
      modifiees: p.counts.updated,
      inchangees: p.counts.unchanged,
      territoires: tis.length,
    },
  });
}

const UPDATE_CHUNK = 2000;
const UPDATED_COLUMNS = [
  'title',
  'description',
  'axe',
  'thematiques',
  'statut',
  'owner',
  'partners',
  'planned_budget',
  'funding_obtained',
  'start_date',
  'end_date',
  'filiere',
  'tags',
  'external_ref',
  'version',
];

async function bulkUpdate(tx: Sql, rows: Record<string, unknown>[], now: Date, userId: string | null) {
  for (let start = 0; start < rows.length; start += UPDATE_CHUNK) {
    const chunk = rows.slice(start, start + UPDATE_CHUNK);
    await tx.query(
      `UPDATE actions a SET ${UPDATED_COLUMNS.map((c) => `${c} = j.${c}`).join(', ')}, updated_at = $2, updated_by = $3
         FROM json_populate_recordset(NULL::actions, $1::json) j WHERE a.id = j.id`,
      [JSON.stringify(chunk), now, userId],
    );
  }
}
