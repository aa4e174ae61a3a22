import {
  addDays,
  DEMO_CLOSED_CAMPAIGNS,
  dayStart,
  demoOpenCampaign,
  planDemoReviews,
} from '../../domain/campagnes';
import { demoActionStates } from '../actions/demo';
import { tiDirectory } from '../actions/territories';
import type { AppContext } from '../platform/context';
import { insertRows } from '../platform/db/bulk';
import type { Sql } from '../platform/db/database';
import { computeTransitions, saveTransitions, storeSnapshotStats } from './figures';
import { planReminders } from './reminders';
import type { CampaignRow } from './store';

// Demonstration campaigns: « Campagne de novembre 2023 » and « Campagne de novembre 2024 », closed,
// their snapshots being the demonstration plans as they stood then (ids of the stored actions,
// so comparisons follow each action) — their figures are the programme's published tables; and a
// campaign in progress around today with partial reviews, sign-offs and one validated region.

export const DEMO_DATASET = 'demo:campagnes';
const at = (day: string, hour = 12) => new Date(dayStart(day).getTime() + hour * 3_600_000);

const SNAPSHOT_COLUMNS = [
  'campagne_id',
  'action_id',
  'territoire_id',
  'region_code',
  'titre',
  'axe',
  'thematiques',
  'statut',
  'revue',
  'last_reviewed_at',
  'external_ref',
] as const;

export async function seedDemoCampagnes(ctx: AppContext): Promise<string | null> {
  const done = await ctx.db.query('SELECT 1 FROM dataset_loads WHERE dataset = $1', [DEMO_DATASET]);
  if (done.rows.length > 0) return null;
  const loaded = await ctx.db.query("SELECT 1 FROM dataset_loads WHERE dataset = 'demo:actions'");
  if (loaded.rows.length === 0) return null; // no demo action plans: nothing to campaign on
  const directory = await tiDirectory(ctx);
  const states = await demoActionStates(ctx);
  const territories = directory.list.map((t) => ({ id: t.id, region: t.regionCode }));
  let snapshotRows = 0;
  await ctx.db.transaction(async (tx) => {
    const closed: CampaignRow[] = [];
    for (const demo of DEMO_CLOSED_CAMPAIGNS) {
      const c = await insertCampaign(tx, {
        nom: demo.nom,
        ouverture: demo.ouverture,
        cloture: demo.cloture,
        closedAt: at(demo.closedOn, 17),
      });
      closed.push(c);
      await insertTerritories(tx, c.id, territories, (i) =>
        at(addDays(demo.cloture, -(i % 12)), 10 + (i % 7)),
      );
      await tx.query('UPDATE campagne_regions SET validated_at = $2 WHERE campagne_id = $1', [
        c.id,
        at(addDays(demo.closedOn, -1), 15),
      ]);
      const rows = states[demo.state].map((s) => ({
        campagne_id: c.id,
        action_id: s.id,
        territoire_id: s.action.tiId,
        region_code: directory.byId.get(s.action.tiId)!.regionCode,
        titre: s.action.title,
        axe: s.action.axe,
        thematiques: s.action.thematiques,
        statut: s.action.statut,
        // A sheet with a status was reviewed in the campaign; « Non renseigné » ones were not.
        revue: s.action.statut !== null,
        last_reviewed_at: s.action.statut !== null ? at(demo.cloture, 9).toISOString() : null,
        external_ref: s.key,
      }));
      await insertRows(tx, 'campagne_snapshots', SNAPSHOT_COLUMNS, rows);
      await storeSnapshotStats(tx, c.id);
      await tx.query('UPDATE campagnes SET nb_actions = $2 WHERE id = $1', [c.id, rows.length]);
      snapshotRows += rows.length;
    }

    // The published comparison, Nov. 2023 → Nov. 2024, computed once like a closing would.
    if (closed.length === 2) {
      await saveTransitions(
        tx,
        closed[0]!.id,
        closed[1]!.id,
        await computeTransitions(tx, closed[0]!, closed[1]!, {}),
      );
    }

    // The campaign in progress.
    const now = ctx.clock.now();
    const open = demoOpenCampaign(now);
    const c = await insertCampaign(tx, { ...open, closedAt: null });
    await insertTerritories(tx, c.id, territories, () => null);
    const { rows: actionRows } = await tx.query<{ id: string; territoire_id: string }>(
      'SELECT id, territoire_id FROM actions WHERE demo AND archived_at IS NULL ORDER BY id',
    );
    const byTi = new Map<string, string[]>();
    for (const a of actionRows) byTi.set(a.territoire_id, [...(byTi.get(a.territoire_id) ?? []), a.id]);
    const plan = planDemoReviews(territories.map((t) => ({ ...t, actions: byTi.get(t.id) ?? [] })));
    const reviews: Record<string, unknown>[] = [];
    let k = 0;
    for (const [ti, ids] of plan.reviewed) {
      for (const id of ids) {
        const reviewedAt = new Date(
          Math.min(at(addDays(open.ouverture, k++ % 20), 9 + (k % 8)).getTime(), now.getTime()),
        );
        reviews.push({
          campagne_id: c.id,
          action_id: id,
          territoire_id: ti,
          reviewed_at: reviewedAt.toISOString(),
        });
      }
    }
    await insertRows(
      tx,
      'campagne_revues',
      ['campagne_id', 'action_id', 'territoire_id', 'reviewed_at'],
      reviews,
    );
    await tx.query(
      `UPDATE actions a SET last_reviewed_at = r.reviewed_at FROM campagne_revues r
        WHERE r.campagne_id = $1 AND r.action_id = a.id`,
      [c.id],
    );
    const signedAt = new Date(now.getTime() - 2 * 86_400_000);
    await tx.query(
      'UPDATE campagne_territoires SET signed_off_at = $3 WHERE campagne_id = $1 AND territoire_id = ANY($2::text[])',
      [c.id, plan.signedOff, signedAt],
    );
    await tx.query(
      'UPDATE campagne_regions SET validated_at = $3 WHERE campagne_id = $1 AND region_code = ANY($2::text[])',
      [c.id, plan.validatedRegions, new Date(now.getTime() - 86_400_000)],
    );
    await planReminders(ctx, tx, c);
    await tx.query(
      `INSERT INTO dataset_loads (dataset, version, rows_loaded) VALUES ($1, $2, $3)
       ON CONFLICT (dataset) DO UPDATE SET version = EXCLUDED.version, rows_loaded = EXCLUDED.rows_loaded, loaded_at = now()`,
      [DEMO_DATASET, 'v1', snapshotRows],
    );
  });
  return `campagnes : novembre 2023 et novembre 2024 closes (${snapshotRows} actions figées), une campagne en cours`;
}

async function insertCampaign(
  tx: Sql,
  c: { nom: string; ouverture: string; cloture: string; closedAt: Date | null },
): Promise<CampaignRow> {
  const { rows } = await tx.query<CampaignRow>(
    `INSERT INTO campagnes (nom, ouverture, cloture, tous_territoires, closed_at, created_at, demo)
     VALUES ($1, $2, $3, true, $4, $5, true)
     RETURNING id, nom, ouverture, cloture, tous_territoires, closed_at, nb_actions, created_at, demo`,
    [c.nom, c.ouverture, c.cloture, c.closedAt, at(c.ouverture, 8)],
  );
  return rows[0]!;
}

async function insertTerritories(
  tx: Sql,
  id: string,
  territories: readonly { id: string; region: string }[],
  signedAt: (i: number) => Date | null,
) {
  await insertRows(
    tx,
    'campagne_territoires',
    ['campagne_id', 'territoire_id', 'region_code', 'signed_off_at'],
    territories.map((t, i) => ({
      campagne_id: id,
      territoire_id: t.id,
      region_code: t.region,
      signed_off_at: signedAt(i)?.toISOString() ?? null,
    })),
  );
  await tx.query(
    `INSERT INTO campagne_regions (campagne_id, region_code)
     SELECT DISTINCT $1::uuid, region_code FROM campagne_territoires WHERE campagne_id = $1`,
    [id],
  );
}
