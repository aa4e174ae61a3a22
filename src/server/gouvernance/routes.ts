import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  EVENT_KINDS,
  eventKindLabel,
  fonctionLabel,
  memberKindLabel,
  tailleLabel,
  type Viewer,
} from '../../domain/gouvernance';
import { normalizeText } from '../../domain/shared/text';
import type { AppContext } from '../platform/context';
import { XLSX_TYPE } from '../platform/files/export-table';
import { writeCsv, writeXlsx } from '../platform/files/tabular';
import { cachedRoute, statsRoute } from '../platform/http/dataset-routes';
import { notFound } from '../platform/http/errors';
import { ExportQuery, ImportQuery, importRoutes, sendFile } from '../platform/http/file-routes';
import { listAnswer, pageAnswer } from '../platform/http/list-answer';
import { inScope } from '../platform/http/territory-names';
import {
  type GouvernanceData,
  gouvernanceCache,
  gouvernanceStats,
  presentChef,
  presentCoordinator,
  presentEvent,
  presentMember,
  seesContacts,
  territoryGovernance,
  viewersOf,
} from './data';
import { type GouvernanceTable, importGouvernance } from './import';

const tags = ['gouvernance'];
const Region = Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région' });
const Territoire = Type.String({ pattern: '^ti-[0-9]{4}$', description: 'Identifiant du TI' });

type Person =
  | ReturnType<typeof presentMember>
  | ReturnType<typeof presentChef>
  | ReturnType<typeof presentCoordinator>;

/** Everyone of the directory, as `viewers` may see them. */
function directory(data: GouvernanceData, viewers: readonly Viewer[]): Person[] {
  return [
    ...data.coordinateurs.map((c) => presentCoordinator(data, viewers, c)),
    ...data.chefsDeProjet.map((c) => presentChef(data, viewers, c)),
    ...data.membres.map((m) => presentMember(data, viewers, m)),
  ];
}

export async function gouvernanceRoutes(app: FastifyInstance, ctx: AppContext) {
  const cache = gouvernanceCache(ctx);

  app.get(
    '/api/v1/territoires/:id/gouvernance',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Gouvernance d'un territoire : binôme (élus, industriels), chef de projet, coordinateurs régionaux, COPIL. Courriels et téléphones réservés aux personnes connectées habilitées",
        params: Type.Object({ id: Territoire }),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { rows } = await ctx.db.query<{ region_code: string }>(
        'SELECT t.region_code FROM territoires t JOIN perimetres p ON p.version = t.version AND p.courant WHERE t.id = $1',
        [id],
      );
      if (!rows[0]) throw notFound(`Territoire d'industrie inconnu : « ${id} ».`);
      const data = await cache.get();
      const viewers = viewersOf(request.ctx.actor);
      // Personal data: never stored by a shared cache.
      reply.header('cache-control', viewers.length ? 'private, no-store' : 'public, max-age=0');
      return territoryGovernance(data, viewers, id, rows[0].region_code);
    },
  );

  app.get(
    '/api/v1/annuaire',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Annuaire du réseau (coordinateurs, chefs de projet, binômes) pour les personnes connectées ; coordonnées selon les droits',
        querystring: Type.Object({
          region: Type.Optional(Region),
          territoire: Type.Optional(Territoire),
          type: Type.Optional(
            Type.Union([
              Type.Literal('coordinateur'),
              Type.Literal('chef-de-projet'),
              Type.Literal('membre'),
            ]),
          ),
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Nom, organisation, territoire' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as {
        region?: string;
        territoire?: string;
        type?: string;
        q?: string;
        limit?: number;
        offset?: number;
      };
      const data = await cache.get();
      const viewers = viewersOf(request.ctx.actor);
      const needle = q.q ? normalizeText(q.q) : '';
      const list = directory(data, viewers).filter(
        (p) =>
          (!q.type || p.type === q.type) &&
          (!q.region || p.region.code === q.region) &&
          (!q.territoire || p.territoire?.id === q.territoire) &&
          (!needle ||
            normalizeText(
              `${p.nomComplet} ${p.organisation ?? ''} ${p.territoire?.nom ?? ''} ${p.region.nom}`,
            ).includes(needle)),
      );
      reply.header('cache-control', 'private, no-store');
      return pageAnswer(list, { offset: q.offset ?? 0, limit: q.limit ?? 100 }, (p) => p);
    },
  );

  cachedRoute(
    app,
    cache,
    '/api/v1/gouvernance/evenements',
    {
      key: 'events',
      tags,
      summary: 'COPIL et événements du réseau (séminaires, webinaires), avec le nombre de participants',
      querystring: Type.Object({
        region: Type.Optional(Region),
        territoire: Type.Optional(Territoire),
        type: Type.Optional(Type.Union(EVENT_KINDS.map((k) => Type.Literal(k.code)))),
      }),
    },
    (data, q: { region?: string; territoire?: string; type?: string }) => {
      return listAnswer(
        data.evenements.filter((e) => (!q.type || e.kind === q.type) && inScope(e, q)),
        (e) => presentEvent(data, e),
      );
    },
  );

  statsRoute(
    app,
    cache,
    '/api/v1/gouvernance/stats',
    {
      tags,
      summary:
        'Chiffres de la gouvernance calculés à partir des données : binômes (tailles, fonctions), chefs de projet, coordinateurs, COPIL ; France, région ou TI',
      querystring: Type.Object({ region: Type.Optional(Region), territoire: Type.Optional(Territoire) }),
    },
    gouvernanceStats,
  );

  app.get(
    '/api/v1/gouvernance/export',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          "Export de la gouvernance (XLSX : une feuille par table ; CSV : l'annuaire), coordonnées selon les droits",
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const q = request.query as { format?: 'csv' | 'xlsx' };
      const data = await cache.get();
      const viewers = viewersOf(request.ctx.actor);
      const c = (person: Parameters<typeof seesContacts>[1]) =>
        seesContacts(viewers, person) ? [person.email ?? '', person.telephone ?? ''] : ['', ''];
      const binomes = data.membres.map((m) => [
        m.id,
        m.prenom ?? '',
        m.nom,
        ...c({ type: 'membre', ...m }),
        m.tiId,
        memberKindLabel(m.kind),
        m.mandat ?? '',
        m.collectivite ?? '',
        m.entreprise ?? '',
        m.taille ? tailleLabel(m.taille) : '',
        m.kind === 'industriel'
          ? m.fonction === 'autre'
            ? (m.fonctionLibelle ?? '')
            : fonctionLabel(m.fonction)
          : '',
      ]);
      const chefs = data.chefsDeProjet.map((x) => [
        x.id,
        x.prenom ?? '',
        x.nom,
        ...c({ type: 'chef-de-projet', ...x }),
        x.tiId,
        x.structure ?? '',
        x.enPosteDepuis ?? '',
        x.cofinance ? 'Oui' : 'Non',
        x.cofinancementEtatEuros ?? '',
      ]);
      const coords = data.coordinateurs.map((x) => [
        x.id,
        x.prenom ?? '',
        x.nom,
        ...c({ type: 'coordinateur', ...x }),
        x.reg,
        x.structure ?? '',
      ]);
      const events = data.evenements.map((e) => [
        e.id,
        eventKindLabel(e.kind),
        e.titre,
        e.date,
        e.tiId ?? '',
        e.reg ?? '',
        e.participants ?? '',
        e.organisations.join(', '),
      ]);
      const person = ['Identifiant', 'Prénom', 'Nom', 'Courriel', 'Téléphone'];
      const sheets = [
        {
          name: 'Binômes',
          headers: [
            ...person,
            "Territoire d'industrie",
            'Type',
            'Mandat',
            'Collectivité',
            'Entreprise',
            "Taille d'entreprise",
            'Fonction',
          ],
          rows: binomes,
        },
        {
          name: 'Chefs de projet',
          headers: [
            ...person,
            "Territoire d'industrie",
            'Structure employeuse',
            'En poste depuis',
            'Poste cofinancé',
            'Cofinancement État (€)',
          ],
          rows: chefs,
        },
        { name: 'Coordinateurs', headers: [...person, 'Région', 'Structure'], rows: coords },
        {
          name: 'Événements',
          headers: [
            'Identifiant',
            "Type d'événement",
            'Intitulé',
            'Date',
            "Territoire d'industrie",
            'Région',
            'Participants',
            'Organisations représentées',
          ],
          rows: events,
        },
      ];
      if ((q.format ?? 'xlsx') === 'xlsx')
        return sendFile(reply, {
          body: await writeXlsx(sheets),
          contentType: XLSX_TYPE,
          filename: 'gouvernance.xlsx',
        });
      const people = directory(data, viewers);
      return sendFile(reply, {
        body: writeCsv(
          [
            'Rôle',
            'Prénom',
            'Nom',
            'Organisation',
            "Territoire d'industrie",
            'Région',
            'Courriel',
            'Téléphone',
          ],
          people.map((p) => [
            p.role,
            p.prenom ?? '',
            p.nom,
            p.organisation ?? '',
            p.territoire?.nom ?? '',
            p.region.nom,
            'email' in p ? (p.email ?? '') : '',
            'telephone' in p ? (p.telephone ?? '') : '',
          ]),
        ),
        contentType: 'text/csv; charset=utf-8',
        filename: 'annuaire.csv',
      });
    },
  );

  await importRoutes(app, tags, [
    {
      url: '/api/v1/gouvernance/import',
      summary:
        'Import de la gouvernance (XLSX à feuilles « Binômes », « Chefs de projet », « Coordinateurs », « Événements », ou une table CSV avec « table »), tout ou rien',
      querystring: Type.Object({
        ...ImportQuery.properties,
        table: Type.Optional(
          Type.Union([
            Type.Literal('binomes'),
            Type.Literal('chefs-de-projet'),
            Type.Literal('coordinateurs'),
            Type.Literal('evenements'),
          ]),
        ),
      }),
      fichier: 'gouvernance',
      run: (data, fichier, run, q) =>
        importGouvernance(ctx, data, fichier, { ...run, table: q.table as GouvernanceTable | undefined }),
    },
  ]);
}
