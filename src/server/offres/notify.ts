// Emails about requests, written in the caller's transaction (transactional outbox): the people of
// the addressed organisation, the regional coordination for the task force, the requester. The
// author of the event is never mailed about their own action.

import { sollicitationStatutLabel } from '../../domain/offres/sollicitations';
import { operateurLabel } from '../../domain/offres/vocabulary';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import { sendMail } from '../platform/mail';

export type Audience =
  | { kind: 'organisation'; organisation: string }
  | { kind: 'region'; region: string }
  | { kind: 'user'; userId: string | null };

export interface RequestRef {
  id: string;
  numero: number;
  objet: string;
  actionTitre: string;
  territoireNom: string;
}

export const reference = (numero: number) => `S-${String(numero).padStart(6, '0')}`;

async function emailsOf(sql: Sql, audience: Audience): Promise<string[]> {
  if (audience.kind === 'user') {
    if (!audience.userId) return [];
    const { rows } = await sql.query<{ email: string }>('SELECT email FROM users WHERE id = $1 AND active', [
      audience.userId,
    ]);
    return rows.map((r) => r.email);
  }
  const [column, role, value] =
    audience.kind === 'organisation'
      ? ['organisation', 'partner', audience.organisation]
      : ['region_code', 'regional', audience.region];
  const { rows } = await sql.query<{ email: string }>(
    `SELECT DISTINCT u.email FROM users u JOIN user_grants g ON g.user_id = u.id
      WHERE u.active AND g.role = $1 AND g.${column} = $2 ORDER BY u.email`,
    [role, value],
  );
  return rows.map((r) => r.email);
}

/** Sends one mail per recipient of the audiences (deduplicated, author left out). Returns the count. */
export async function notify(
  ctx: AppContext,
  tx: Sql,
  audiences: Audience[],
  authorId: string | null,
  request: RequestRef,
  event: { subject: string; lines: string[] },
): Promise<number> {
  const authorEmails = new Set(authorId ? await emailsOf(tx, { kind: 'user', userId: authorId }) : []);
  const recipients = new Set<string>();
  for (const audience of audiences) for (const email of await emailsOf(tx, audience)) recipients.add(email);
  const ref = reference(request.numero);
  const link = `${ctx.config.publicUrl}/sollicitations/${request.id}`;
  let sent = 0;
  for (const to of recipients) {
    if (authorEmails.has(to)) continue;
    await sendMail(ctx, tx, {
      to,
      subject: `[Pilote TI] Sollicitation ${ref} : ${event.subject}`,
      text: [
        'Bonjour,',
        '',
        ...event.lines,
        '',
        `Sollicitation ${ref} : ${request.objet}`,
        `Action : ${request.actionTitre} (${request.territoireNom})`,
        `Consulter et répondre : ${link}`,
        '',
        '— Pilote TI, Territoires d’industrie',
      ].join('\n'),
      category: 'offres.sollicitation',
    });
    sent++;
  }
  return sent;
}

export const statusLine = (statut: string, organisation: string | null) =>
  `Nouveau statut : ${sollicitationStatutLabel(statut)}${organisation ? ` (${operateurLabel(organisation)})` : ''}.`;
