import type { Sql } from '../platform/db/database';
import type { RequestContext } from '../platform/http/request-context';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  territoire?: string | null;
  region?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log inside the caller's transaction: the trace and the write commit or roll
 * back together, so the log never tells of a change that did not happen (nor misses one that did).
 */
export async function recordAudit(tx: Sql, who: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, ip, action, entity, entity_id, territoire_id, region_code, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [
      who.actor.userId,
      who.ip,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.territoire ?? null,
      entry.region ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}
