import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context';
import type { Sql } from '../db/database';

// A persisted job scheduler shared by every module. Jobs live in the `jobs` table (see
// 0020_jobs.sql); business time comes from ctx.clock, so tests move a clock and call runDueJobs()
// instead of waiting. Running a job:
//   1. claim: in a short transaction, SELECT one due job FOR UPDATE SKIP LOCKED (other instances
//      skip it), set a lease (locked_until, lease_token), count the attempt;
//   2. run: the handler's writes and the 'done' mark commit together in one transaction, guarded by
//      the lease token — if the lease was lost (instance too slow, another took over) nothing commits.
// A crash between 1 and 2 leaves the lease to expire, and the job is claimed again.

export interface JobContext {
  ctx: AppContext;
  /** The job's own transaction: write through it so that effects commit with the 'done' mark. */
  tx: Sql;
  job: { id: number; key: string; kind: string; attempts: number; runAt: Date };
}

/** Returns a small JSON result kept on the job row (what was done, for the dashboards). */
export type JobHandler = (payload: Record<string, unknown>, job: JobContext) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a kind of job (once per process; modules do it when loaded). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export interface NewJob {
  key: string;
  kind: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
}

/** Creates the job unless one with the same key exists (whatever its state). True when created. */
export async function scheduleJob(sql: Sql, job: NewJob): Promise<boolean> {
  const { rows } = await sql.query(
    `INSERT INTO jobs (key, kind, payload, run_at, max_attempts) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (key) DO NOTHING RETURNING id`,
    [job.key, job.kind, JSON.stringify(job.payload ?? {}), job.runAt, job.maxAttempts ?? 5],
  );
  return rows.length === 1;
}

/** Cancels pending jobs whose key starts with `prefix`, except `keep`. Returns how many. */
export async function cancelJobs(sql: Sql, prefix: string, keep: readonly string[] = []): Promise<number> {
  const { rows } = await sql.query(
    `UPDATE jobs SET status = 'cancelled' WHERE status = 'pending' AND starts_with(key, $1) AND NOT (key = ANY($2::text[]))
     RETURNING id`,
    [prefix, [...keep]],
  );
  return rows.length;
}

/** Lease of a claimed job: long enough for any handler, short enough to recover from a crash. */
export const LEASE_MS = 5 * 60_000;
/** Delay before retrying a failed attempt: 1, 2, 4, 8… minutes, at most an hour. */
export const retryDelayMs = (attempts: number) =>
  Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

interface ClaimedJob {
  id: number;
  key: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  token: string;
}

async function claimOne(ctx: AppContext): Promise<ClaimedJob | null> {
  const now = ctx.clock.now();
  const token = randomBytes(8).toString('hex');
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<Omit<ClaimedJob, 'token'>>(
      `SELECT id, key, kind, payload, attempts, max_attempts, run_at FROM jobs
        WHERE run_at <= $1
          AND (status = 'pending' OR (status = 'running' AND locked_until < $1))
        ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    const job = rows[0];
    if (!job) return null;
    await tx.query(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2, lease_token = $3 WHERE id = $1`,
      [job.id, new Date(now.getTime() + LEASE_MS), token],
    );
    return { ...job, attempts: job.attempts + 1, token };
  });
}

export interface RunReport {
  done: number;
  failed: number;
  retried: number;
}

/**
 * Runs every job due at ctx.clock.now(), one after the other, and returns what happened. Safe to
 * call from several instances at once: each job is claimed by one of them.
 */
export async function runDueJobs(ctx: AppContext, options: { limit?: number } = {}): Promise<RunReport> {
  const report: RunReport = { done: 0, failed: 0, retried: 0 };
  const limit = options.limit ?? 100;
  for (let n = 0; n < limit; n++) {
    const job = await claimOne(ctx);
    if (!job) break;
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`Aucun traitement enregistré pour les tâches « ${job.kind} ».`);
      await ctx.db.transaction(async (tx) => {
        const result = await handler(job.payload, {
          ctx,
          tx,
          job: { id: job.id, key: job.key, kind: job.kind, attempts: job.attempts, runAt: job.run_at },
        });
        const { rows } = await tx.query(
          `UPDATE jobs SET status = 'done', finished_at = $3, result = $4::jsonb, locked_until = NULL, last_error = NULL
            WHERE id = $1 AND lease_token = $2 AND status = 'running' RETURNING id`,
          [job.id, job.token, ctx.clock.now(), JSON.stringify(result ?? null)],
        );
        // Lease lost: another instance owns the job now; roll our effects back.
        if (rows.length === 0) throw new LeaseLost();
      });
      report.done++;
    } catch (error) {
      if (error instanceof LeaseLost) continue;
      const final = job.attempts >= job.max_attempts;
      await ctx.db.query(
        `UPDATE jobs SET status = $3, last_error = $4, locked_until = NULL, run_at = $5,
                finished_at = CASE WHEN $3 = 'failed' THEN $6::timestamptz ELSE NULL END
          WHERE id = $1 AND lease_token = $2`,
        [
          job.id,
          job.token,
          final ? 'failed' : 'pending',
          (error as Error).message.slice(0, 2000),
          new Date(ctx.clock.now().getTime() + retryDelayMs(job.attempts)),
          ctx.clock.now(),
        ],
      );
      if (final) report.failed++;
      else report.retried++;
    }
  }
  return report;
}

class LeaseLost extends Error {}

const runners = new WeakMap<AppContext, () => Promise<void>>();

/**
 * Polls for due jobs every `intervalMs` (JOBS_POLL_SECONDS, default 15 s) until the returned stop
 * function is called. Once per context: a second call returns the same stop function.
 */
export function startJobRunner(ctx: AppContext, intervalMs = pollInterval()): () => Promise<void> {
  const existing = runners.get(ctx);
  if (existing) return existing;
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = runDueJobs(ctx)
      .catch((error) => console.error('Tâches planifiées :', error))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    runners.delete(ctx);
  };
  runners.set(ctx, stop);
  return stop;
}

function pollInterval(): number {
  const seconds = Number(process.env.JOBS_POLL_SECONDS ?? 15);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 15_000;
}
