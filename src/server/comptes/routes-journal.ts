import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { territoriesFor } from '../../domain/comptes/policy';
import type { AppContext } from '../platform/context';
import { badRequest } from '../platform/http/errors';

// The audit log: national users browse everything; a territorial user sees its territories' entries.

const Filters = Type.Object({
  territoire: Type.Optional(Type.String({ maxLength: 40 })),
  region: Type.Optional(Type.String({ maxLength: 3 })),
  entite: Type.Optional(Type.String({ maxLength: 60 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  utilisateur: Type.Optional(
    Type.String({ maxLength: 254, description: 'Adresse électronique (partielle)' }),
  ),
  du: Type.Optional(Type.String({ format: 'date', description: 'Date de début (AAAA-MM-JJ)' })),
  au: Type.Optional(Type.String({ format: 'date', description: 'Date de fin incluse (AAAA-MM-JJ)' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  parPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
type FiltersT = {
  territoire?: string;
  region?: string;
  entite?: string;
  action?: string;
  utilisateur?: string;
  du?: string;
  au?: string;
  page?: number;
  parPage?: number;
};

interface Row {
  id: number;
  at: Date;
  email: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  territoire_id: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
}

function whereClause(request: FastifyRequest, q: FiltersT): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  const scope = territoriesFor(request.ctx.actor, 'audit.read');
  if (scope !== 'all') add('a.territoire_id = ANY(?::text[])', scope.territoires);
  if (q.territoire) add('a.territoire_id = ?', q.territoire);
  if (q.region) add('a.region_code = ?', q.region);
  if (q.entite) add('a.entity = ?', q.entite);
  if (q.action) add('a.action = ?', q.action);
  if (q.utilisateur) add('lower(u.email) LIKE ?', `%${q.utilisateur.toLowerCase()}%`);
  if (q.du) add('a.at >= ?::date', q.du);
  if (q.au) add("a.at < (?::date + interval '1 day')", q.au);
  if (q.du && q.au && q.du > q.au) throw badRequest('Filtre de dates : « du » doit précéder « au ».');
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const SELECT = `SELECT a.id, a.at, u.email, a.ip, a.action, a.entity, a.entity_id, a.territoire_id, a.region_code,
                       a.before, a.after
                  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`;

const entryOut = (r: Row) => ({
  id: r.id,
  le: new Date(r.at).toISOString(),
  utilisateur: r.email,
  ip: r.ip,
  action: r.action,
  entite: r.entity,
  identifiant: r.entity_id,
  territoire: r.territoire_id,
  region: r.region_code,
  avant: r.before,
  apres: r.after,
});

// Spreadsheet programs run cells that start with these characters as formulas.
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export async function journalRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/v1/comptes/journal',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['comptes'],
        summary: 'Journal des modifications (qui, quand, quoi, avant/après, depuis quelle adresse)',
        querystring: Filters,
      },
    },
    async (request) => {
      const q = request.query as FiltersT;
      const page = q.page ?? 1;
      const parPage = q.parPage ?? 50;
      const { clause, params } = whereClause(request, q);
      const [total, rows] = await Promise.all([
        ctx.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${clause}`,
          params,
        ),
        ctx.db.query<Row>(
          `${SELECT} ${clause} ORDER BY a.id DESC LIMIT ${parPage} OFFSET ${(page - 1) * parPage}`,
          params,
        ),
      ]);
      return { total: total.rows[0]?.n ?? 0, page, parPage, entrees: rows.rows.map(entryOut) };
    },
  );

  app.get(
    '/api/v1/comptes/journal.csv',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['comptes'],
        summary: 'Export CSV du journal des modifications (mêmes filtres, 50 000 lignes au plus)',
        querystring: Filters,
      },
    },
    async (request, reply) => {
      const { clause, params } = whereClause(request, request.query as FiltersT);
      const { rows } = await ctx.db.query<Row>(`${SELECT} ${clause} ORDER BY a.id DESC LIMIT 50000`, params);
      const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
      const csv = stringify(
        rows.map((r) =>
          [
            new Date(r.at).toISOString(),
            r.email ?? '',
            r.ip ?? '',
            r.action,
            r.entity,
            r.entity_id ?? '',
            r.territoire_id ?? '',
            r.region_code ?? '',
            json(r.before),
            json(r.after),
          ].map(safeCell),
        ),
        {
          header: true,
          delimiter: ';',
          columns: [
            'Date',
            'Utilisateur',
            'Adresse IP',
            'Action',
            'Entité',
            'Identifiant',
            'Territoire',
            'Région',
            'Avant',
            'Après',
          ],
        },
      );
      const day = ctx.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="journal-pilote-ti-${day}.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );
}
