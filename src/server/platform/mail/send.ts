import type { AppContext } from '../context';
import type { Sql } from '../db/database';
import { kickDispatcher } from './dispatcher';
import { mailSettings } from './settings';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What caused the mail, e.g. 'comptes.invitation' (shown and filterable on the outbox page). */
  category?: string;
}

export interface QueuedMail {
  id: number;
  status: 'outbox' | 'pending';
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Queues an email. Pass the caller's transaction as `sql` so the mail exists only if the change that
 * causes it commits (transactional outbox). Embedded mode (no SMTP_URL): the mail stays in the
 * outbox, readable by national users in the app. With SMTP_URL: it is delivered right after commit
 * by the dispatcher (several instances share the work safely), and its status recorded.
 */
export async function sendMail(
  ctx: AppContext,
  sql: Sql | null | undefined,
  message: MailMessage,
): Promise<QueuedMail> {
  const to = message.to.trim();
  if (!EMAIL.test(to)) throw new Error(`Adresse électronique invalide pour l'envoi : « ${message.to} ».`);
  if (/[\r\n]/.test(message.subject))
    throw new Error("L'objet d'un courriel ne peut pas contenir de saut de ligne.");
  const smtp = Boolean(mailSettings(ctx).smtpUrl);
  const now = ctx.clock.now();
  const { rows } = await (sql ?? ctx.db).query<{ id: number }>(
    `INSERT INTO outbox (created_at, to_address, subject, text_body, html_body, category, status, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      now,
      to,
      message.subject,
      message.text,
      message.html ?? null,
      message.category ?? null,
      smtp ? 'pending' : 'outbox',
      smtp ? now : null,
    ],
  );
  if (smtp) kickDispatcher(ctx);
  return { id: rows[0]!.id, status: smtp ? 'pending' : 'outbox' };
}
