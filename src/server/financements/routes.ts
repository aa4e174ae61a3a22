import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DISPOSITIFS, type DispositifCode, FILIERES } from '../../domain/financements';
import type { AppContext } from '../platform/context';
import { cachedRoute, itemRoute, statsRoute, tableExportRoute } from '../platform/http/dataset-routes';
import { ExportQuery, ImportQuery, importRoutes } from '../platform/http/file-routes';
import { listAnswer } from '../platform/http/list-answer';
import { inScope } from '../platform/http/territory-names';
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
import {
  LAUREATE_EXPORT_HEADERS,
  laureateExportRows,
  MISSION_EXPORT_HEADERS,
  missionExportRows,
} from './export';
import { importLaureates, importMissions } from './import';

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

type ScopeQuery = { region?: string; territoire?: string };

export async function financementsRoutes(app: FastifyInstance, ctx: AppContext) {
  const cache = financementsCache(ctx);

  cachedRoute(
    app,
    cache,
    '/api/v1/laureats',
    {
      key: 'list',
      tags,
      summary:
        'Lauréats des dispositifs du programme (Fonds vert, Rebond industriel, ingénierie) : filtres, totaux, pagination',
      querystring: ListQuery,
    },
    (data, q: LaureateFilters & { limit?: number; offset?: number; tri?: string }) =>
      laureateList(data, filtersOf(q), { limit: q.limit ?? 50, offset: q.offset ?? 0, tri: q.tri }),
  );

  cachedRoute(
    app,
    cache,
    '/api/v1/laureats/carte',
    {
      key: 'map',
      tags,
      summary:
        "Couche cartographique (GeoJSON, points) des lauréats, placés au point de l'intercommunalité de leur commune",
      querystring: Type.Object(LaureateFilterQuery),
    },
    (data, q: LaureateFilters) => laureateLayer(data, filtersOf(q)),
  );

  tableExportRoute(
    app,
    cache,
    '/api/v1/laureats/export',
    {
      access: 'public',
      tags,
      summary: 'Export des lauréats (CSV ou XLSX), avec les filtres de la liste',
      querystring: Type.Object({ ...LaureateFilterQuery, ...ExportQuery.properties }),
      file: { name: 'laureats', sheet: 'Lauréats', headers: LAUREATE_EXPORT_HEADERS },
    },
    (data, q: LaureateFilters) => laureateExportRows(data, filterLaureates(data, filtersOf(q))),
  );

  itemRoute(
    app,
    cache,
    '/api/v1/laureats/:id',
    { tags, summary: 'Un lauréat', unknown: (id) => `Lauréat inconnu : « ${id} ».` },
    (data, id) => data.laureates.find((l) => l.id === id),
    presentLaureate,
  );

  cachedRoute(
    app,
    cache,
    '/api/v1/missions-rebond',
    {
      key: 'missions',
      tags,
      summary: 'Missions Rebond industriel : entretiens, projets et investissements recensés, enveloppe',
      querystring: Type.Object({
        region: LaureateFilterQuery.region,
        territoire: LaureateFilterQuery.territoire,
      }),
    },
    (data: FinancementsData, q: ScopeQuery) => {
      return listAnswer(
        data.missions.filter((m) => inScope(m, q)),
        (m) => presentMission(data, m),
      );
    },
  );

  tableExportRoute(
    app,
    cache,
    '/api/v1/missions-rebond/export',
    {
      access: 'public',
      tags,
      summary: 'Export des missions Rebond industriel (CSV ou XLSX)',
      querystring: ExportQuery,
      file: { name: 'missions-rebond', sheet: 'Missions Rebond', headers: MISSION_EXPORT_HEADERS },
    },
    (data) => missionExportRows(data, data.missions),
  );

  statsRoute(
    app,
    cache,
    '/api/v1/financements/stats',
    {
      tags,
      summary:
        'Chiffres des financements calculés à partir des lauréats : France, une région ou un TI, par dispositif, avec les chiffres publiés',
      querystring: Type.Object({
        region: LaureateFilterQuery.region,
        territoire: LaureateFilterQuery.territoire,
        dispositif: LaureateFilterQuery.dispositif,
      }),
    },
    (data, q: ScopeQuery & { dispositif?: string }) => financementsStats(data, q),
  );

  await importRoutes(app, tags, [
    {
      url: '/api/v1/laureats/import',
      summary:
        'Import de lauréats (CSV ou XLSX envoyé tel quel) : placement par code commune ou SIREN, tout ou rien, simulation possible',
      querystring: Type.Object({
        ...ImportQuery.properties,
        dispositif: Type.Optional(codes(DISPOSITIFS)),
        annee: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
      }),
      fichier: 'laureats',
      run: (data, fichier, run, q) =>
        importLaureates(ctx, data, fichier, {
          ...run,
          dispositif: q.dispositif as DispositifCode | undefined,
          annee: q.annee as number | undefined,
        }),
    },
    {
      url: '/api/v1/missions-rebond/import',
      summary: 'Import des missions Rebond industriel (CSV ou XLSX), tout ou rien, simulation possible',
      fichier: 'missions',
      run: (data, fichier, run) => importMissions(ctx, data, fichier, run),
    },
  ]);
}
