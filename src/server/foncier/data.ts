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
import type { AppContext } from '../platform/context';
import { type DatasetCache, datasetCache } from '../platform/http/dataset-cache';
import { pageAnswer } from '../platform/http/list-answer';
import { inScope, perimeterOf, regionRef, territoryRef } from '../platform/http/territory-names';
import { loadMappedNames, type MappedNames, pointLayer } from '../territoires/points';
import { readLandNeeds, readSites } from './store';

// Sites and land needs as the API serves them, from memory (see DatasetCache).

export interface FoncierData extends MappedNames {
  sites: Site[];
  besoins: LandNeed[];
}

export const foncierCache = (ctx: AppContext): DatasetCache<FoncierData> =>
  datasetCache(ctx, 'foncier', loadFoncier);

async function loadFoncier(ctx: AppContext): Promise<FoncierData> {
  const [sites, besoins, names] = await Promise.all([
    readSites(ctx.db),
    readLandNeeds(ctx.db),
    loadMappedNames(ctx.db),
  ]);
  return { sites, besoins, ...names };
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
      inScope(s, f) &&
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
    region: regionRef(data, s.reg),
    territoire: s.tiId ? territoryRef(data, s.tiId) : null,
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
    territoire: territoryRef(data, n.tiId),
    region: regionRef(data, n.reg),
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
  return pageAnswer(list, page, (s) => presentSite(data, s), {
    surfaceHa: Math.round(list.reduce((s, x) => s + x.surfaceHa * 10, 0)) / 10,
  });
}

export function siteLayer(data: FoncierData, f: SiteFilters) {
  return pointLayer(data.points, filterSites(data, f), (s) => ({
    id: s.id,
    nom: s.nom,
    commune: s.communeNom,
    territoire: s.tiId,
    surfaceHa: s.surfaceHa,
    maturite: s.maturite,
    recyclageFoncier: s.recyclageFoncier,
  }));
}

export function foncierStats(data: FoncierData, scope: { region?: string; territoire?: string }) {
  const sites = filterSites(data, scope);
  const besoins = data.besoins.filter((n) => inScope(n, scope));
  const perimetre = perimeterOf(data, scope);
  const niveau = perimetre.niveau;
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
    perimetre,
    sites: siteFigures(sites),
    besoins: landNeedFigures(besoins),
    parRegion: niveau === 'national' ? breakdown('reg', data.regions) : [],
    parTerritoire: niveau === 'territoire' ? [] : breakdown('tiId', data.territoires),
    publie: niveau === 'national' ? PUBLISHED_SITES : null,
    demo: sites.some((s) => s.demo) || besoins.some((n) => n.demo),
  };
}
