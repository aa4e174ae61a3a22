import type { Transporter } from 'nodemailer';
import type { AppContext } from '../context';
import { mailSettings } from './settings';

// Delivers 'pending' outbox rows through SMTP after their transaction committed. Each pass claims a
// batch with FOR UPDATE SKIP LOCKED, so several app instances never send the same mail twice. A
// failed delivery is retried with a growing delay, then marked 'failed' with the error kept.

const MAX_ATTEMPTS = 5;
const BATCH = 20;
const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);

interface DispatcherState {
  transporter: Transporter | null;
  transporterUrl: string | null;
  running: Promise<number> | null;
  kick: ReturnType<typeof setTimeout> | null;
  stopped: boolean;
}
const states = new WeakMap<AppContext, DispatcherState>();

function state(ctx: AppContext): DispatcherState {
  let s = states.get(ctx);
  if (!s) {
    s = { transporter: null, transporterUrl: null, running: null, kick: null, stopped: false };
    states.set(ctx, s);
  }
  return s;
}

// nodemailer is loaded only when an SMTP server is configured (embedded mode keeps an outbox).
async function transporterFor(ctx: AppContext, smtpUrl: string): Promise<Transporter> {
  const s = state(ctx);
  if (!s.transporter || s.transporterUrl !== smtpUrl) {
    const { default: nodemailer } = await import('nodemailer');
    s.transporter?.close();
    const url = new URL(smtpUrl);
    // Local and test relays often present self-signed certificates: `?tls=insecure` accepts them.
    const insecure = url.searchParams.get('tls') === 'insecure';
    const secure = url.protocol === 'smtps:';
    s.transporter = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (secure ? 465 : 587)),
      secure,
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      tls: insecure ? { rejectUnauthorized: false } : undefined,
    });
    s.transporterUrl = smtpUrl;
  }
  return s.transporter;
}

/**
 * One delivery pass: sends due pending mails, returns how many were sent. Concurrent calls in one
 * process share the same pass. Tests call it to deliver without waiting for the poll.
 */
export function deliverPendingMail(ctx: AppContext): Promise<number> {
  const s = state(ctx);
  if (!s.running) {
    s.running = runPass(ctx).finally(() => {
      s.running = null;
    });
  }
  return s.running;
}

async function runPass(ctx: AppContext): Promise<number> {
  const { smtpUrl, from } = mailSettings(ctx);
  if (!smtpUrl) return 0;
  let sent = 0;
  for (;;) {
    const batch = await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{
        id: number;
        to_address: string;
        subject: string;
        text_body: string;
        html_body: string | null;
        attempts: number;
      }>(
        `SELECT id, to_address, subject, text_body, html_body, attempts FROM outbox
          WHERE status = 'pending' AND next_attempt_at <= $1
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [ctx.clock.now()],
      );
      // Claim the batch: push the next attempt away so another instance skips it while we send.
      if (rows.length) {
        await tx.query(
          `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2 WHERE id = ANY($1::bigint[])`,
          [rows.map((r) => r.id), new Date(ctx.clock.now().getTime() + 10 * 60_000)],
        );
      }
      return rows;
    });
    if (!batch.length) return sent;
    const transporter = await transporterFor(ctx, smtpUrl);
    for (const mail of batch) {
      const attempts = mail.attempts + 1;
      try {
        const info = await transporter.sendMail({
          from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          html: mail.html_body ?? undefined,
        });
        await ctx.db.query(
          `UPDATE outbox SET status = 'sent', sent_at = $2, message_id = $3, last_error = NULL, next_attempt_at = NULL WHERE id = $1`,
          [mail.id, ctx.clock.now(), info.messageId ?? null],
        );
        sent++;
      } catch (error) {
        const message = (error as Error).message.slice(0, 500);
        const failed = attempts >= MAX_ATTEMPTS;
        await ctx.db.query(
          `UPDATE outbox SET status = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
          [
            mail.id,
            failed ? 'failed' : 'pending',
            message,
            failed ? null : new Date(ctx.clock.now().getTime() + retryDelayMs(attempts)),
          ],
        );
      }
    }
    if (batch.length < BATCH) return sent;
  }
}

/** Asks for a pass shortly (after the caller's transaction has likely committed). */
export function kickDispatcher(ctx: AppContext): void {
  const s = state(ctx);
  if (s.stopped || s.kick) return;
  s.kick = setTimeout(() => {
    s.kick = null;
    deliverPendingMail(ctx).catch(() => {});
  }, 50);
  s.kick.unref?.();
}

/** Starts the periodic pass (with SMTP_URL only); returns the stop function. */
export function startMailDispatcher(ctx: AppContext): () => Promise<void> {
  const s = state(ctx);
  s.stopped = false;
  const { smtpUrl, pollMs } = mailSettings(ctx);
  const timer = smtpUrl
    ? setInterval(() => {
        deliverPendingMail(ctx).catch(() => {});
      }, pollMs)
    : null;
  timer?.unref?.();
  return async () => {
    s.stopped = true;
    if (timer) clearInterval(timer);
    if (s.kick) clearTimeout(s.kick);
    s.kick = null;
    await s.running?.catch(() => {});
    s.transporter?.close();
    s.transporter = null;
  };
}
