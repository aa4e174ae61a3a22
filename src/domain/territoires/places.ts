// Where things are: the territory input of the demonstration generators and the lookups the importers
// receive from the caller (the référentiel lives in the database; the domain only sees functions).
// Shared by financements, foncier and gouvernance.

import type { Random } from '../shared/random';
import { normalizeText } from '../shared/text';

/** A commune of a TI as the generators receive it. */
export interface DemoCommune {
  insee: string;
  nom: string;
  dep: string;
  /** Its region, when it differs from the territory's (interregional TI); the territory's otherwise. */
  reg?: string;
  population: number;
}

/** One Territoire d'industrie as the generators receive it (the 183 TI of Temps II in practice). */
export interface DemoTerritory {
  id: string;
  nom: string;
  regionCode: string;
  communes: readonly DemoCommune[];
  /** Its member intercommunalités, when known: used for élus' mandates and chefs de projet's employers. */
  groupements?: readonly { siren: string; nom: string }[];
}

/** What the référentiel says about a commune code. `tiId` is null when the commune lies outside any TI. */
export interface CommuneInfo {
  nom: string;
  dep: string;
  reg: string;
  tiId: string | null;
}

/** What the caller knows about a SIREN (a company or a body): its commune, or directly its TI. */
export interface SirenInfo {
  communeInsee?: string;
  tiId?: string;
}

/** A TI as the importers resolve it from an id (« ti-8412 ») or a name. */
export interface TerritoryInfo {
  id: string;
  nom: string;
  reg: string;
}

/** Lookups passed to the importers. */
export interface PlaceLookup {
  commune(insee: string): CommuneInfo | undefined;
  siren?(siren: string): SirenInfo | undefined;
  /** A TI from its id or its name (the caller decides how tolerant the name match is). */
  territory?(idOrName: string): TerritoryInfo | undefined;
  /** A region code from its code (« 84 ») or its name. */
  region?(codeOrName: string): string | undefined;
}

/** Picks a commune, larger ones more often (industry sits in towns more than in hamlets). */
export function pickCommune(random: Random, communes: readonly DemoCommune[]): DemoCommune {
  if (communes.length === 0) throw new Error('pickCommune: no commune');
  return communes[random.weighted(communes.map((c) => Math.sqrt(Math.max(c.population, 50))))]!;
}

/** The most populated commune of a territory: its natural « main town ». */
export function mainCommune(territory: DemoTerritory): DemoCommune {
  return [...territory.communes].sort(
    (a, b) => b.population - a.population || a.insee.localeCompare(b.insee),
  )[0]!;
}

/** A territory's département: the one holding most of its population. */
export function mainDepartement(territory: DemoTerritory): string {
  const byDep = new Map<string, number>();
  for (const c of territory.communes) byDep.set(c.dep, (byDep.get(c.dep) ?? 0) + c.population + 1);
  return [...byDep].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * Builds the importers' lookups from plain lists (what the server reads from the référentiel).
 * Territory and region names are matched without case, accents or punctuation.
 */
export function createPlaceLookup(data: {
  communes: Iterable<readonly [string, CommuneInfo]>;
  sirens?: Iterable<readonly [string, SirenInfo]>;
  territories?: Iterable<TerritoryInfo>;
  regions?: Iterable<{ code: string; nom: string }>;
}): Required<PlaceLookup> {
  const communes = new Map(data.communes);
  const sirens = new Map(data.sirens ?? []);
  const territories = new Map<string, TerritoryInfo>();
  for (const t of data.territories ?? []) {
    territories.set(t.id.toLowerCase(), t);
    territories.set(normalizeText(t.nom), t);
  }
  const regions = new Map<string, string>();
  for (const r of data.regions ?? []) {
    regions.set(r.code, r.code);
    regions.set(normalizeText(r.nom), r.code);
  }
  return {
    commune: (insee) => communes.get(insee),
    siren: (siren) => sirens.get(siren),
    territory: (value) =>
      territories.get(value.trim().toLowerCase()) ?? territories.get(normalizeText(value)),
    region: (value) => regions.get(value.trim()) ?? regions.get(normalizeText(value)),
  };
}
