import {
  atelierLabel,
  besoinTypeLabel,
  type LandNeed,
  landNeedFigures,
  maturiteLabel,
  PUBLISHED_SITES,
  type Site,
  siteFigures,
} from '../../domain/foncier';
import { normalizeText } from '../../domain/shared/text';
import { cacheFor, DatasetCache } from '../financements/dataset-cache';
import { loadNames } from '../financements/places';
import { type CommunePoints, communePoints, pointCollection } from '../financements/points';
import type { AppContext } from '../platform/context';
import { readLandNeeds, readSites } from './store';

// Sites and land needs as the API serves them, from memory (see DatasetCache).

export interface FoncierData {
  sites: Site[];
  besoins: LandNeed[];
  territoires: Map<string, string>;
  regions: Map<string, string>;
  points: CommunePoints;
}

export function foncierCache(ctx: AppContext): DatasetCache<FoncierData> {
  return cacheFor(
    ctx,
    'foncier',
    () =>
      new DatasetCache(
        () => loadFoncier(ctx),
        () => ctx.clock.now().getTime(),
      ),
  );
}

async function loadFoncier(ctx: AppContext): Promise<FoncierData> {
  const [sites, besoins, names, points] = await Promise.all([
    readSites(ctx.db),
    readLandNeeds(ctx.db),
    loadNames(ctx.db),
    communePoints(ctx.db),
  ]);
  return { sites, besoins, ...names, points };
}

export interface SiteFilters {
  region?: string;
  territoire?: string;
  maturite?: string;
  recyclage?: boolean;
  atelier?: string;
  q?: string;
}

export function filterSites(data: FoncierData, f: SiteFilters): Site[] {
  const q = f.q ? normalizeText(f.q) : '';
  return data.sites.filter(
    (s) =>
      (!f.region || s.reg === f.region) &&
      (!f.territoire || s.tiId === f.territoire) &&
      (!f.maturite || s.maturite === f.maturite) &&
      (f.recyclage === undefined || s.recyclageFoncier === f.recyclage) &&
      (!f.atelier || s.atelier === f.atelier) &&
      (!q || normalizeText(`${s.nom} ${s.communeNom}`).includes(q)),
  );
}

export function presentSite(data: FoncierData, s: Site) {
  return {
    id: s.id,
    nom: s.nom,
    commune: { insee: s.communeInsee, nom: s.communeNom },
    departement: s.dep,
    region: { code: s.reg, nom: data.regions.get(s.reg) ?? s.reg },
    territoire: s.tiId ? { id: s.tiId, nom: data.territoires.get(s.tiId) ?? s.tiId } : null,
    horsTi: s.horsTi,
    surfaceHa: s.surfaceHa,
    maturite: { code: s.maturite, libelle: maturiteLabel(s.maturite) },
    recyclageFoncier: s.recyclageFoncier,
    atelier: { code: s.atelier, libelle: atelierLabel(s.atelier) },
    feuilleDeRoute: s.feuilleDeRoute,
    demo: s.demo,
  };
}

export function presentLandNeed(data: FoncierData, n: LandNeed) {
  return {
    id: n.id,
    territoire: { id: n.tiId, nom: data.territoires.get(n.tiId) ?? n.tiId },
    region: { code: n.reg, nom: data.regions.get(n.reg) ?? n.reg },
    libelle: n.libelle,
    type: n.type ? { code: n.type, libelle: besoinTypeLabel(n.type) } : null,
    surfaceHa: n.surfaceHa,
    echeance: n.echeance,
    action: n.actionId,
    demo: n.demo,
  };
}

export function siteList(data: FoncierData, f: SiteFilters, page: { limit: number; offset: number }) {
  const list = filterSites(data, f);
  return {
    total: list.length,
    offset: page.offset,
    limit: page.limit,
    surfaceHa: Math.round(list.reduce((s, x) => s + x.surfaceHa * 10, 0)) / 10,
    demo: list.some((s) => s.demo),
    items: list.slice(page.offset, page.offset + page.limit).map((s) => presentSite(data, s)),
  };
}

export function siteLayer(data: FoncierData, f: SiteFilters) {
  const list = filterSites(data, f);
  const features = [];
  let nonPlaces = 0;
  for (const s of list) {
    const point = data.points.point(s.communeInsee, s.reg);
    if (!point) {
      nonPlaces++;
      continue;
    }
    features.push({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: point },
      properties: {
        id: s.id,
        nom: s.nom,
        commune: s.communeNom,
        territoire: s.tiId,
        surfaceHa: s.surfaceHa,
        maturite: s.maturite,
        recyclageFoncier: s.recyclageFoncier,
      },
    });
  }
  return { ...pointCollection(features), nonPlaces, demo: list.some((s) => s.demo) };
}

export function foncierStats(data: FoncierData, scope: { region?: string; territoire?: string }) {
  const sites = filterSites(data, scope);
  const besoins = data.besoins.filter(
    (n) => (!scope.region || n.reg === scope.region) && (!scope.territoire || n.tiId === scope.territoire),
  );
  const niveau = scope.territoire ? 'territoire' : scope.region ? 'region' : 'national';
  const breakdown = (key: 'reg' | 'tiId', names: Map<string, string>) => {
    const codes = new Set<string>();
    for (const s of sites) if (s[key]) codes.add(s[key]!);
    for (const n of besoins) codes.add(n[key]);
    return [...codes].sort().map((code) => {
      const own = sites.filter((s) => s[key] === code);
      const needs = besoins.filter((n) => n[key] === code);
      return {
        code,
        nom: names.get(code) ?? code,
        sites: own.length,
        surfaceHa: siteFigures(own).surfaceHa,
        recyclageFoncier: own.filter((s) => s.recyclageFoncier).length,
        besoins: needs.length,
        besoinsSurfaceHa: landNeedFigures(needs).surfaceHa,
      };
    });
  };
  return {
    perimetre: {
      niveau,
      code: scope.territoire ?? scope.region ?? 'FR',
      nom: scope.territoire
        ? (data.territoires.get(scope.territoire) ?? scope.territoire)
        : scope.region
          ? (data.regions.get(scope.region) ?? scope.region)
          : 'France',
    },
    sites: siteFigures(sites),
    besoins: landNeedFigures(besoins),
    parRegion: niveau === 'national' ? breakdown('reg', data.regions) : [],
    parTerritoire: niveau === 'territoire' ? [] : breakdown('tiId', data.territoires),
    publie: niveau === 'national' ? PUBLISHED_SITES : null,
    demo: sites.some((s) => s.demo) || besoins.some((n) => n.demo),
  };
}
