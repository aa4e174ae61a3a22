import {
  type Action,
  type ActionField,
  type ActionInput,
  type FieldError,
  isStatut,
  NON_RENSEIGNE,
  statutLabel,
  validateAction,
} from '../../domain/actions';
import { recordAudit } from '../comptes/audit';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { requirePermission, requireVisible } from '../platform/http/access';
import { badRequest, conflict, type HttpError, notFound } from '../platform/http/errors';
import type { RequestContext } from '../platform/http/request-context';
import { API_KEYS, FIELD_LABELS } from './present';
import {
  type ActionRow,
  actionToColumns,
  bumpRevision,
  diffActions,
  FIELD_COLUMNS,
  type FieldChange,
  insertHistory,
  loadAction,
  rowToAction,
  updateHistory,
  writeTransaction,
} from './store';
import { tiDirectory } from './territories';

// Every write to an action sheet: validation, access on the sheet's territory, optimistic
// locking, field-level history, revision bump and audit, in one transaction.

const notFoundMessage = (id: string) => `Action introuvable : « ${id} ».`;

/** 400 with every validation error, in French, keyed by the API field. */
export function invalid(errors: FieldError[]): HttpError {
  const erreurs = errors.map((e) => ({
    champ: API_KEYS[e.field],
    libelle: FIELD_LABELS[e.field],
    message: e.message,
  }));
  return badRequest(
    `Fiche action invalide : ${erreurs.map((e) => `${e.libelle} : ${e.message}`).join(' ; ')}.`,
    { erreurs },
  );
}

async function loadVisible(tx: Sql, who: RequestContext, id: string): Promise<ActionRow> {
  const row = await loadAction(tx, id, true);
  if (!row) throw notFound(notFoundMessage(id));
  requireVisible(
    who.actor,
    'actions.read',
    { territoire: row.territoire_id, region: row.region_code },
    notFoundMessage(id),
  );
  requirePermission(who.actor, 'actions.write', { territoire: row.territoire_id, region: row.region_code });
  return row;
}

/** SET clause for the changed fields of an update, starting at parameter $3. */
function setClause(changes: readonly FieldChange[], after: Action) {
  const columns = actionToColumns(after);
  const params: unknown[] = [];
  const sets = changes.map((c) => {
    params.push(columns[FIELD_COLUMNS[c.field]]);
    return `${FIELD_COLUMNS[c.field]} = $${params.length + 2}`;
  });
  return { sets, params };
}

export async function createAction(
  ctx: AppContext,
  who: RequestContext,
  input: ActionInput,
): Promise<string> {
  const directory = await tiDirectory(ctx);
  const ti = directory.byId.get(input.tiId);
  if (!ti) throw badRequest(`Territoire d'industrie inconnu : « ${input.tiId} ».`);
  requirePermission(who.actor, 'actions.write', { territoire: ti.id, region: ti.regionCode });
  const result = validateAction(input);
  if (!result.ok) throw invalid(result.errors);
  const action = result.value;
  const now = ctx.clock.now();
  return writeTransaction(ctx.db, async (tx) => {
    const cols = actionToColumns(action);
    const names = Object.keys(cols);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO actions (${names.join(', ')}, region_code, created_at, created_by, updated_at, updated_by)
       VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, $${names.length + 1}, $${names.length + 2}, $${names.length + 3}, $${names.length + 2}, $${names.length + 3})
       RETURNING id`,
      [...names.map((n) => cols[n]), ti.regionCode, now, who.actor.userId],
    );
    const id = rows[0]!.id;
    await insertHistory(tx, [
      {
        action_id: id,
        at: now,
        user_id: who.actor.userId,
        kind: 'created',
        version: 1,
        field: null,
        before: null,
        after: action,
      },
    ]);
    await bumpRevision(tx);
    await recordAudit(tx, who, {
      action: 'actions.create',
      entity: 'action',
      entityId: id,
      territoire: ti.id,
      region: ti.regionCode,
      after: action,
    });
    return id;
  });
}

export interface ConflictChange {
  champ: string;
  libelle: string;
  avant: unknown;
  apres: unknown;
  par: string | null;
  le: string;
}

/** What others changed on a sheet after `sinceVersion`: per field, the first before and the last after. */
export async function changesSince(sql: Sql, id: string, sinceVersion: number): Promise<ConflictChange[]> {
  const { rows } = await sql.query<{
    field: string | null;
    kind: string;
    before: unknown;
    after: unknown;
    at: Date;
    display_name: string | null;
  }>(
    `SELECT h.field, h.kind, h.before, h.after, h.at, u.display_name
       FROM action_history h LEFT JOIN users u ON u.id = h.user_id
      WHERE h.action_id = $1 AND h.version > $2
      ORDER BY h.version, h.id`,
    [id, sinceVersion],
  );
  const byField = new Map<string, ConflictChange>();
  for (const r of rows) {
    const key = r.field ?? r.kind;
    const field = r.field as ActionField | null;
    const known = byField.get(key);
    const entry: ConflictChange = {
      champ: field ? API_KEYS[field] : r.kind,
      libelle: field
        ? FIELD_LABELS[field]
        : r.kind === 'archived'
          ? 'Archivage'
          : r.kind === 'restored'
            ? 'Restauration'
            : 'Fiche',
      avant: known ? known.avant : r.before,
      apres: r.after,
      par: r.display_name,
      le: r.at.toISOString(),
    };
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/**
 * Applies a partial change to a sheet. `version` is the version the caller edited: if the sheet
 * moved on meanwhile, 409 with what changed in between (so that the form can offer a merge).
 */
export async function updateAction(
  ctx: AppContext,
  who: RequestContext,
  id: string,
  version: number,
  patch: Partial<ActionInput>,
): Promise<{ changed: boolean }> {
  if ('tiId' in patch) delete patch.tiId;
  return writeTransaction(ctx.db, async (tx) => {
    const row = await loadVisible(tx, who, id);
    if (row.version !== version) {
      const modifications = await changesSince(tx, id, version);
      const who2 = [
        ...new Set(modifications.map((m) => m.par ?? 'un import ou un traitement automatique')),
      ].join(', ');
      throw conflict(
        `Cette fiche a été modifiée pendant votre saisie (par ${who2}) : elle est passée de la version ${version} à la version ${row.version}. ` +
          'Vos modifications ne sont pas enregistrées ; comparez-les avec les changements ci-dessous, puis enregistrez à nouveau.',
        { versionActuelle: row.version, modifications },
      );
    }
    if (row.archived_at) throw conflict('Cette action est archivée : restaurez-la avant de la modifier.');
    const before = rowToAction(row);
    const result = validateAction({ ...before, ...patch, tiId: before.tiId });
    if (!result.ok) throw invalid(result.errors);
    const changes = diffActions(before, result.value);
    if (changes.length === 0) return { changed: false };
    const now = ctx.clock.now();
    const next = row.version + 1;
    const { sets, params } = setClause(changes, result.value);
    await tx.query(
      `UPDATE actions SET ${sets.join(', ')}, version = ${next}, updated_at = $1, updated_by = $2 WHERE id = $${params.length + 3}`,
      [now, who.actor.userId, ...params, id],
    );
    await insertHistory(tx, updateHistory(id, now, who.actor.userId, next, changes));
    await bumpRevision(tx);
    await recordAudit(tx, who, {
      action: 'actions.update',
      entity: 'action',
      entityId: id,
      territoire: row.territoire_id,
      region: row.region_code,
      before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
      after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
    });
    return { changed: true };
  });
}

/** Archives (archive = true) or restores a sheet. Nothing is deleted. */
export async function setArchived(
  ctx: AppContext,
  who: RequestContext,
  id: string,
  archive: boolean,
  version?: number,
): Promise<void> {
  await writeTransaction(ctx.db, async (tx) => {
    const row = await loadVisible(tx, who, id);
    if (version !== undefined && row.version !== version) {
      throw conflict(
        `Cette fiche a été modifiée entre-temps (version ${row.version}, vous aviez la version ${version}) : rechargez-la avant de ${archive ? "l'archiver" : 'la restaurer'}.`,
        { versionActuelle: row.version, modifications: await changesSince(tx, id, version) },
      );
    }
    if (archive === (row.archived_at !== null)) {
      throw conflict(archive ? 'Cette action est déjà archivée.' : "Cette action n'est pas archivée.");
    }
    const now = ctx.clock.now();
    const next = row.version + 1;
    await tx.query(
      `UPDATE actions SET archived_at = $1, version = $2, updated_at = $3, updated_by = $4 WHERE id = $5`,
      [archive ? now : null, next, now, who.actor.userId, id],
    );
    await insertHistory(tx, [
      {
        action_id: id,
        at: now,
        user_id: who.actor.userId,
        kind: archive ? 'archived' : 'restored',
        version: next,
        field: null,
        before: null,
        after: null,
      },
    ]);
    await bumpRevision(tx);
    await recordAudit(tx, who, {
      action: archive ? 'actions.archive' : 'actions.restore',
      entity: 'action',
      entityId: id,
      territoire: row.territoire_id,
      region: row.region_code,
      before: { archivee: !archive },
      after: { archivee: archive },
    });
  });
}

/** Sets the status of many sheets in one transaction: all or nothing. */
export async function bulkSetStatut(
  ctx: AppContext,
  who: RequestContext,
  ids: readonly string[],
  statutInput: string | null,
): Promise<{ updated: number; unchanged: number }> {
  const statut = statutInput === null || statutInput === NON_RENSEIGNE.code ? null : statutInput;
  if (statut !== null && !isStatut(statut)) {
    throw badRequest(
      `Statut « ${statutInput} » inconnu ; attendu l'un de : amont, etude, en-cours, en-pause, realise, abandonne, non-renseigne.`,
    );
  }
  return writeTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query<ActionRow>(
      'SELECT id, territoire_id, region_code, statut, version, archived_at FROM actions WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length)
      throw notFound(
        `Actions introuvables : ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''} ; aucune action n'a été modifiée.`,
      );
    for (const r of rows) {
      requireVisible(
        who.actor,
        'actions.read',
        { territoire: r.territoire_id, region: r.region_code },
        notFoundMessage(r.id),
      );
      requirePermission(who.actor, 'actions.write', { territoire: r.territoire_id, region: r.region_code });
      if (r.archived_at)
        throw conflict(`L'action « ${r.id} » est archivée ; aucune action n'a été modifiée.`);
    }
    const changing = rows.filter((r) => r.statut !== statut);
    if (changing.length === 0) return { updated: 0, unchanged: rows.length };
    const now = ctx.clock.now();
    await tx.query(
      `UPDATE actions SET statut = $1, version = version + 1, updated_at = $2, updated_by = $3 WHERE id = ANY($4::uuid[])`,
      [statut, now, who.actor.userId, changing.map((r) => r.id)],
    );
    await insertHistory(
      tx,
      changing.flatMap((r) =>
        updateHistory(r.id, now, who.actor.userId, r.version + 1, [
          { field: 'statut', before: r.statut, after: statut },
        ]),
      ),
    );
    await bumpRevision(tx);
    await recordAudit(tx, who, {
      action: 'actions.bulk-statut',
      entity: 'action',
      entityId: null,
      territoire:
        new Set(changing.map((r) => r.territoire_id)).size === 1 ? changing[0]!.territoire_id : null,
      before: Object.fromEntries(changing.map((r) => [r.id, r.statut])),
      after: { statut, libelle: statutLabel(statut), actions: changing.map((r) => r.id) },
    });
    return { updated: changing.length, unchanged: rows.length - changing.length };
  });
}
