import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { buildChoropleth, MAP_INDICATORS } from '../../domain/portraits/choropleth';
import type { ClassificationMethod } from '../../domain/portraits/classification';
import { CLASSIFICATION_METHODS } from '../../domain/portraits/classification';
import { checkIndicator, indicatorSourceLine, MAP_LEVELS } from '../../domain/portraits/indicators';
import type { TerritoryFigures } from '../../domain/portraits/portrait';
import type { AppContext } from '../platform/context';
import { sendCached } from '../platform/http/cached-response';
import { badRequest, notFound } from '../platform/http/errors';
import { territoryCache } from '../territoires/module';
import { type ActionLite, actionsSnapshot, groupByTerritory } from './actions-data';
import { campaignActions } from './campaign-data';
import { epciLayer } from './epci-layer';
import {
  comparison,
  figuresDetail,
  type PortraitColumn,
  planOut,
  portraitSources,
  publishedComparison,
  withPlan,
} from './payload';
import { sendPrintedPdf } from './print';
import { ResponseCache } from './response-cache';
import { ChoroplethQuery, ErrorSchema, RegionCodeParams, TerritoryIdParams } from './schemas';
import { portraitStore } from './store';

const tags = ['portraits'];
const mapTags = ['cartes'];
const unknownTerritory = (id: string) =>
  notFound(`Territoire d'industrie inconnu : « ${id} ». Consultez la liste sur /api/v1/territoires.`);
const unknownRegion = (code: string) =>
  notFound(`Région inconnue : « ${code} ». Consultez la liste sur /api/v1/regions.`);

async function lastEmploiImport(ctx: AppContext): Promise<Date | null> {
  const { rows } = await ctx.db.query<{ at: Date | null }>(
    'SELECT max(imported_at) AS at FROM emploi_imports',
  );
  return rows[0]?.at ?? null;
}

export async function portraitsRoutes(app: FastifyInstance, ctx: AppContext) {
  const store = portraitStore(ctx);
  const cache = new ResponseCache();
  /** Cache key of everything a portrait or map reads: data version and action plans' revision. */
  const versionKey = async () => {
    await store.get();
    const actions = await actionsSnapshot(ctx);
    return { key: `${store.currentVersion}:${actions.revision}`, actions };
  };

  async function territoryPortrait(id: string, actions: Awaited<ReturnType<typeof actionsSnapshot>>) {
    const data = await store.get();
    const t = data.territories.get(id);
    if (!t) return null;
    const region = data.regions.get(t.regionCode ?? '');
    const catalog = await territoryCache(ctx).get();
    const detail = catalog.details.get(id) as
      | { tempsI?: { libelle: string; territoires: { id: string; nom: string }[] } }
      | undefined;
    const predecessors = detail?.tempsI?.territoires ?? [];
    const regionActions = actions.actions.filter((a) => a.region === t.regionCode);
    const own = actions.byTerritory.get(id) ?? [];
    const plan = actions.available ? own : null;
    const figures = (await store.figuresOf('territoire', id))!;
    const columns: PortraitColumn[] = [
      { cle: 'territoire', libelle: t.nom, figures: withPlan(figures, plan) },
      {
        cle: 'region',
        libelle: `${region?.nom ?? 'Région'} (toute la région)`,
        figures: withPlan(
          (await store.figuresOf('region', t.regionCode ?? ''))!,
          actions.available ? regionActions : null,
        ),
      },
      { cle: 'france', libelle: 'France', figures: withPlan((await store.figuresOf('france'))!, null) },
      {
        cle: 'programme',
        libelle: "Ensemble des Territoires d'industrie",
        figures: withPlan((await store.figuresOf('programme'))!, actions.available ? actions.actions : null),
      },
      {
        cle: 'temps1',
        libelle:
          predecessors.length > 0 ? `Temps I : ${predecessors.map((p) => p.nom).join(', ')}` : 'Temps I',
        figures:
          predecessors.length > 0
            ? withPlan((await store.figuresOfTempsI(predecessors.map((p) => p.id)))!, null)
            : null,
        absence: predecessors.length > 0 ? undefined : 'nouveau territoire : pas de territoire au Temps I',
      },
    ];
    return {
      niveau: 'territoire',
      id: t.id,
      nom: t.nom,
      region: region ?? null,
      perimetre: data.perimetre,
      tempsI: detail?.tempsI ?? null,
      demo: plan?.some((a) => a.demo) ?? false,
      ...figuresDetail(figures),
      comparaison: comparison(columns),
      planAction: planOut(plan, actions.available),
      sources: portraitSources(await lastEmploiImport(ctx)),
    };
  }

  app.get(
    '/api/v1/portraits/territoires/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Portrait d'un Territoire d'industrie : population, emploi salarié et industriel, tendances, typologies, recouvrements, plan d'action, comparés à la région, à la France et au Temps I",
        params: TerritoryIdParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { key, actions } = await versionKey();
      const body = await cache.get(`${key}:ti:${id}`, () => territoryPortrait(id, actions));
      if (!body) throw unknownTerritory(id);
      return sendCached(request, reply, body, 60);
    },
  );

  app.get(
    '/api/v1/portraits/territoires/:id.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Portrait d'un Territoire d'industrie en PDF (deux pages A4, cartes, graphiques, tableaux et sources)",
        params: TerritoryIdParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const data = await store.get();
      if (!data.territories.has(id)) throw unknownTerritory(id);
      return sendPrintedPdf(
        ctx,
        request,
        reply,
        `/impression/portraits/territoires/${id}`,
        `portrait-${id}.pdf`,
      );
    },
  );

  app.get(
    '/api/v1/portraits/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Portrait des Territoires d'industrie d'une région, comparés à toute la région et à la France",
        params: RegionCodeParams,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const { key, actions } = await versionKey();
      const body = await cache.get(`${key}:region:${code}`, async () => {
        const data = await store.get();
        const region = data.regions.get(code);
        if (!region) return null;
        const territories = [...data.territories.values()].filter((t) => t.regionCode === code);
        const regionActions = actions.actions.filter((a) => a.region === code);
        const plan = actions.available ? regionActions : null;
        const figures = (await store.figuresOf('programme-region', code))!;
        return {
          niveau: 'region',
          id: code,
          nom: `Territoires d'industrie en ${region.nom}`,
          region,
          perimetre: data.perimetre,
          territoires: territories.map((t) => ({ id: t.id, nom: t.nom })),
          demo: plan?.some((a) => a.demo) ?? false,
          ...figuresDetail(figures),
          comparaison: comparison([
            {
              cle: 'territoires',
              libelle: `TI de la région (${territories.length})`,
              figures: withPlan(figures, plan),
            },
            {
              cle: 'region',
              libelle: `${region.nom} (toute la région)`,
              figures: withPlan((await store.figuresOf('region', code))!, null),
            },
            { cle: 'france', libelle: 'France', figures: withPlan((await store.figuresOf('france'))!, null) },
            {
              cle: 'programme',
              libelle: "Ensemble des Territoires d'industrie",
              figures: withPlan(
                (await store.figuresOf('programme'))!,
                actions.available ? actions.actions : null,
              ),
            },
          ]),
          planAction: planOut(plan, actions.available),
          sources: portraitSources(await lastEmploiImport(ctx)),
        };
      });
      if (!body) throw unknownRegion(code);
      return sendCached(request, reply, body, 60);
    },
  );

  app.get(
    '/api/v1/portraits/programme',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Portrait de l'ensemble du programme : chiffres calculés à partir des données, à côté de la France, du Temps I et des chiffres publiés",
      },
    },
    async (request, reply) => {
      const { key, actions } = await versionKey();
      const body = await cache.get(`${key}:programme`, async () => {
        const data = await store.get();
        const figures = (await store.figuresOf('programme'))!;
        const france = (await store.figuresOf('france'))!;
        const plan = actions.available ? actions.actions : null;
        return {
          niveau: 'programme',
          id: 'programme',
          nom: "L'ensemble des Territoires d'industrie",
          perimetre: data.perimetre,
          territoires: data.territories.size,
          demo: actions.demo,
          ...figuresDetail(figures),
          comparaison: comparison([
            {
              cle: 'programme',
              libelle: "Territoires d'industrie (Temps II)",
              figures: withPlan(figures, plan),
            },
            { cle: 'france', libelle: 'France', figures: withPlan(france, null) },
            {
              cle: 'temps1',
              libelle: `Territoires d'industrie du Temps I (${data.tempsI.size})`,
              figures: withPlan((await store.figuresOf('temps1'))!, null),
            },
          ]),
          publie: publishedComparison(figures, france, data),
          planAction: planOut(plan, actions.available),
          sources: portraitSources(await lastEmploiImport(ctx)),
        };
      });
      return sendCached(request, reply, body!, 60);
    },
  );

  app.get(
    '/api/v1/cartes/indicateurs',
    {
      config: { access: 'public' },
      schema: {
        tags: mapTags,
        summary: 'Indicateurs des cartes thématiques, niveaux et méthodes de classification',
      },
    },
    async () => ({
      indicateurs: MAP_INDICATORS.map((i) => ({
        code: i.code,
        libelle: i.label,
        unite: i.unit,
        type: i.kind,
        description: i.description,
        niveaux: i.levels,
        classification: i.defaultClassification
          ? { methode: i.defaultClassification.method, classes: i.defaultClassification.classes }
          : null,
        categories:
          'categories' in i
            ? i.categories.map((c) => ({ code: c.code, libelle: c.label, explication: c.explanation }))
            : null,
        source: indicatorSourceLine(i),
      })),
      niveaux: MAP_LEVELS.map((l) => ({ code: l.code, libelle: l.label })),
      methodes: CLASSIFICATION_METHODS.map((m) => ({ code: m.code, libelle: m.label })),
    }),
  );

  app.get(
    '/api/v1/cartes/choropleth',
    {
      config: { access: 'public' },
      schema: {
        tags: mapTags,
        summary:
          "Carte thématique : valeur d'un indicateur par Territoire d'industrie ou par intercommunalité, classes calculées (quantiles ou seuils naturels), légende, tableau et source",
        querystring: ChoroplethQuery,
        response: { 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const q = request.query as {
        indicateur: string;
        niveau: string;
        methode?: string;
        classes?: number;
        campagne?: string;
      };
      const checked = checkIndicator(q.indicateur, q.niveau);
      if (!checked.ok) throw badRequest(checked.error);
      if (q.methode !== undefined && q.methode !== 'quantiles' && q.methode !== 'jenks') {
        throw badRequest(
          `Méthode de classification « ${q.methode} » inconnue ; attendu : quantiles ou jenks.`,
        );
      }
      const { key, actions } = await versionKey();
      const campaign = q.campagne ? await campaignActions(ctx, q.campagne) : null;
      const planSource: { available: boolean; byTerritory: Map<string, ActionLite[]>; demo: boolean } =
        campaign
          ? {
              available: true,
              byTerritory: groupByTerritory(campaign.actions),
              demo: campaign.actions.some((a) => a.demo),
            }
          : actions;
      const body = await cache.get(
        `${key}:${campaign?.revision ?? ''}:choro:${q.indicateur}:${q.niveau}:${q.methode ?? ''}:${q.classes ?? ''}:${q.campagne ?? ''}`,
        async () => {
          const data = await store.get();
          const level = q.niveau as 'ti' | 'epci';
          const units =
            level === 'ti'
              ? await Promise.all(
                  [...data.territories.values()].map(async (t) => ({
                    id: t.id,
                    label: t.nom,
                    figures: withPlan(
                      (await store.figuresOf('territoire', t.id)) as TerritoryFigures,
                      planSource.available ? (planSource.byTerritory.get(t.id) ?? []) : null,
                    ),
                  })),
                )
              : await Promise.all(
                  [...data.epci.values()].map(async (e) => ({
                    id: e.id,
                    label: e.nom,
                    figures: (await store.figuresOf('epci', e.id)) as TerritoryFigures,
                  })),
                );
          const result = buildChoropleth(units, {
            indicator: q.indicateur,
            level,
            method: q.methode as ClassificationMethod | undefined,
            classes: q.classes,
          });
          if (!result.ok) throw badRequest(result.error);
          const c = result.value;
          const isPlan = c.indicator.source === 'plans_action';
          return {
            indicateur: {
              code: c.indicator.code,
              libelle: c.indicator.label,
              unite: c.indicator.unit,
              type: c.indicator.kind,
              description: c.indicator.description,
              annee: isPlan && campaign ? campaign.libelle : c.indicator.year,
            },
            niveau: { code: level, libelle: MAP_LEVELS.find((l) => l.code === level)!.label },
            campagne: campaign ? { code: q.campagne, libelle: campaign.libelle } : null,
            methode: c.method,
            legende: c.legend.map((l) => ({ classe: l.classIndex, libelle: l.label, nombre: l.count })),
            seuils: c.thresholds,
            categories:
              c.indicator.kind === 'category'
                ? (c.indicator.categories ?? []).map((k) => ({
                    code: k.code,
                    libelle: k.label,
                    explication: k.explanation,
                  }))
                : null,
            lignes: c.rows.map((r) => ({
              id: r.id,
              nom: r.label,
              ...(level === 'epci' ? { territoire: data.epci.get(r.id)?.territoire ?? null } : {}),
              valeur: r.value,
              affichage: r.display,
              classe: r.classIndex,
              libelleClasse: r.classLabel,
            })),
            note: c.note,
            source: isPlan && campaign ? `${c.source.replace(/\(.*\)$/, '')}(${campaign.libelle})` : c.source,
            demo: isPlan && planSource.demo,
          };
        },
      );
      return sendCached(request, reply, body!, 60);
    },
  );

  app.get(
    '/api/v1/cartes/couches/epci',
    {
      config: { access: 'public' },
      schema: {
        tags: mapTags,
        summary:
          "Couche cartographique (TopoJSON, objet « epci ») des intercommunalités membres d'un Territoire d'industrie, outre-mer en encarts comme /api/v1/carte/territoires",
        response: { 200: Type.Unknown() },
      },
    },
    async (request, reply) => {
      const data = await store.get();
      const body = await epciLayer(
        [...data.epci.values()].map((e) => ({ siren: e.id, nom: e.nom, territoire: e.territoire })),
      );
      return sendCached(request, reply, body, 3600);
    },
  );
}
