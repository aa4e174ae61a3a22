import { createTiLookup, type DemoTerritory, type TiLookup } from '../../domain/actions';
import type { AppContext } from '../platform/context';
import { territoryCache } from '../territoires/module';

// The territories an action can belong to: those of the current perimeter, with their region
// (denormalised into actions.region_code) and names (for exports, messages and the TI lookup of
// imports). Read from the référentiel's in-memory catalog, which follows reloads.

export interface TiInfo {
  id: string;
  nom: string;
  regionCode: string;
  regionNom: string;
  population: number;
}

export interface TiDirectory {
  version: string;
  list: TiInfo[];
  byId: Map<string, TiInfo>;
  regions: Map<string, string>;
  lookup: TiLookup;
  tiName: (id: string) => string | undefined;
}

const directories = new WeakMap<object, TiDirectory>();

export async function tiDirectory(ctx: AppContext): Promise<TiDirectory> {
  const catalog = await territoryCache(ctx).get();
  const cached = directories.get(catalog);
  if (cached) return cached;
  const list: TiInfo[] = catalog.territories.map((t) => ({
    id: t.id,
    nom: t.nom,
    regionCode: t.region.code,
    regionNom: t.region.nom,
    population: t.population,
  }));
  const byId = new Map(list.map((t) => [t.id, t]));
  const regions = new Map(list.map((t) => [t.regionCode, t.regionNom]));
  const directory: TiDirectory = {
    version: catalog.version,
    list,
    byId,
    regions,
    lookup: createTiLookup(list),
    tiName: (id) => byId.get(id)?.nom,
  };
  directories.set(catalog, directory);
  return directory;
}

export const demoTerritories = (directory: TiDirectory): DemoTerritory[] =>
  directory.list.map((t) => ({ id: t.id, nom: t.nom, regionCode: t.regionCode, population: t.population }));
