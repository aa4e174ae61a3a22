import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context';
import { sendCached } from '../platform/http/cached-response';
import { badRequest, notFound } from '../platform/http/errors';
import { type ActionLite, actionsSnapshot } from '../portraits/actions-data';
import { type CampaignInfo, campaignActions, listCampaigns } from '../portraits/campaign-data';
import type { PortraitData } from '../portraits/data';
import { sendPrintedPdf } from '../portraits/print';
import { ResponseCache } from '../portraits/response-cache';
import { portraitStore } from '../portraits/store';
import {
  actionsMap,
  applyFilters,
  type Chart,
  charts,
  checkFilters,
  FILTER_OPTIONS,
  type Filters,
  filterLabels,
  keyFigures,
  type Level,
} from './dashboard';

const tags = ['tableaux de bord'];
const ErrorSchema = Type.Object({ message: Type.String() });
const FilterQuery = {
  campagne: Type.Optional(
    Type.String({ description: 'Campagne de mise à jour (instantané figé des plans d’action)' }),
  ),
  region: Type.Optional(Type.String({ description: 'Code INSEE de région (tableau national)' })),
  axe: Type.Optional(
    Type.String({ description: 'Code de l’axe (competences, foncier, innovation, transition, transversal)' }),
  ),
  thematique: Type.Optional(Type.String({ description: 'Code de la thématique' })),
  statut: Type.Optional(
    Type.String({ description: 'Code du statut (non-renseigne pour les actions sans statut)' }),
  ),
};
const DashboardQuery = Type.Object(FilterQuery);
const CsvQuery = Type.Object({
  graphique: Type.String({
    description: 'Code du graphique (par-axe, par-thematique, par-statut, statut-par-region…)',
  }),
  ...FilterQuery,
});
const TerritoryIdParams = Type.Object({ id: Type.String({ pattern: '^ti-[0-9]{4}$' }) });
const RegionCodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}$' }) });

interface Scope {
  level: Level;
  id?: string;
}

function filtersOf(query: Record<string, unknown>, scope: Scope): Filters {
  const pick = (k: string) => {
    const v = query[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const f: Filters = {
    campagne: pick('campagne'),
    region: pick('region'),
    axe: pick('axe'),
    thematique: pick('thematique'),
    statut: pick('statut'),
  };
  if (scope.level !== 'national' && f.region !== undefined) {
    throw badRequest('Filtre « region » : il ne s’applique qu’au tableau de bord national.');
  }
  return f;
}

export async function dashboardsRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = portraitStore(ctx);
  const cache = new ResponseCache();

  /** The actions in scope (live plans or a campaign's snapshot), before the filters. */
  async function source(filters: Filters) {
    await store.get();
    const live = await actionsSnapshot(ctx);
    const campaign = filters.campagne ? await campaignActions(ctx, filters.campagne) : null;
    return {
      key: `${store.currentVersion}:${live.revision}:${campaign?.revision ?? ''}`,
      available: live.available || campaign !== null,
      actions: campaign ? campaign.actions : live.actions,
      campaign: campaign ? ({ code: campaign.code, libelle: campaign.libelle } as CampaignInfo) : null,
    };
  }

  function scopeActions(actions: readonly ActionLite[], scope: Scope) {
    if (scope.level === 'region') return actions.filter((a) => a.region === scope.id);
    if (scope.level === 'territoire') return actions.filter((a) => a.territoire === scope.id);
    return actions;
  }

  function checkScope(data: PortraitData, scope: Scope) {
    if (scope.level === 'region' && !data.regions.has(scope.id!)) {
      throw notFound(`Région inconnue : « ${scope.id} ». Consultez la liste sur /api/v1/regions.`);
    }
    if (scope.level === 'territoire' && !data.territories.has(scope.id!)) {
      throw notFound(
        `Territoire d'industrie inconnu : « ${scope.id} ». Consultez la liste sur /api/v1/territoires.`,
      );
    }
  }

  async function dashboard(scope: Scope, filters: Filters, src: Awaited<ReturnType<typeof source>>) {
    const data = await store.get();
    const inScope = scopeActions(src.actions, scope);
    const filtered = applyFilters(inScope, filters);
    const region = scope.level === 'region' ? scope.id : filters.region;
    const territories = [...data.territories.values()].filter(
      (t) =>
        (scope.level !== 'territoire' || t.id === scope.id) &&
        (region === undefined || t.regionCode === region),
    );
    const ids = new Set(territories.map((t) => t.id));
    const figures =
      scope.level === 'territoire'
        ? await store.figuresOf('territoire', scope.id)
        : region
          ? await store.figuresOf('programme-region', region)
          : await store.figuresOf('programme');
    const t = scope.level === 'territoire' ? data.territories.get(scope.id!)! : null;
    const r = region ? data.regions.get(region)! : t ? data.regions.get(t.regionCode ?? '')! : null;
    return {
      niveau: scope.level,
      perimetre:
        scope.level === 'territoire'
          ? { id: t!.id, nom: t!.nom, region: r }
          : scope.level === 'region'
            ? { id: r!.code, nom: r!.nom }
            : { id: 'national', nom: "Ensemble des Territoires d'industrie" },
      filtres: filterLabels(filters, data, src.campaign),
      options: {
        campagnes: await listCampaigns(ctx),
        regions:
          scope.level === 'national'
            ? [...data.regions.values()].map((x) => ({ code: x.code, libelle: x.nom }))
            : [],
        ...FILTER_OPTIONS,
      },
      plansDisponibles: src.available,
      absence: src.available
        ? null
        : "Les plans d'action ne sont pas encore chargés dans la plateforme : les graphiques sont vides.",
      total: filtered.length,
      demo: filtered.some((a) => a.demo),
      chiffresCles: keyFigures(
        {
          territoires: territories.length,
          groupements: [...data.epci.values()].filter((e) => ids.has(e.territoire)).length,
          regions: new Set(territories.map((x) => x.regionCode)).size,
        },
        figures!,
        filtered.length,
        src.campaign,
      ),
      graphiques: charts({
        level: scope.level,
        actions: filtered,
        filters,
        campaign: src.campaign,
        data,
        scopeId: scope.id,
      }),
      carte: scope.level === 'territoire' ? null : actionsMap(filtered, data, region),
    };
  }

  async function handle(request: FastifyRequest, reply: FastifyReply, scope: Scope) {
    const filters = filtersOf(request.query as Record<string, unknown>, scope);
    const data = await store.get();
    checkScope(data, scope);
    checkFilters(filters, data);
    const src = await source(filters);
    const body = await cache.get(
      `${src.key}:${scope.level}:${scope.id ?? ''}:${JSON.stringify(filters)}`,
      () => dashboard(scope, filters, src),
    );
    return sendCached(request, reply, body!, 0);
  }

  async function handleCsv(request: FastifyRequest, reply: FastifyReply, scope: Scope) {
    const query = request.query as Record<string, unknown>;
    const filters = filtersOf(query, scope);
    const data = await store.get();
    checkScope(data, scope);
    checkFilters(filters, data);
    const src = await source(filters);
    const graphique = String(query.graphique);
    const csv = await cache.get(
      `${src.key}:csv:${scope.level}:${scope.id ?? ''}:${graphique}:${JSON.stringify(filters)}`,
      async () => {
        const body = await dashboard(scope, filters, src);
        const chart = body.graphiques.find((g) => g.code === graphique);
        if (!chart) {
          throw badRequest(
            `Graphique « ${graphique} » inconnu ; attendu l'un de : ${body.graphiques.map((g) => g.code).join(', ')}.`,
          );
        }
        return chartCsv(chart, body.filtres, body.demo);
      },
      'text/csv; charset=utf-8',
    );
    const name = `${graphique}-${scope.level}${scope.id ? `-${scope.id}` : ''}.csv`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    return sendCached(request, reply, csv!, 0);
  }

  const levelRoutes: {
    level: Level;
    path: string;
    params?: typeof TerritoryIdParams | typeof RegionCodeParams;
    label: string;
  }[] = [
    { level: 'national', path: '/api/v1/tableaux-de-bord/national', label: 'national' },
    {
      level: 'region',
      path: '/api/v1/tableaux-de-bord/regions/:code',
      params: RegionCodeParams,
      label: "d'une région",
    },
    {
      level: 'territoire',
      path: '/api/v1/tableaux-de-bord/territoires/:id',
      params: TerritoryIdParams,
      label: "d'un Territoire d'industrie",
    },
  ];
  for (const route of levelRoutes) {
    const scopeOf = (request: FastifyRequest): Scope => {
      const p = request.params as { code?: string; id?: string };
      return { level: route.level, id: p.code ?? p.id };
    };
    app.get(
      route.path,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `Tableau de bord ${route.label} : actions par axe, par thématique, avancement par statut (et par région ou territoire), chiffres clés ; filtres campagne, région, axe, thématique, statut`,
          ...(route.params ? { params: route.params } : {}),
          querystring: DashboardQuery,
          response: { 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      (request, reply) => handle(request, reply, scopeOf(request)),
    );
    app.get(
      `${route.path}.csv`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `Données d'un graphique du tableau de bord ${route.label}, en CSV (mêmes filtres)`,
          ...(route.params ? { params: route.params } : {}),
          querystring: CsvQuery,
          response: { 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      (request, reply) => handleCsv(request, reply, scopeOf(request)),
    );
    app.get(
      `${route.path}.pdf`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `Tableau de bord ${route.label} en PDF (deux pages A4, mêmes filtres)`,
          ...(route.params ? { params: route.params } : {}),
          querystring: DashboardQuery,
          response: { 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        const filters = filtersOf(request.query as Record<string, unknown>, scope);
        const data = await store.get();
        checkScope(data, scope);
        checkFilters(filters, data);
        const search = new URLSearchParams(
          Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined),
        ).toString();
        const printPath =
          scope.level === 'national'
            ? '/impression/tableaux-de-bord'
            : scope.level === 'region'
              ? `/impression/tableaux-de-bord/regions/${scope.id}`
              : `/impression/tableaux-de-bord/territoires/${scope.id}`;
        return sendPrintedPdf(
          ctx,
          request,
          reply,
          `${printPath}${search ? `?${search}` : ''}`,
          `tableau-de-bord-${scope.id ?? 'national'}.pdf`,
        );
      },
    );
  }
}

/** A chart's table as CSV (semicolons, UTF-8 with BOM for spreadsheets), filters and source below. */
export function chartCsv(
  chart: Chart,
  filtres: Record<string, { libelle: string } | null>,
  demo: boolean,
): string {
  const rows: (string | number | null)[][] = [
    chart.colonnes.map((c) => c.libelle),
    ...chart.lignes.map((l) => chart.colonnes.map((c) => l[c.cle] ?? '')),
  ];
  const active = Object.entries(filtres)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} = ${v!.libelle}`);
  const notes = [
    [],
    [`${chart.titre}${active.length ? ` — filtres : ${active.join(', ')}` : ''}`],
    [chart.source],
    ...(demo ? [['Données de démonstration']] : []),
  ];
  const text = stringify([...rows, ...notes], {
    delimiter: ';',
    cast: { number: (n) => String(n).replace('.', ',') },
  });
  return `\ufeff${text}`;
}
