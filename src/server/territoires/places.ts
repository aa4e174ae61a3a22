import {
  type CommuneInfo,
  createPlaceLookup,
  type DemoTerritory,
  type PlaceLookup,
  type SirenInfo,
  type TerritoryInfo,
} from '../../domain/territoires/places';
import type { Sql } from '../platform/db/database';

// What the importers and the demonstration generators of financements, foncier and gouvernance need
// from the référentiel: the current perimeter's territories with their communes, and lookups from a
// commune code, a SIREN, a TI id or name, a region code or name.

export async function currentPerimeter(db: Sql): Promise<string> {
  const { rows } = await db.query<{ version: string }>('SELECT version FROM perimetres WHERE courant');
  if (!rows[0])
    throw new Error(
      'Référentiel absent : aucun périmètre en vigueur (lancez « pilote import referentiel »).',
    );
  return rows[0].version;
}

/** The territories of the current perimeter with their communes (COG 2026) and member groupements. */
export async function loadDemoTerritories(db: Sql): Promise<DemoTerritory[]> {
  const version = await currentPerimeter(db);
  const territories = await db.query<{ id: string; nom: string; region_code: string }>(
    'SELECT id, nom, region_code FROM territoires WHERE version = $1 ORDER BY id',
    [version],
  );
  const communes = await db.query<{
    territoire_id: string;
    insee: string;
    nom: string;
    dep: string;
    reg: string;
    population: number;
  }>(
    `SELECT tc.territoire_id, c.insee, c.nom, c.departement_code AS dep, c.region_code AS reg, c.population
       FROM territoire_communes tc JOIN communes c ON c.cog = tc.cog AND c.insee = tc.insee
      WHERE tc.version = $1 AND tc.cog = '2026' ORDER BY tc.territoire_id, c.insee`,
    [version],
  );
  const membres = await db.query<{ territoire_id: string; code: string; nom: string }>(
    `SELECT territoire_id, code, nom FROM territoire_membres
      WHERE version = $1 AND type IN ('epci', 'ept') ORDER BY territoire_id, code`,
    [version],
  );
  const byId = new Map<string, DemoTerritory & { communes: DemoTerritory['communes'][number][] }>();
  for (const t of territories.rows)
    byId.set(t.id, { id: t.id, nom: t.nom, regionCode: t.region_code, communes: [], groupements: [] });
  for (const c of communes.rows) {
    const t = byId.get(c.territoire_id);
    if (!t) continue;
    t.communes.push({
      insee: c.insee,
      nom: c.nom,
      dep: c.dep,
      population: c.population,
      ...(c.reg !== t.regionCode ? { reg: c.reg } : {}),
    });
  }
  for (const m of membres.rows)
    (byId.get(m.territoire_id)?.groupements as { siren: string; nom: string }[] | undefined)?.push({
      siren: m.code,
      nom: m.nom,
    });
  return [...byId.values()];
}

/**
 * The importers' lookups. Communes: COG 2026 first, then codes of COG 2023 that disappeared since
 * (files keep old codes for a while). SIREN: a commune's SIREN gives its commune, an intercommunalité's
 * its TI, and a beneficiary already known to the platform (a previous laureate) its commune. The
 * platform holds no register of companies: another company SIREN needs its commune code.
 */
export async function loadPlaceLookup(db: Sql): Promise<Required<PlaceLookup>> {
  const base = await referentielPlaces(db);
  // Beneficiaries already known (previous laureates) change with every import: read each time.
  const known = await db.query<{ siren: string; commune_insee: string }>(
    `SELECT DISTINCT ON (siren) siren, commune_insee FROM laureats
      WHERE siren IS NOT NULL AND commune_insee IS NOT NULL ORDER BY siren, annee DESC`,
  );
  const sirens = new Map(base.sirens);
  for (const k of known.rows)
    if (!sirens.has(k.siren)) sirens.set(k.siren, { communeInsee: k.commune_insee });
  return createPlaceLookup({ ...base, sirens: [...sirens] });
}

interface ReferentielPlaces {
  version: string;
  communes: Map<string, CommuneInfo>;
  sirens: Map<string, SirenInfo>;
  territories: TerritoryInfo[];
  regions: { code: string; nom: string }[];
}

// The référentiel part is read once per database and kept while the current perimeter is the same
// (reading 70,000 communes of two vintages takes seconds on the embedded engine).
const referentielCache = new WeakMap<object, Promise<ReferentielPlaces>>();

async function referentielPlaces(db: Sql): Promise<ReferentielPlaces> {
  const version = await currentPerimeter(db);
  const cached = referentielCache.get(db);
  if (cached) {
    const places = await cached.catch(() => null);
    if (places && places.version === version) return places;
  }
  const promise = readReferentielPlaces(db, version);
  referentielCache.set(db, promise);
  promise.catch(() => referentielCache.delete(db));
  return promise;
}

async function readReferentielPlaces(db: Sql, version: string): Promise<ReferentielPlaces> {
  const communes = await db.query<{ cog: string; insee: string; siren: string | null } & CommuneRow>(
    `SELECT c.cog, c.insee, c.siren, c.nom, c.departement_code AS dep, c.region_code AS reg, tc.territoire_id AS ti
       FROM communes c
       LEFT JOIN territoire_communes tc ON tc.version = $1 AND tc.cog = c.cog AND tc.insee = c.insee
      ORDER BY c.cog DESC`,
    [version],
  );
  const communeMap = new Map<string, CommuneInfo>();
  const sirens = new Map<string, SirenInfo>();
  for (const c of communes.rows) {
    if (communeMap.has(c.insee)) continue; // 2026 comes first
    communeMap.set(c.insee, { nom: c.nom, dep: c.dep, reg: c.reg, tiId: c.ti });
    if (c.siren) sirens.set(c.siren, { communeInsee: c.insee });
  }
  const groupements = await db.query<{ siren: string; territoire_id: string }>(
    `SELECT DISTINCT code AS siren, territoire_id FROM territoire_membres WHERE version = $1 AND type IN ('epci', 'ept')`,
    [version],
  );
  for (const g of groupements.rows) sirens.set(g.siren, { tiId: g.territoire_id });
  const territories = await db.query<{ id: string; nom: string; region_code: string }>(
    'SELECT id, nom, region_code FROM territoires WHERE version = $1',
    [version],
  );
  const regions = await db.query<{ code: string; nom: string }>('SELECT code, nom FROM regions');
  return {
    version,
    communes: communeMap,
    sirens,
    territories: territories.rows.map((t): TerritoryInfo => ({ id: t.id, nom: t.nom, reg: t.region_code })),
    regions: regions.rows,
  };
}

interface CommuneRow {
  nom: string;
  dep: string;
  reg: string;
  ti: string | null;
}

/** Names of the current territories and of the regions, for labels in lists and exports. */
export async function loadNames(
  db: Sql,
): Promise<{ territoires: Map<string, string>; regions: Map<string, string> }> {
  const version = await currentPerimeter(db);
  const t = await db.query<{ id: string; nom: string }>(
    'SELECT id, nom FROM territoires WHERE version = $1',
    [version],
  );
  const r = await db.query<{ code: string; nom: string }>('SELECT code, nom FROM regions');
  return {
    territoires: new Map(t.rows.map((x) => [x.id, x.nom])),
    regions: new Map(r.rows.map((x) => [x.code, x.nom])),
  };
}
