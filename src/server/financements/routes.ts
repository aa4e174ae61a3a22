import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { DISPOSITIFS, type DispositifCode, FILIERES } from '../../domain/financements';
import type { AppContext } from '../platform/context';
import { notFound } from '../platform/http/errors';
import {
  type FinancementsData,
  filterLaureates,
  financementsCache,
  financementsStats,
  type LaureateFilters,
  laureateLayer,
  laureateList,
  presentLaureate,
  presentMission,
} from './data';
import { queryKey } from './dataset-cache';
import {
  type ExportFile,
  exportTable,
  LAUREATE_EXPORT_HEADERS,
  laureateExportRows,
  MISSION_EXPORT_HEADERS,
  missionExportRows,
} from './export';
import { importLaureates, importMissions } from './import';
import type { ImportReport } from './import-runner';
import { ExportQuery, ImportQuery, uploadedBytes, withUploads } from './upload';

const tags = ['financements'];
const codes = (list: readonly { code: string }[]) => Type.Union(list.map((d) => Type.Literal(d.code)));

const LaureateFilterQuery = {
  dispositif: Type.Optional(codes(DISPOSITIFS)),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région' })),
  territoire: Type.Optional(Type.String({ pattern: '^ti-[0-9]{4}$', description: 'Identifiant du TI' })),
  departement: Type.Optional(Type.String({ pattern: '^[0-9AB]{2,3}$' })),
  filiere: Type.Optional(codes(FILIERES)),
  annee: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  horsTi: Type.Optional(
    Type.Boolean({ description: 'Seulement les lauréats hors de tout TI (true) ou en TI (false)' }),
  ),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Recherche dans le bénéficiaire, le projet, la commune' }),
  ),
};

export const ListQuery = Type.Object({
  ...LaureateFilterQuery,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  tri: Type.Optional(Type.Union([Type.Literal('defaut'), Type.Literal('subvention')])),
});

/** Sends an import report: 422 when a real import was refused because of errors. */
export function sendReport(reply: FastifyReply, report: ImportReport) {
  return reply.status(!report.simulation && report.erreurs.length > 0 ? 422 : 200).send({
    ...report,
    message: report.erreurs.length
      ? `${report.erreurs.length} erreur(s) : rien n'a été importé. Corrigez le fichier puis réessayez.`
      : report.simulation
        ? `Simulation : ${report.valides} ligne(s) valide(s), rien n'a été enregistré.`
        : `${report.enregistres} ligne(s) importée(s).`,
  });
}

export function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .type(file.contentType)
    .send(file.body);
}

const filtersOf = (q: LaureateFilters) => ({
  dispositif: q.dispositif,
  region: q.region,
  territoire: q.territoire,
  departement: q.departement,
  filiere: q.filiere,
  annee: q.annee,
  horsTi: q.horsTi,
  q: q.q,
});

export async function financementsRoutes(app: FastifyInstance, ctx: AppContext) {
  const cache = financementsCache(ctx);

  app.get(
    '/api/v1/laureats',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Lauréats des dispositifs du programme (Fonds vert, Rebond industriel, ingénierie) : filtres, totaux, pagination',
        querystring: ListQuery,
      },
    },
    async (request, reply) => {
      const q = request.query as LaureateFilters & { limit?: number; offset?: number; tri?: string };
      const page = { limit: q.limit ?? 50, offset: q.offset ?? 0, tri: q.tri };
      return cache.send(request, reply, queryKey('list', q as Record<string, unknown>), (data) =>
        laureateList(data, filtersOf(q), page),
      );
    },
  );

  app.get(
    '/api/v1/laureats/carte',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Couche cartographique (GeoJSON, points) des lauréats, placés au point de l'intercommunalité de leur commune",
        querystring: Type.Object(LaureateFilterQuery),
      },
    },
    async (request, reply) => {
      const q = request.query as LaureateFilters;
      return cache.send(request, reply, queryKey('map', q as Record<string, unknown>), (data) =>
        laureateLayer(data, filtersOf(q)),
      );
    },
  );

  app.get(
    '/api/v1/laureats/export',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Export des lauréats (CSV ou XLSX), avec les filtres de la liste',
        querystring: Type.Object({ ...LaureateFilterQuery, ...ExportQuery.properties }),
      },
    },
    async (request, reply) => {
      const q = request.query as LaureateFilters & { format?: 'csv' | 'xlsx' };
      const data = await cache.get();
      const list = filterLaureates(data, filtersOf(q));
      return sendFile(
        reply,
        await exportTable(
          q.format ?? 'csv',
          'laureats',
          'Lauréats',
          LAUREATE_EXPORT_HEADERS,
          laureateExportRows(data, list),
        ),
      );
    },
  );

  app.get(
    '/api/v1/laureats/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Un lauréat', params: Type.Object({ id: Type.String({ maxLength: 100 }) }) },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const data = await cache.get();
      const laureate = data.laureates.find((l) => l.id === id);
      if (!laureate) throw notFound(`Lauréat inconnu : « ${id} ».`);
      return presentLaureate(data, laureate);
    },
  );

  app.get(
    '/api/v1/missions-rebond',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Missions Rebond industriel : entretiens, projets et investissements recensés, enveloppe',
        querystring: Type.Object({
          region: LaureateFilterQuery.region,
          territoire: LaureateFilterQuery.territoire,
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as { region?: string; territoire?: string };
      return cache.send(request, reply, queryKey('missions', q), (data: FinancementsData) => {
        const list = data.missions.filter(
          (m) => (!q.region || m.reg === q.region) && (!q.territoire || m.tiId === q.territoire),
        );
        return {
          total: list.length,
          demo: list.some((m) => m.demo),
          items: list.map((m) => presentMission(data, m)),
        };
      });
    },
  );

  app.get(
    '/api/v1/missions-rebond/export',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Export des missions Rebond industriel (CSV ou XLSX)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const q = request.query as { format?: 'csv' | 'xlsx' };
      const data = await cache.get();
      return sendFile(
        reply,
        await exportTable(
          q.format ?? 'csv',
          'missions-rebond',
          'Missions Rebond',
          MISSION_EXPORT_HEADERS,
          missionExportRows(data, data.missions),
        ),
      );
    },
  );

  app.get(
    '/api/v1/financements/stats',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Chiffres des financements calculés à partir des lauréats : France, une région ou un TI, par dispositif, avec les chiffres publiés',
        querystring: Type.Object({
          region: LaureateFilterQuery.region,
          territoire: LaureateFilterQuery.territoire,
          dispositif: LaureateFilterQuery.dispositif,
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as { region?: string; territoire?: string; dispositif?: string };
      const data = await cache.get();
      if (q.territoire && !data.territoires.has(q.territoire))
        throw notFound(`Territoire d'industrie inconnu : « ${q.territoire} ».`);
      if (q.region && !data.regions.has(q.region)) throw notFound(`Région inconnue : « ${q.region} ».`);
      return cache.send(request, reply, queryKey('stats', q), (d) => financementsStats(d, q));
    },
  );

  await withUploads(app, async (scope) => {
    scope.post(
      '/api/v1/laureats/import',
      {
        config: { access: 'national' },
        schema: {
          tags,
          summary:
            'Import de lauréats (CSV ou XLSX envoyé tel quel) : placement par code commune ou SIREN, tout ou rien, simulation possible',
          querystring: Type.Object({
            ...ImportQuery.properties,
            dispositif: Type.Optional(codes(DISPOSITIFS)),
            annee: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          }),
        },
      },
      async (request, reply) => {
        const q = request.query as {
          simulation?: boolean;
          nom?: string;
          dispositif?: DispositifCode;
          annee?: number;
        };
        const report = await importLaureates(ctx, uploadedBytes(request.body), q.nom ?? 'laureats', {
          simulation: q.simulation ?? false,
          dispositif: q.dispositif,
          annee: q.annee,
          who: request.ctx,
        });
        return sendReport(reply, report);
      },
    );
    scope.post(
      '/api/v1/missions-rebond/import',
      {
        config: { access: 'national' },
        schema: {
          tags,
          summary: 'Import des missions Rebond industriel (CSV ou XLSX), tout ou rien, simulation possible',
          querystring: ImportQuery,
        },
      },
      async (request, reply) => {
        const q = request.query as { simulation?: boolean; nom?: string };
        const report = await importMissions(ctx, uploadedBytes(request.body), q.nom ?? 'missions', {
          simulation: q.simulation ?? false,
          who: request.ctx,
        });
        return sendReport(reply, report);
      },
    );
  });
}
