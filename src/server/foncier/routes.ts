import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { type Actor, can } from '../../domain/comptes/policy';
import { ATELIERS, MATURITES } from '../../domain/foncier';
import type { AppContext } from '../platform/context';
import { cachedRoute, itemRoute, statsRoute, tableExportRoute } from '../platform/http/dataset-routes';
import { ExportQuery, importRoutes } from '../platform/http/file-routes';
import { listAnswer } from '../platform/http/list-answer';
import { inScope } from '../platform/http/territory-names';
import {
  type FoncierData,
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

/** The land needs of the territories the actor may read (they belong to action plans). */
const readableNeeds = (data: FoncierData, actor: Actor) =>
  data.besoins.filter((n) => can(actor, 'actions.read', { territoire: n.tiId, region: n.reg }));

export async function foncierRoutes(app: FastifyInstance, ctx: AppContext) {
  const cache = foncierCache(ctx);

  cachedRoute(
    app,
    cache,
    '/api/v1/sites-cles-en-main',
    {
      key: 'list',
      tags,
      summary:
        'Sites clés en main France 2030 : surface, maturité, recyclage foncier, atelier, feuille de route',
      querystring: Type.Object({
        ...SiteFilterQuery,
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
      }),
    },
    (data, q: SiteFilters & { limit?: number; offset?: number }) =>
      siteList(data, filtersOf(q), { limit: q.limit ?? 100, offset: q.offset ?? 0 }),
  );

  cachedRoute(
    app,
    cache,
    '/api/v1/sites-cles-en-main/carte',
    {
      key: 'map',
      tags,
      summary:
        "Couche cartographique (GeoJSON, points) des sites clés en main, au point de l'intercommunalité de leur commune",
      querystring: Type.Object(SiteFilterQuery),
    },
    (data, q: SiteFilters) => siteLayer(data, filtersOf(q)),
  );

  tableExportRoute(
    app,
    cache,
    '/api/v1/sites-cles-en-main/export',
    {
      access: 'public',
      tags,
      summary: 'Export des sites clés en main (CSV ou XLSX), avec les filtres de la liste',
      querystring: Type.Object({ ...SiteFilterQuery, ...ExportQuery.properties }),
      file: { name: 'sites-cles-en-main', sheet: 'Sites clés en main', headers: SITE_EXPORT_HEADERS },
    },
    (data, q: SiteFilters) => siteExportRows(data, filterSites(data, filtersOf(q))),
  );

  itemRoute(
    app,
    cache,
    '/api/v1/sites-cles-en-main/:id',
    { tags, summary: 'Un site clé en main', unknown: (id) => `Site clé en main inconnu : « ${id} ».` },
    (data, id) => data.sites.find((s) => s.id === id),
    presentSite,
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
      return listAnswer(
        readableNeeds(data, request.ctx.actor).filter((n) => inScope(n, q)),
        (n) => presentLandNeed(data, n),
      );
    },
  );

  tableExportRoute(
    app,
    cache,
    '/api/v1/besoins-fonciers/export',
    {
      access: 'actions.read',
      tags,
      summary: 'Export des besoins fonciers lisibles (CSV ou XLSX)',
      querystring: ExportQuery,
      file: { name: 'besoins-fonciers', sheet: 'Besoins fonciers', headers: LAND_NEED_EXPORT_HEADERS },
    },
    (data, _q, request) => landNeedExportRows(data, readableNeeds(data, request.ctx.actor)),
  );

  statsRoute(
    app,
    cache,
    '/api/v1/foncier/stats',
    {
      tags,
      summary:
        'Chiffres du foncier calculés à partir des sites et des besoins : France, une région ou un TI, avec les chiffres publiés',
      querystring: Type.Object({ region: Type.Optional(Region), territoire: Type.Optional(Territoire) }),
    },
    foncierStats,
  );

  await importRoutes(app, tags, [
    {
      url: '/api/v1/sites-cles-en-main/import',
      summary:
        'Import des sites clés en main (CSV ou XLSX envoyé tel quel), tout ou rien, simulation possible',
      fichier: 'sites',
      run: (data, fichier, run) => importSites(ctx, data, fichier, run),
    },
    {
      url: '/api/v1/besoins-fonciers/import',
      summary: 'Import des besoins fonciers des territoires (CSV ou XLSX), tout ou rien, simulation possible',
      fichier: 'besoins',
      run: (data, fichier, run) => importLandNeeds(ctx, data, fichier, run),
    },
  ]);
}
