// The figures the land dashboards show, computed from site and land-need rows, for the nation, each
// region and each TI. Surfaces are summed in tenths of a hectare so that no float drift shows.

import { percent } from '../shared/calibration';
import { groupBy, mapValues } from '../shared/collections';
import type { LandNeed, Site } from './types';
import { BESOIN_TYPES, type BesoinTypeCode, MATURITES, type MaturiteCode } from './vocabulary';

export interface SiteFigures {
  sites: number;
  territoires: number;
  surfaceHa: number;
  /** Rounded to the hectare, as published. */
  surfaceMoyenneHa: number;
  surfaceMedianeHa: number;
  maturites: { code: MaturiteCode; label: string; short: string; count: number }[];
  recyclageFoncier: { sites: number; surfaceHa: number };
  /** Workshops held among the sites concerned by one (« non concerné » sites are left out). */
  ateliers: { tenus: number; concernes: number; pct: number };
  feuillesDeRoute: number;
}

const tenths = (ha: number) => Math.round(ha * 10);
const sumHa = (sites: readonly { surfaceHa: number }[]) =>
  sites.reduce((s, x) => s + tenths(x.surfaceHa), 0) / 10;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function siteFigures(list: readonly Site[]): SiteFigures {
  const surfaceHa = sumHa(list);
  const concernes = list.filter((s) => s.atelier !== 'non-concerne');
  const tenus = concernes.filter((s) => s.atelier === 'tenu').length;
  const recycling = list.filter((s) => s.recyclageFoncier);
  return {
    sites: list.length,
    territoires: new Set(list.map((s) => s.tiId).filter((t) => t !== null)).size,
    surfaceHa,
    surfaceMoyenneHa: list.length === 0 ? 0 : Math.round(surfaceHa / list.length),
    surfaceMedianeHa: Math.round(median(list.map((s) => s.surfaceHa))),
    maturites: MATURITES.map((m) => ({
      code: m.code,
      label: m.label,
      short: m.short,
      count: list.filter((s) => s.maturite === m.code).length,
    })),
    recyclageFoncier: { sites: recycling.length, surfaceHa: sumHa(recycling) },
    ateliers: { tenus, concernes: concernes.length, pct: percent(tenus, concernes.length) },
    feuillesDeRoute: list.filter((s) => s.feuilleDeRoute).length,
  };
}

export function summarizeSites(list: readonly Site[]): {
  national: SiteFigures;
  parRegion: Record<string, SiteFigures>;
  parTi: Record<string, SiteFigures>;
} {
  return {
    national: siteFigures(list),
    parRegion: mapValues(
      groupBy(list, (s) => s.reg),
      siteFigures,
    ),
    parTi: mapValues(
      groupBy(list, (s) => s.tiId),
      siteFigures,
    ),
  };
}

export interface LandNeedFigures {
  besoins: number;
  territoires: number;
  surfaceHa: number;
  parType: { code: BesoinTypeCode | 'non-renseigne'; label: string; count: number; surfaceHa: number }[];
}

export function landNeedFigures(list: readonly LandNeed[]): LandNeedFigures {
  const types = [...BESOIN_TYPES.map((t) => ({ code: t.code, label: t.label as string }))];
  const rows = [
    ...types.map((t) => ({ ...t, items: list.filter((n) => n.type === t.code) })),
    { code: 'non-renseigne' as const, label: 'Non renseigné', items: list.filter((n) => n.type === null) },
  ];
  return {
    besoins: list.length,
    territoires: new Set(list.map((n) => n.tiId)).size,
    surfaceHa: sumHa(list),
    parType: rows.map((r) => ({
      code: r.code,
      label: r.label,
      count: r.items.length,
      surfaceHa: sumHa(r.items),
    })),
  };
}

export function summarizeLandNeeds(list: readonly LandNeed[]): {
  national: LandNeedFigures;
  parRegion: Record<string, LandNeedFigures>;
  parTi: Record<string, LandNeedFigures>;
} {
  return {
    national: landNeedFigures(list),
    parRegion: mapValues(
      groupBy(list, (n) => n.reg),
      landNeedFigures,
    ),
    parTi: mapValues(
      groupBy(list, (n) => n.tiId),
      landNeedFigures,
    ),
  };
}
