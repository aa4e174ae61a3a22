import { cannotClose } from '../../domain/campagnes';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { conflict } from '../platform/http/errors';
import { cancelJobs, registerJobHandler, scheduleJob } from '../platform/jobs';
import { computeTransitions, saveTransitions, storeSnapshotStats } from './figures';
import { type CampaignRow, calendarOf, loadCampaign } from './store';

// Closing a campaign: every live action of its territories is copied, as it stands, into the
// snapshot in one INSERT … SELECT (280,000 actions in a few seconds, nothing through the
// application), its figures are stored, pending reminders are cancelled. Afterwards the snapshot
// cannot change (triggers refuse UPDATE and DELETE).

export async function closeCampaign(
  ctx: AppContext,
  tx: Sql,
  id: string,
  userId: string | null,
): Promise<{ nbActions: number }> {
  const c = await loadCampaign(tx, id, { lock: true });
  const now = ctx.clock.now();
  const refusal = cannotClose(calendarOf(c), now);
  if (refusal) throw conflict(refusal);
  // Enough memory for the hash joins of 280,000 rows to stay in one batch.
  await tx.query(`SET LOCAL work_mem = '64MB'`);
  // « Reviewed » as a join on the (few) reviews and edits since the opening, not a lookup per action.
  const { rows } = await tx.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO campagne_snapshots
         (campagne_id, action_id, territoire_id, region_code, titre, axe, thematiques, statut, revue, last_reviewed_at, external_ref)
       SELECT $1, a.id, a.territoire_id, a.region_code, a.title, a.axe, a.thematiques, a.statut,
              (r.action_id IS NOT NULL OR h.action_id IS NOT NULL), a.last_reviewed_at, a.external_ref
         FROM actions a
         JOIN campagne_territoires ct ON ct.campagne_id = $1 AND ct.territoire_id = a.territoire_id
         LEFT JOIN campagne_revues r ON r.campagne_id = $1 AND r.action_id = a.id
         LEFT JOIN (SELECT DISTINCT action_id FROM action_history
                     WHERE at >= $2 AND user_id IS NOT NULL AND kind IN ('created', 'updated', 'imported', 'restored')) h
                ON h.action_id = a.id
        WHERE a.archived_at IS NULL
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [id, `${c.ouverture}T00:00:00Z`],
  );
  const n = rows[0]!.n;
  await storeSnapshotStats(tx, id);
  // The comparison everyone asks for, with the previous closed campaign: computed now, once.
  const { rows: previous } = await tx.query<CampaignRow>(
    `SELECT id, nom, ouverture, cloture, tous_territoires, closed_at, nb_actions, created_at, demo FROM campagnes
      WHERE closed_at IS NOT NULL AND id <> $1 AND ouverture <= $2 ORDER BY ouverture DESC, closed_at DESC LIMIT 1`,
    [id, c.ouverture],
  );
  if (previous[0]) {
    const closed: CampaignRow = { ...c, closed_at: now };
    await saveTransitions(tx, previous[0].id, id, await computeTransitions(tx, previous[0], closed, {}));
  }
  await tx.query('UPDATE campagnes SET closed_at = $2, closed_by = $3, nb_actions = $4 WHERE id = $1', [
    id,
    now,
    userId,
    n,
  ]);
  await cancelJobs(tx, `campagne:${id}:`);
  // Comparisons with the older closed campaigns: computed in the background, once (job), so that any
  // pair answers from campagne_transitions.
  await scheduleJob(tx, {
    key: `transitions:${id}`,
    kind: TRANSITIONS_JOB,
    runAt: now,
    payload: { campagne: id },
  });
  return { nbActions: n };
}

export const TRANSITIONS_JOB = 'campagnes.transitions';

registerJobHandler(TRANSITIONS_JOB, async (payload, { tx }) => {
  const { rows } = await tx.query<CampaignRow>(
    `SELECT id, nom, ouverture, cloture, tous_territoires, closed_at, nb_actions, created_at, demo FROM campagnes
      WHERE closed_at IS NOT NULL ORDER BY ouverture, closed_at`,
  );
  const target = rows.find((c) => c.id === payload.campagne);
  if (!target) return { ignore: 'campagne absente ou non close' };
  await tx.query(`SET LOCAL work_mem = '64MB'`);
  let computed = 0;
  for (const other of rows) {
    if (other.id === target.id) continue;
    const [de, a] = other.ouverture <= target.ouverture ? [other, target] : [target, other];
    const { rows: known } = await tx.query(
      'SELECT 1 FROM campagne_transitions WHERE de = $1 AND a = $2 LIMIT 1',
      [de.id, a.id],
    );
    if (known.length > 0) continue;
    await saveTransitions(tx, de.id, a.id, await computeTransitions(tx, de, a, {}));
    computed++;
  }
  return { paires: computed };
});
