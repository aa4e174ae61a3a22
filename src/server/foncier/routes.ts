import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { can } from '../../domain/comptes/policy';
import { ATELIERS, MATURITES } from '../../domain/foncier';
import { queryKey } from '../financements/dataset-cache';
import { exportTable } from '../financements/export';
import { sendFile, sendReport } from '../financements/routes';
import { ExportQuery, ImportQuery, uploadedBytes, withUploads } from '../financements/upload';
import type { AppContext } from '../platform/context';
import { notFound } from '../platform/http/errors';
import {
  filterSites,
  foncierCache,
  foncierStats,
  presentLandNeed,
  presentSite,
  type SiteFilters,
  siteLayer,
  siteList,
} from './data';
import { LAND_NEED_EXPORT_HEADERS, landNeedExportRows, SITE_EXPORT_HEADERS, siteExportRows } from './export';
import { importLandNeeds, importSites } from './import';

const tags = ['foncier'];
const codes = (list: readonly { code: string }[]) => Type.Union(list.map((d) => Type.Literal(d.code)));
const Region = Type.String({ pattern: '^[0-9]{2}$', description: 'Code INSEE de la région' });
const Territoire = Type.String({ pattern: '^ti-[0-9]{4}$', description: 'Identifiant du TI' });

const SiteFilterQuery = {
  region: Type.Optional(Region),
  territoire: Type.Optional(Territoire),
  maturite: Type.Optional(codes(MATURITES)),
  recyclage: Type.Optional(Type.Boolean({ description: 'Sites en recyclage foncier (true) ou non (false)' })),
  atelier: Type.Optional(codes(ATELIERS)),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Recherche dans le nom du site et la commune' }),
  ),
};

const filtersOf = (q: SiteFilters): SiteFilters => ({
  region: q.region,
  territoire: q.territoire,
  maturite: q.maturite,
  recyclage: q.recyclage,
  atelier: q.atelier,
  q: q.q,
});

export async function foncierRoutes(app: FastifyInstance, ctx: AppContext) {
  const cache = foncierCache(ctx);

  app.get(
    '/api/v1/sites-cles-en-main',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Sites clés en main France 2030 : surface, maturité, recyclage foncier, atelier, feuille de route',
        querystring: Type.Object({
          ...SiteFilterQuery,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as SiteFilters & { limit?: number; offset?: number };
      return cache.send(request, reply, queryKey('list', q as Record<string, unknown>), (data) =>
        siteList(data, filtersOf(q), { limit: q.limit ?? 100, offset: q.offset ?? 0 }),
      );
    },
  );

  app.get(
    '/api/v1/sites-cles-en-main/carte',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Couche cartographique (GeoJSON, points) des sites clés en main, au point de l'intercommunalité de leur commune",
        querystring: Type.Object(SiteFilterQuery),
      },
    },
    async (request, reply) => {
      const q = request.query as SiteFilters;
      return cache.send(request, reply, queryKey('map', q as Record<string, unknown>), (data) =>
        siteLayer(data, filtersOf(q)),
      );
    },
  );

  app.get(
    '/api/v1/sites-cles-en-main/export',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Export des sites clés en main (CSV ou XLSX), avec les filtres de la liste',
        querystring: Type.Object({ ...SiteFilterQuery, ...ExportQuery.properties }),
      },
    },
    async (request, reply) => {
      const q = request.query as SiteFilters & { format?: 'csv' | 'xlsx' };
      const data = await cache.get();
      const rows = siteExportRows(data, filterSites(data, filtersOf(q)));
      return sendFile(
        reply,
        await exportTable(
          q.format ?? 'csv',
          'sites-cles-en-main',
          'Sites clés en main',
          SITE_EXPORT_HEADERS,
          rows,
        ),
      );
    },
  );

  app.get(
    '/api/v1/sites-cles-en-main/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Un site clé en main',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const data = await cache.get();
      const site = data.sites.find((s) => s.id === id);
      if (!site) throw notFound(`Site clé en main inconnu : « ${id} ».`);
      return presentSite(data, site);
    },
  );

  app.get(
    '/api/v1/besoins-fonciers',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary:
          "Besoins fonciers inscrits dans les plans d'action (ceux des territoires que l'on peut lire)",
        querystring: Type.Object({ region: Type.Optional(Region), territoire: Type.Optional(Territoire) }),
      },
    },
    async (request) => {
      const q = request.query as { region?: string; territoire?: string };
      const data = await cache.get();
      const actor = request.ctx.actor;
      const list = data.besoins.filter(
        (n) =>
          (!q.region || n.reg === q.region) &&
          (!q.territoire || n.tiId === q.territoire) &&
          can(actor, 'actions.read', { territoire: n.tiId, region: n.reg }),
      );
      return {
        total: list.length,
        demo: list.some((n) => n.demo),
        items: list.map((n) => presentLandNeed(data, n)),
      };
    },
  );

  app.get(
    '/api/v1/besoins-fonciers/export',
    {
      config: { access: 'actions.read' },
      schema: {
        tags,
        summary: 'Export des besoins fonciers lisibles (CSV ou XLSX)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const q = request.query as { format?: 'csv' | 'xlsx' };
      const data = await cache.get();
      const list = data.besoins.filter((n) =>
        can(request.ctx.actor, 'actions.read', { territoire: n.tiId, region: n.reg }),
      );
      return sendFile(
        reply,
        await exportTable(
          q.format ?? 'csv',
          'besoins-fonciers',
          'Besoins fonciers',
          LAND_NEED_EXPORT_HEADERS,
          landNeedExportRows(data, list),
        ),
      );
    },
  );

  app.get(
    '/api/v1/foncier/stats',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Chiffres du foncier calculés à partir des sites et des besoins : France, une région ou un TI, avec les chiffres publiés',
        querystring: Type.Object({ region: Type.Optional(Region), territoire: Type.Optional(Territoire) }),
      },
    },
    async (request, reply) => {
      const q = request.query as { region?: string; territoire?: string };
      const data = await cache.get();
      if (q.territoire && !data.territoires.has(q.territoire))
        throw notFound(`Territoire d'industrie inconnu : « ${q.territoire} ».`);
      if (q.region && !data.regions.has(q.region)) throw notFound(`Région inconnue : « ${q.region} ».`);
      return cache.send(request, reply, queryKey('stats', q), (d) => foncierStats(d, q));
    },
  );

  await withUploads(app, async (scope) => {
    scope.post(
      '/api/v1/sites-cles-en-main/import',
      {
        config: { access: 'national' },
        schema: {
          tags,
          summary:
            'Import des sites clés en main (CSV ou XLSX envoyé tel quel), tout ou rien, simulation possible',
          querystring: ImportQuery,
        },
      },
      async (request, reply) => {
        const q = request.query as { simulation?: boolean; nom?: string };
        return sendReport(
          reply,
          await importSites(ctx, uploadedBytes(request.body), q.nom ?? 'sites', {
            simulation: q.simulation ?? false,
            who: request.ctx,
          }),
        );
      },
    );
    scope.post(
      '/api/v1/besoins-fonciers/import',
      {
        config: { access: 'national' },
        schema: {
          tags,
          summary:
            'Import des besoins fonciers des territoires (CSV ou XLSX), tout ou rien, simulation possible',
          querystring: ImportQuery,
        },
      },
      async (request, reply) => {
        const q = request.query as { simulation?: boolean; nom?: string };
        return sendReport(
          reply,
          await importLandNeeds(ctx, uploadedBytes(request.body), q.nom ?? 'besoins', {
            simulation: q.simulation ?? false,
            who: request.ctx,
          }),
        );
      },
    );
  });
}
