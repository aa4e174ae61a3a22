import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/helpers/database';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import type { Database } from '../db/database';
import { ManualClock } from './manual-clock';
import { cancelJobs, LEASE_MS, registerJobHandler, runDueJobs, scheduleJob } from './scheduler';

let db: Database;
let ctx: AppContext;
const clock = new ManualClock('2025-05-01T08:00:00Z');
const ran: string[] = [];
let failures = 0;

beforeAll(async () => {
  db = await openTestDatabase('referentiel');
  ctx = { db, config: loadConfig(), clock };
  await db.exec('CREATE TABLE job_effects (key text)');
  registerJobHandler('test.effect', async (payload, { tx, job }) => {
    ran.push(job.key);
    await tx.query('INSERT INTO job_effects VALUES ($1)', [job.key]);
    return { echo: payload.n };
  });
  registerJobHandler('test.flaky', async (_payload, { tx, job }) => {
    await tx.query('INSERT INTO job_effects VALUES ($1)', [job.key]);
    if (failures-- > 0) throw new Error('Serveur de courriel injoignable');
    return null;
  });
});
afterAll(async () => db?.close());

const effects = async (key: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM job_effects WHERE key = $1', [key])).rows[0]!
    .n;
const job = async (key: string) =>
  (
    await db.query<{ status: string; attempts: number; result: unknown; last_error: string | null }>(
      'SELECT status, attempts, result, last_error FROM jobs WHERE key = $1',
      [key],
    )
  ).rows[0]!;

describe('persisted job scheduler', () => {
  it('creates a job once per key and runs it once, when due', async () => {
    expect(
      await scheduleJob(db, {
        key: 'k1',
        kind: 'test.effect',
        runAt: new Date('2025-05-02T07:00:00Z'),
        payload: { n: 7 },
      }),
    ).toBe(true);
    expect(
      await scheduleJob(db, { key: 'k1', kind: 'test.effect', runAt: new Date('2025-05-01T07:00:00Z') }),
    ).toBe(false);
    expect(await runDueJobs(ctx)).toEqual({ done: 0, failed: 0, retried: 0 });
    clock.set('2025-05-02T06:59:59Z');
    await runDueJobs(ctx);
    expect(await effects('k1')).toBe(0);
    clock.set('2025-05-02T07:00:00Z');
    // Two runners at once (two instances): the job still runs once.
    const [a, b] = await Promise.all([runDueJobs(ctx), runDueJobs(ctx)]);
    expect(a.done + b.done).toBe(1);
    expect(await effects('k1')).toBe(1);
    expect(await job('k1')).toMatchObject({ status: 'done', attempts: 1, result: { echo: 7 } });
    clock.advanceDays(3);
    await runDueJobs(ctx);
    expect(await effects('k1')).toBe(1);
  });

  it('rolls back a failed attempt and retries later, then gives up', async () => {
    failures = 1;
    await scheduleJob(db, { key: 'k2', kind: 'test.flaky', runAt: clock.now(), maxAttempts: 3 });
    expect(await runDueJobs(ctx)).toMatchObject({ retried: 1 });
    expect(await effects('k2')).toBe(0); // the failed attempt's writes were rolled back
    expect(await job('k2')).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'Serveur de courriel injoignable',
    });
    await runDueJobs(ctx); // not yet: retry in one minute
    expect((await job('k2')).attempts).toBe(1);
    clock.advance(60_000);
    expect(await runDueJobs(ctx)).toMatchObject({ done: 1 });
    expect(await effects('k2')).toBe(1);

    failures = 10;
    await scheduleJob(db, { key: 'k3', kind: 'test.flaky', runAt: clock.now(), maxAttempts: 2 });
    await runDueJobs(ctx);
    clock.advance(60_000);
    expect(await runDueJobs(ctx)).toMatchObject({ failed: 1 });
    expect(await job('k3')).toMatchObject({ status: 'failed', attempts: 2 });
    failures = 0;
  });

  it('takes over a job whose instance died after claiming it (lease expired)', async () => {
    await scheduleJob(db, { key: 'k4', kind: 'test.effect', runAt: clock.now() });
    // Simulate a claim by an instance that then crashed.
    await db.query(
      `UPDATE jobs SET status = 'running', attempts = 1, locked_until = $2, lease_token = 'dead' WHERE key = $1`,
      ['k4', new Date(clock.now().getTime() + LEASE_MS)],
    );
    await runDueJobs(ctx);
    expect(await effects('k4')).toBe(0);
    clock.advance(LEASE_MS + 1000);
    await runDueJobs(ctx);
    expect(await effects('k4')).toBe(1);
    expect(await job('k4')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('cancels pending jobs by key prefix, keeping some', async () => {
    const later = new Date(clock.now().getTime() + 86_400_000);
    await scheduleJob(db, { key: 'campagne:x:a', kind: 'test.effect', runAt: later });
    await scheduleJob(db, { key: 'campagne:x:b', kind: 'test.effect', runAt: later });
    expect(await cancelJobs(db, 'campagne:x:', ['campagne:x:b'])).toBe(1);
    clock.advanceDays(2);
    await runDueJobs(ctx);
    expect(await effects('campagne:x:a')).toBe(0);
    expect(await effects('campagne:x:b')).toBe(1);
  });
});
