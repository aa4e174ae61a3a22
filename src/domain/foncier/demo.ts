// Demonstration sites clés en main and land needs, calibrated on the published figures (published.ts):
// 55 sites, 2,942 ha with a mean of 53 ha and a median of 39 ha, 6 / 25 / 24 per maturity, 30 in land
// recycling for a little more than 1,000 ha, 88 % of workshops held, 30 roadmaps. Deterministic.

import { adjustToTotal, apportion, skewedWeight } from '../shared/calibration';
import { ofPlace, SURNAMES } from '../shared/demo-names';
import { createRandom, type Random } from '../shared/random';
import { type DemoCommune, type DemoTerritory, pickCommune } from '../territoires/places';
import { PUBLISHED_BESOIN_FONCIER_HA, PUBLISHED_SITES } from './published';
import type { LandNeed, Site } from './types';
import {
  type AtelierCode,
  BESOIN_TYPES,
  type BesoinTypeCode,
  MATURITES,
  type MaturiteCode,
} from './vocabulary';

export interface DemoFoncierInput {
  territories: readonly DemoTerritory[];
  seed?: number;
}

export interface DemoFoncier {
  sites: Site[];
  besoins: LandNeed[];
}

/** Workshop bookkeeping of the demonstration: 44 held out of 50 concerned (88 %), 5 sites not concerned. */
export const DEMO_ATELIERS = { tenu: 44, 'a-venir': 6, 'non-concerne': 5 } as const;

export function generateDemoFoncier({ territories, seed = 8_2030 }: DemoFoncierInput): DemoFoncier {
  const random = createRandom(seed);
  const sorted = [...territories]
    .filter((t) => t.communes.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
  return { sites: generateSites(random, sorted), besoins: generateLandNeeds(random, sorted) };
}

/**
 * Surfaces in tenths of a hectare: 27 below the median, the median itself, 27 above, with the exact
 * total. Values above the median are the median plus a share of what is left, so they stay above it.
 */
function siteSurfaces(random: Random, count: number, totalHa: number, medianHa: number): number[] {
  const half = (count - 1) / 2;
  const median = medianHa * 10;
  const below = Array.from({ length: half }, () => random.int(50, median - 10));
  const aboveFloor = median + 1;
  const left = totalHa * 10 - median - below.reduce((s, v) => s + v, 0) - half * aboveFloor;
  if (left < 0) throw new Error('siteSurfaces: total too small for the median');
  const above = apportion(
    left,
    Array.from({ length: half }, () => skewedWeight(random, 2.2)),
  ).map((v) => v + aboveFloor);
  return random.shuffle([...below, median, ...above]);
}

/** 30 sites in land recycling whose surface adds up to a little more than 1,000 ha (local search). */
function chooseRecycling(
  random: Random,
  surfaces: readonly number[],
  count: number,
  minHa: number,
): Set<number> {
  const low = minHa * 10;
  const high = minHa * 11;
  const order = random.shuffle(surfaces.map((_, i) => i));
  const inSet = order.slice(0, count);
  const outSet = order.slice(count);
  const total = () => inSet.reduce((s, i) => s + surfaces[i]!, 0);
  for (let guard = 0; guard < 10_000 && (total() < low || total() > high); guard++) {
    const tooBig = total() > high;
    const a = random.int(0, inSet.length - 1);
    const b = random.int(0, outSet.length - 1);
    const delta = surfaces[outSet[b]!]! - surfaces[inSet[a]!]!;
    if ((tooBig && delta < 0) || (!tooBig && delta > 0)) [inSet[a], outSet[b]] = [outSet[b]!, inSet[a]!];
  }
  if (total() < low || total() > high) throw new Error('chooseRecycling: no subset found');
  return new Set(inSet);
}

const SITE_NAMES = [
  (c: string) => `Zone d'activités ${ofPlace(c)}`,
  (c: string) => `Parc d'activités ${ofPlace(c)}`,
  (c: string) => `Parc industriel ${ofPlace(c)}`,
  (c: string) => `ZAC ${ofPlace(c)}`,
  (c: string) => `Zone industrielle ${ofPlace(c)}`,
] as const;
const RECYCLING_NAMES = [
  (c: string) => `Friche industrielle ${ofPlace(c)}`,
  (c: string, s: string) => `Ancien site ${s} à ${c}`,
  (c: string) => `Plateforme industrielle ${ofPlace(c)}`,
  (c: string) => `Ancienne base logistique ${ofPlace(c)}`,
] as const;

function generateSites(random: Random, territories: readonly DemoTerritory[]): Site[] {
  const p = PUBLISHED_SITES;
  const surfaces = siteSurfaces(random, p.sites, p.surfaceHa, p.surfaceMedianeHa);
  const recycling = chooseRecycling(random, surfaces, p.recyclageFoncier, p.recyclageFoncierHaMin);
  const maturites = random.shuffle(
    MATURITES.flatMap((m) => Array.from({ length: p.maturites[m.code] }, () => m.code as MaturiteCode)),
  );
  const ateliers = random.shuffle(
    (Object.entries(DEMO_ATELIERS) as [AtelierCode, number][]).flatMap(([code, n]) =>
      Array.from({ length: n }, () => code),
    ),
  );
  const held = ateliers.map((a, i) => (a === 'tenu' ? i : -1)).filter((i) => i >= 0);
  const roadmaps = new Set(random.shuffle(held).slice(0, p.feuillesDeRoute));

  // At most two sites per territory (the bilan cites two platforms of the Lacq basin in one TI).
  const perTerritory = new Map<string, number>();
  const usedNames = new Set<string>();
  return surfaces.map((tenths, i) => {
    let territory: DemoTerritory;
    do territory = random.pick(territories);
    while ((perTerritory.get(territory.id) ?? 0) >= 2);
    perTerritory.set(territory.id, (perTerritory.get(territory.id) ?? 0) + 1);
    const commune: DemoCommune = pickCommune(random, territory.communes);
    const patterns = recycling.has(i) ? RECYCLING_NAMES : SITE_NAMES;
    let nom = random.pick(patterns)(commune.nom, random.pick(SURNAMES));
    if (usedNames.has(nom)) nom = `${nom} — extension`;
    usedNames.add(nom);
    return {
      id: `demo-site-${String(i + 1).padStart(2, '0')}`,
      nom,
      communeInsee: commune.insee,
      communeNom: commune.nom,
      dep: commune.dep,
      reg: commune.reg ?? territory.regionCode,
      tiId: territory.id,
      horsTi: false,
      surfaceHa: tenths / 10,
      maturite: maturites[i]!,
      recyclageFoncier: recycling.has(i),
      atelier: ateliers[i]!,
      feuilleDeRoute: roadmaps.has(i),
      demo: true,
    };
  });
}

const NEED_LABELS: Record<BesoinTypeCode, readonly string[]> = {
  implantation: [
    "Accueil d'un projet industriel exogène",
    "Implantation d'une usine de la filière batteries",
    "Accueil d'un sous-traitant aéronautique",
  ],
  extension: [
    "Extension d'un site agroalimentaire",
    "Agrandissement d'une entreprise de mécanique",
    "Extension d'une plasturgie à l'étroit",
  ],
  requalification: [
    "Requalification d'une friche industrielle",
    "Densification d'une zone d'activités existante",
    "Reconversion d'un ancien site logistique",
  ],
  reserve: [
    'Constitution d’une réserve foncière industrielle',
    "Création d'une zone d'activités communautaire",
  ],
};

/** Land needs recorded in about two territories out of three, spread over the 22,000 ha quoted. */
function generateLandNeeds(random: Random, territories: readonly DemoTerritory[]): LandNeed[] {
  const withNeeds = random.shuffle(territories).slice(0, Math.round((territories.length * 2) / 3));
  const drafts: { territory: DemoTerritory; type: BesoinTypeCode; weight: number }[] = [];
  for (const territory of withNeeds) {
    const n = random.int(1, 3);
    for (let k = 0; k < n; k++)
      drafts.push({ territory, type: random.pick(BESOIN_TYPES).code, weight: skewedWeight(random, 1.8) });
  }
  const start = apportion(
    PUBLISHED_BESOIN_FONCIER_HA,
    drafts.map((d) => d.weight),
  );
  // Every need is at least 2 ha: move hectares from larger needs when the apportionment gave less.
  const surfaces = adjustToTotal(
    start.map((v) => Math.max(v, 2)),
    PUBLISHED_BESOIN_FONCIER_HA,
    { min: () => 2, max: () => Number.MAX_SAFE_INTEGER },
    random,
  );
  return drafts.map((d, i) => ({
    id: `demo-besoin-${String(i + 1).padStart(3, '0')}`,
    tiId: d.territory.id,
    reg: d.territory.regionCode,
    libelle: random.pick(NEED_LABELS[d.type]),
    type: d.type,
    surfaceHa: surfaces[i]!,
    echeance: random.int(2025, 2030),
    actionId: null,
    demo: true,
  }));
}
