import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context';
import { mailSettings } from '../platform/mail';

// The outbox, read by the national team: in the embedded default it is where every email lands.

const STATUS_LABELS: Record<string, string> = {
  outbox: 'Conservé dans la boîte d’envoi (pas de serveur SMTP)',
  pending: 'En attente d’envoi',
  sent: 'Envoyé',
  failed: 'Échec d’envoi',
};

export async function outboxRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/v1/comptes/outbox',
    {
      config: { access: 'national' },
      schema: {
        tags: ['comptes'],
        summary:
          'Boîte d’envoi : les courriels émis par la plateforme (invitations, réinitialisations, relances)',
        querystring: Type.Object({
          destinataire: Type.Optional(Type.String({ maxLength: 254 })),
          statut: Type.Optional(
            Type.Union([
              Type.Literal('outbox'),
              Type.Literal('pending'),
              Type.Literal('sent'),
              Type.Literal('failed'),
            ]),
          ),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
          parPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
      },
    },
    async (request) => {
      const q = request.query as { destinataire?: string; statut?: string; page?: number; parPage?: number };
      const page = q.page ?? 1;
      const parPage = q.parPage ?? 50;
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.destinataire) {
        params.push(`%${q.destinataire.toLowerCase()}%`);
        where.push(`lower(to_address) LIKE $${params.length}`);
      }
      if (q.statut) {
        params.push(q.statut);
        where.push(`status = $${params.length}`);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [total, rows] = await Promise.all([
        ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox ${clause}`, params),
        ctx.db.query<{
          id: number;
          created_at: Date;
          to_address: string;
          subject: string;
          text_body: string;
          category: string | null;
          status: string;
          sent_at: Date | null;
          last_error: string | null;
          attempts: number;
        }>(
          `SELECT id, created_at, to_address, subject, text_body, category, status, sent_at, last_error, attempts
             FROM outbox ${clause} ORDER BY id DESC LIMIT ${parPage} OFFSET ${(page - 1) * parPage}`,
          params,
        ),
      ]);
      return {
        modeEnvoi: mailSettings(ctx).smtpUrl ? 'smtp' : 'boite-envoi',
        total: total.rows[0]?.n ?? 0,
        page,
        parPage,
        courriels: rows.rows.map((r) => ({
          id: r.id,
          creeLe: new Date(r.created_at).toISOString(),
          destinataire: r.to_address,
          objet: r.subject,
          texte: r.text_body,
          categorie: r.category,
          statut: r.status,
          statutLibelle: STATUS_LABELS[r.status] ?? r.status,
          envoyeLe: r.sent_at ? new Date(r.sent_at).toISOString() : null,
          tentatives: r.attempts,
          erreur: r.last_error,
        })),
      };
    },
  );
}
