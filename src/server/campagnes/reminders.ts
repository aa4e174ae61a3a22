import {
  dayOf,
  escalationMail,
  needsReminder,
  type ReminderKind,
  reminderSchedule,
  territoryReminderMail,
} from '../../domain/campagnes';
import { tiDirectory } from '../actions/territories';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { cancelJobs, registerJobHandler, scheduleJob } from '../platform/jobs';
import { sendMail } from '../platform/mail';
import { territoryAggregates } from './progress';
import { type CampaignRow, loadCampaign } from './store';

// Campaign reminders. Opening (or re-dating) a campaign plans its reminders as persisted jobs keyed
// by campaign and day (created once, run once by one instance, surviving restarts); each job, when
// due, emails the territorial team of every territory not signed off (before the closing date) or
// the regional coordinators with the list of territories still missing (after it). Every send is
// recorded in campagne_rappels; mails go through the outbox in the job's transaction.

export const REMINDER_JOB = 'campagnes.rappel';

/** (Re)plans the reminders of a campaign; past ones are not planned (no stale reminder). */
export async function planReminders(ctx: AppContext, tx: Sql, c: CampaignRow): Promise<number> {
  const plan = reminderSchedule(c.id, c).filter((p) => p.runAt.getTime() >= ctx.clock.now().getTime());
  await cancelJobs(
    tx,
    `campagne:${c.id}:`,
    plan.map((p) => p.key),
  );
  let created = 0;
  for (const p of plan) {
    if (
      await scheduleJob(tx, {
        key: p.key,
        kind: REMINDER_JOB,
        runAt: p.runAt,
        payload: { campagne: c.id, kind: p.kind },
      })
    )
      created++;
  }
  return created;
}

async function recipients(tx: Sql, grant: { territoire: string } | { region: string }): Promise<string[]> {
  const { rows } =
    'territoire' in grant
      ? await tx.query<{ email: string }>(
          `SELECT DISTINCT u.email FROM users u JOIN user_grants g ON g.user_id = u.id
            WHERE u.active AND g.role = 'territorial' AND g.territoire_id = $1 ORDER BY u.email`,
          [grant.territoire],
        )
      : await tx.query<{ email: string }>(
          `SELECT DISTINCT u.email FROM users u JOIN user_grants g ON g.user_id = u.id
            WHERE u.active AND g.role = 'regional' AND g.region_code = $1 ORDER BY u.email`,
          [grant.region],
        );
  return rows.map((r) => r.email);
}

export interface ReminderReport {
  territoires: number;
  regions: number;
  courriels: number;
}

/** Emails the territories of `c` not signed off (optionally only `only`), and records it. */
export async function remindTerritories(
  ctx: AppContext,
  tx: Sql,
  c: CampaignRow,
  kind: 'rappel' | 'manuel',
  options: { only?: readonly string[]; userId?: string | null; jobKey?: string } = {},
): Promise<ReminderReport> {
  const directory = await tiDirectory(ctx);
  const now = ctx.clock.now();
  const only = options.only ? new Set(options.only) : null;
  const pending = (await territoryAggregates(tx, c, now)).filter(
    (t) => needsReminder({ signedOffAt: t.signed_off_at }) && (!only || only.has(t.territoire_id)),
  );
  const report: ReminderReport = { territoires: 0, regions: 0, courriels: 0 };
  for (const t of pending) {
    const to = await recipients(tx, { territoire: t.territoire_id });
    const mail = territoryReminderMail(
      kind,
      {
        campagne: c,
        territoire: { nom: directory.tiName(t.territoire_id) ?? t.territoire_id },
        restantes: t.actions - t.reviewed,
        lien: `${ctx.config.publicUrl}/campagnes/${c.id}/territoires/${t.territoire_id}`,
      },
      dayOf(now),
    );
    for (const address of to) await sendMail(ctx, tx, { to: address, ...mail, category: 'campagnes.rappel' });
    await recordReminder(
      tx,
      c.id,
      kind,
      { territoire: t.territoire_id, region: t.region_code },
      to.length,
      now,
      options,
    );
    report.territoires++;
    report.courriels += to.length;
  }
  return report;
}

/** Escalation after the closing date: one email per region listing its territories still missing. */
export async function escalateToRegions(
  ctx: AppContext,
  tx: Sql,
  c: CampaignRow,
  options: { jobKey?: string } = {},
): Promise<ReminderReport> {
  const directory = await tiDirectory(ctx);
  const now = ctx.clock.now();
  const pending = (await territoryAggregates(tx, c, now)).filter((t) =>
    needsReminder({ signedOffAt: t.signed_off_at }),
  );
  const byRegion = new Map<string, typeof pending>();
  for (const t of pending) byRegion.set(t.region_code, [...(byRegion.get(t.region_code) ?? []), t]);
  const report: ReminderReport = { territoires: pending.length, regions: 0, courriels: 0 };
  for (const [region, list] of [...byRegion].sort((a, b) => a[0].localeCompare(b[0]))) {
    const to = await recipients(tx, { region });
    const mail = escalationMail({
      campagne: c,
      region: { nom: directory.regions.get(region) ?? region },
      manquants: list
        .map((t) => ({
          nom: directory.tiName(t.territoire_id) ?? t.territoire_id,
          restantes: t.actions - t.reviewed,
        }))
        .sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
      lien: `${ctx.config.publicUrl}/campagnes/${c.id}?region=${region}`,
    });
    for (const address of to)
      await sendMail(ctx, tx, { to: address, ...mail, category: 'campagnes.relance' });
    await recordReminder(tx, c.id, 'relance-regionale', { region }, to.length, now, options);
    report.regions++;
    report.courriels += to.length;
  }
  return report;
}

async function recordReminder(
  tx: Sql,
  campaignId: string,
  kind: ReminderKind,
  target: { territoire?: string; region: string },
  count: number,
  now: Date,
  options: { userId?: string | null; jobKey?: string },
) {
  await tx.query(
    `INSERT INTO campagne_rappels (campagne_id, kind, territoire_id, region_code, destinataires, sent_at, sent_by, job_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      campaignId,
      kind,
      target.territoire ?? null,
      target.region,
      count,
      now,
      options.userId ?? null,
      options.jobKey ?? null,
    ],
  );
}

registerJobHandler(REMINDER_JOB, async (payload, { ctx, tx, job }) => {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM campagnes WHERE id = $1', [
    String(payload.campagne),
  ]);
  if (!rows[0]) return { ignore: 'campagne supprimée' };
  const c = await loadCampaign(tx, rows[0].id);
  if (c.closed_at) return { ignore: 'campagne close' };
  if (payload.kind === 'relance-regionale') return escalateToRegions(ctx, tx, c, { jobKey: job.key });
  return remindTerritories(ctx, tx, c, 'rappel', { jobKey: job.key });
});
