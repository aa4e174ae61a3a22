import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context';
import { sendCached } from '../platform/http/cached-response';
import { notFound } from '../platform/http/errors';
import type { TerritoryCache } from './cache';
import { nationalLayer, territoryMap } from './map-layers';
import {
  ErrorSchema,
  RegionCodeParams,
  SearchQuery,
  SourceSchema,
  TerritoryIdParams,
  TerritoryListSchema,
} from './schemas';
import { search } from './search';
import { SOURCES } from './sources';

const tags = ['territoires'];
const unknownTerritory = (id: string) =>
  notFound(`Territoire d'industrie inconnu : « ${id} ». Consultez la liste sur /api/v1/territoires.`);

export async function territoiresRoutes(app: FastifyInstance, _ctx: AppContext, cache: TerritoryCache) {
  app.addSchema(SourceSchema);

  app.get(
    '/api/v1/territoires',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Les Territoires d'industrie du périmètre en vigueur",
        response: { 200: TerritoryListSchema },
      },
    },
    async (request, reply) => {
      const body = await cache.body('territoires', (c) => ({
        perimetre: c.perimetre,
        total: c.territories.length,
        items: c.territories,
        sources: [SOURCES.perimetres, SOURCES.cog],
      }));
      return sendCached(request, reply, body!);
    },
  );

  app.get(
    '/api/v1/territoires/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Un Territoire d'industrie : membres, communes, départements, périmètres, autres programmes, Temps I",
        params: TerritoryIdParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = await cache.body(`territoire:${id}`, (c) => c.details.get(id));
      if (!body) throw unknownTerritory(id);
      return sendCached(request, reply, body);
    },
  );

  app.get(
    '/api/v1/territoires/:id/carte',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Carte (GeoJSON) du territoire et de ses groupements membres',
        params: TerritoryIdParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const catalog = await cache.get();
      const detail = catalog.details.get(id) as
        | { membres: { code: string; nom: string; type: string }[] }
        | undefined;
      if (!detail) throw unknownTerritory(id);
      return sendCached(request, reply, await territoryMap(id, detail.membres));
    },
  );

  app.get(
    '/api/v1/regions',
    {
      config: { access: 'public' },
      schema: { tags, summary: "Les régions et leurs Territoires d'industrie" },
    },
    async (request, reply) => {
      const body = await cache.body('regions', (c) => ({
        total: c.regionList.length,
        items: c.regionList,
        sources: [SOURCES.perimetres, SOURCES.cog],
      }));
      return sendCached(request, reply, body!);
    },
  );

  app.get(
    '/api/v1/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Une région : ses Territoires d'industrie et ses départements",
        params: RegionCodeParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const body = await cache.body(`region:${code}`, (c) => c.regions.get(code));
      if (!body) throw notFound(`Région inconnue : « ${code} ». Consultez la liste sur /api/v1/regions.`);
      return sendCached(request, reply, body);
    },
  );

  app.get(
    '/api/v1/recherche',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Recherche d'un territoire par son nom, ou par une commune ou un EPCI (nom, code INSEE, SIREN)",
        querystring: SearchQuery,
      },
    },
    async (request) => {
      const { q, limit } = request.query as { q: string; limit?: number };
      const catalog = await cache.get();
      return { q, items: await search(_ctx.db, q, catalog.perimetre.version, limit ?? 10) };
    },
  );

  app.get(
    '/api/v1/stats/programme',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Chiffres clés du programme, calculés à partir des données (territoires, groupements, population, autres programmes)',
      },
    },
    async (request, reply) => {
      const body = await cache.body('programme', (c) => c.programme);
      return sendCached(request, reply, body!);
    },
  );

  app.get(
    '/api/v1/carte/territoires',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Couche cartographique nationale (TopoJSON) des Territoires d'industrie, régions et encarts d'outre-mer",
        response: { 200: Type.Unknown() },
      },
    },
    async (request, reply) => sendCached(request, reply, await nationalLayer(), 3600),
  );
}
