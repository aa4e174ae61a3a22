// Reads the facts of an action that the parcours, uptake and requests need, and checks that the caller
// may see it (404 otherwise: an action one may not read does not exist for them).

import type { AxeCode, StatutCode, ThematiqueCode } from '../../domain/actions/vocabulary';
import type { Actor, Permission } from '../../domain/comptes/policy';
import type { Sql } from '../platform/db/database';
import { requirePermission, requireVisible } from '../platform/http/access';
import { notFound, unauthorized } from '../platform/http/errors';

export interface ActionFacts {
  id: string;
  territoire: string;
  region: string;
  titre: string;
  axe: AxeCode;
  thematiques: ThematiqueCode[];
  statut: StatutCode | null;
  archived: boolean;
  demo: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export const unknownAction = (id: string) =>
  `Action introuvable : « ${id} » (elle n’existe pas, ou votre rôle ne permet pas de la consulter).`;

export async function readAction(sql: Sql, id: string): Promise<ActionFacts | null> {
  if (!isUuid(id)) return null;
  const { rows } = await sql.query<{
    id: string;
    territoire_id: string;
    region_code: string;
    title: string;
    axe: AxeCode;
    thematiques: ThematiqueCode[];
    statut: StatutCode | null;
    archived_at: Date | null;
    demo: boolean;
  }>(
    `SELECT id, territoire_id, region_code, title, axe, thematiques, statut, archived_at, demo
       FROM actions WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    territoire: row.territoire_id,
    region: row.region_code,
    titre: row.title,
    axe: row.axe,
    thematiques: row.thematiques,
    statut: row.statut,
    archived: row.archived_at !== null,
    demo: row.demo,
  };
}

/** The action, if it exists and `actor` may read it; else a French 404 (401 when anonymous). Then, when
 * `permission` is another one (e.g. writing), a 403 if the caller sees the action but may not act on it. */
export async function visibleAction(
  sql: Sql,
  actor: Actor,
  id: string,
  permission: Permission = 'actions.read',
  options: { cached?: boolean } = {},
): Promise<ActionFacts> {
  const action = options.cached ? await readActionCached(sql, id) : await readAction(sql, id);
  if (!action) {
    if (actor.userId === null) throw unauthorized();
    throw notFound(unknownAction(id));
  }
  const scope = { territoire: action.territoire, region: action.region };
  requireVisible(actor, 'actions.read', scope, unknownAction(id));
  if (permission !== 'actions.read') requirePermission(actor, permission, scope);
  return action;
}

// The parcours panel is read far more often than actions change: its GET keeps each action's facts
// for one second per process, sparing a query per call under load (a status edited a moment ago
// shows in the panel a second later at most). Writes always read the action afresh.
const FRESH_MS = 1000;
const MAX_CACHED = 5000;
const recent = new WeakMap<Sql, Map<string, { at: number; action: ActionFacts | null }>>();

export async function readActionCached(sql: Sql, id: string): Promise<ActionFacts | null> {
  let cache = recent.get(sql);
  if (!cache) {
    cache = new Map();
    recent.set(sql, cache);
  }
  const now = performance.now();
  const hit = cache.get(id);
  if (hit && now - hit.at < FRESH_MS) return hit.action;
  const action = await readAction(sql, id);
  if (cache.size >= MAX_CACHED) cache.clear();
  if (action) cache.set(id, { at: now, action });
  return action;
}
