import { compareWithTempsI, TEMPS1_STATUS_LABELS, type TempsIStatus } from '../../domain/territoires/temps1';
import type { Sql } from '../platform/db/database';
import { SOURCES } from './sources';

// The référentiel changes only when it is reloaded, so everything the public pages ask for is
// computed once from the database into plain objects and served from memory; see cache.ts.

export interface TerritorySummary {
  id: string;
  nom: string;
  region: { code: string; nom: string };
  nbMembres: number;
  nbCommunes: number;
  population: number;
}

export interface Catalog {
  version: string;
  perimetre: { version: string; date: string; libelle: string };
  territories: TerritorySummary[];
  details: Map<string, Record<string, unknown>>;
  regions: Map<string, Record<string, unknown>>;
  regionList: Record<string, unknown>[];
  programme: Record<string, unknown>;
}

const CURRENT_COG = '2026';
// Zonages are published per commune in COG 2023: overlaps are computed on that vintage.
const ZONAGE_COG = '2023';

export async function buildCatalog(sql: Sql, version: string): Promise<Catalog> {
  const perimetre = (
    await sql.query<{ version: string; date: string; libelle: string }>(
      'SELECT version, date, libelle FROM perimetres WHERE courant',
    )
  ).rows[0];
  if (!perimetre)
    throw new Error("Le référentiel n'est pas chargé : lancez « npx pilote import referentiel ».");
  const v = perimetre.version;

  const territories = (
    await sql.query<TerritorySummary & { region_code: string; region_nom: string }>(
      `SELECT t.id, t.nom, t.region_code, r.nom AS region_nom,
              (SELECT count(*) FROM territoire_membres m WHERE m.version = t.version AND m.territoire_id = t.id) AS "nbMembres",
              count(c.insee) AS "nbCommunes", coalesce(sum(c.population), 0) AS population
         FROM territoires t
         JOIN regions r ON r.code = t.region_code
         LEFT JOIN territoire_communes tc ON tc.version = t.version AND tc.territoire_id = t.id AND tc.cog = $2
         LEFT JOIN communes c ON c.cog = tc.cog AND c.insee = tc.insee
        WHERE t.version = $1
        GROUP BY t.version, t.id, t.nom, t.region_code, r.nom
        ORDER BY t.id`,
      [v, CURRENT_COG],
    )
  ).rows.map(({ region_code, region_nom, ...t }) => ({
    ...t,
    region: { code: region_code, nom: region_nom },
  }));

  const members = await sql.query<{
    territoire_id: string;
    code: string;
    siren: string | null;
    nom: string;
    type: string;
    nature: string | null;
    nb_communes: number;
    population: number;
  }>(
    `SELECT m.territoire_id, m.code, m.siren, m.nom, m.type,
            CASE WHEN m.type = 'commune' THEN 'Commune' ELSE g.nature END AS nature,
            count(tc.insee) AS nb_communes, coalesce(sum(c.population), 0) AS population
       FROM territoire_membres m
       LEFT JOIN groupements g ON g.cog = $2 AND g.siren = m.code
       LEFT JOIN territoire_communes tc ON tc.version = m.version AND tc.territoire_id = m.territoire_id
            AND tc.membre_code = m.code AND tc.cog = $2
       LEFT JOIN communes c ON c.cog = tc.cog AND c.insee = tc.insee
      WHERE m.version = $1
      GROUP BY m.territoire_id, m.code, m.siren, m.nom, m.type, g.nature
      ORDER BY m.territoire_id, population DESC`,
    [v, CURRENT_COG],
  );
  const communes = await sql.query<{
    territoire_id: string;
    insee: string;
    nom: string;
    population: number;
    membre: string;
    departement_code: string;
    departement_nom: string;
  }>(
    `SELECT tc.territoire_id, c.insee, c.nom, c.population, tc.membre_code AS membre,
            c.departement_code, d.nom AS departement_nom
       FROM territoire_communes tc
       JOIN communes c ON c.cog = tc.cog AND c.insee = tc.insee
       JOIN departements d ON d.code = c.departement_code
      WHERE tc.version = $1 AND tc.cog = $2
      ORDER BY tc.territoire_id, c.population DESC, c.nom`,
    [v, CURRENT_COG],
  );
  const zonages = await sql.query<{
    territoire_id: string;
    insee: string;
    nom: string;
    acv: boolean;
    pvd: boolean;
    massif: string | null;
    qpv_codes: string[];
  }>(
    `SELECT tc.territoire_id, z.insee, c.nom, z.acv OR z.acv2 AS acv, z.pvd, z.massif, z.qpv_codes
       FROM territoire_communes tc
       JOIN commune_zonages z ON z.insee = tc.insee
       JOIN communes c ON c.cog = tc.cog AND c.insee = tc.insee
      WHERE tc.version = $1 AND tc.cog = $2 AND (z.acv OR z.acv2 OR z.pvd OR z.massif IS NOT NULL OR cardinality(z.qpv_codes) > 0)
      ORDER BY c.nom`,
    [v, ZONAGE_COG],
  );
  const perimeterHistory = await sql.query<{
    version: string;
    date: string;
    libelle: string;
    territoire_id: string;
    code: string;
    nom: string;
  }>(
    `SELECT p.version, p.date, p.libelle, m.territoire_id, m.code, m.nom
       FROM perimetres p JOIN territoire_membres m ON m.version = p.version
      WHERE p.phase = 'temps2'
      ORDER BY p.date, m.territoire_id, m.code`,
  );
  const tempsII = await communeSets(sql, '2023-11');
  const tempsI = await communeSets(sql, 'temps1');
  const tempsINames = new Map(
    (
      await sql.query<{ id: string; nom: string }>("SELECT id, nom FROM territoires WHERE version = 'temps1'")
    ).rows.map((r) => [r.id, r.nom]),
  );
  const communeToTempsI = new Map([...tempsI].flatMap(([id, set]) => [...set].map((c) => [c, id] as const)));
  const groupementChanges = await sql.query<{
    territoire_id: string;
    siren: string;
    nom: string;
    added: string[] | null;
    removed: string[] | null;
  }>(
    `SELECT m.territoire_id, m.code AS siren, coalesce(g.nom, m.nom) AS nom,
            (SELECT array_agg(b.insee ORDER BY b.insee) FROM groupement_communes b
              WHERE b.cog = '2026' AND b.siren = m.code AND NOT EXISTS (
                SELECT 1 FROM groupement_communes a WHERE a.cog = '2023' AND a.siren = m.code AND a.insee = b.insee)) AS added,
            (SELECT array_agg(a.insee ORDER BY a.insee) FROM groupement_communes a
              WHERE a.cog = '2023' AND a.siren = m.code AND NOT EXISTS (
                SELECT 1 FROM groupement_communes b WHERE b.cog = '2026' AND b.siren = m.code AND b.insee = a.insee)) AS removed
       FROM territoire_membres m LEFT JOIN groupements g ON g.cog = '2026' AND g.siren = m.code
      WHERE m.version = $1 AND m.type <> 'commune'`,
    [v],
  );

  const byTerritory = <T extends { territoire_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.territoire_id) ?? [];
      list.push(row);
      map.set(row.territoire_id, list);
    }
    return map;
  };
  const membersBy = byTerritory(members.rows);
  const communesBy = byTerritory(communes.rows);
  const zonagesBy = byTerritory(zonages.rows);
  const historyBy = byTerritory(perimeterHistory.rows);
  const changesBy = byTerritory(groupementChanges.rows.filter((r) => r.added || r.removed));

  const sources = [SOURCES.perimetres, SOURCES.cog, SOURCES.zonages];
  const details = new Map<string, Record<string, unknown>>();
  const tempsICounts: Record<TempsIStatus, number> = { nouveau: 0, inchange: 0, reconfigure: 0 };
  for (const t of territories) {
    const tCommunes = communesBy.get(t.id) ?? [];
    const departements = new Map<string, string>();
    for (const c of tCommunes) departements.set(c.departement_code, c.departement_nom);
    const z = zonagesBy.get(t.id) ?? [];
    const massifs = new Map<string, number>();
    for (const row of z) if (row.massif) massifs.set(row.massif, (massifs.get(row.massif) ?? 0) + 1);
    const comparison = compareWithTempsI(tempsII.get(t.id) ?? new Set(), tempsI, communeToTempsI);
    tempsICounts[comparison.statut]++;
    details.set(t.id, {
      ...t,
      membres: (membersBy.get(t.id) ?? []).map((m) => ({
        code: m.code,
        siren: m.siren,
        nom: m.nom,
        type: m.type,
        nature: m.nature,
        nbCommunes: m.nb_communes,
        population: m.population,
      })),
      departements: [...departements]
        .map(([code, nom]) => ({ code, nom }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      communes: tCommunes.map((c) => ({
        insee: c.insee,
        nom: c.nom,
        population: c.population,
        membre: c.membre,
      })),
      perimetres: perimeterVersions(historyBy.get(t.id) ?? []),
      evolutionsGroupements: (changesBy.get(t.id) ?? []).map((c) => ({
        siren: c.siren,
        nom: c.nom,
        communesAjoutees: c.added ?? [],
        communesRetirees: c.removed ?? [],
        periode: 'COG 2023 → COG 2026',
      })),
      programmes: {
        acv: zonageList(z.filter((r) => r.acv)),
        pvd: zonageList(z.filter((r) => r.pvd)),
        qpv: {
          ...zonageList(z.filter((r) => r.qpv_codes.length > 0)),
          nbQuartiers: new Set(z.flatMap((r) => r.qpv_codes)).size,
        },
        massifs: {
          nbCommunes: z.filter((r) => r.massif).length,
          massifs: [...massifs].map(([nom, nbCommunes]) => ({ nom, nbCommunes })),
        },
      },
      tempsI: {
        statut: comparison.statut,
        libelle: TEMPS1_STATUS_LABELS[comparison.statut],
        territoires: comparison.predecessors.map((p) => ({
          id: p.id,
          nom: tempsINames.get(p.id) ?? p.id,
          nbCommunesCommunes: p.shared,
          nbCommunes: p.size,
        })),
      },
      sources,
    });
  }

  const regionRows = (
    await sql.query<{ code: string; nom: string }>('SELECT code, nom FROM regions ORDER BY code')
  ).rows;
  const regions = new Map<string, Record<string, unknown>>();
  const regionList: Record<string, unknown>[] = [];
  for (const region of regionRows) {
    const list = territories.filter((t) => t.region.code === region.code);
    const deps = new Map<string, { code: string; nom: string; territoires: Set<string> }>();
    for (const t of list) {
      for (const c of communesBy.get(t.id) ?? []) {
        const d = deps.get(c.departement_code) ?? {
          code: c.departement_code,
          nom: c.departement_nom,
          territoires: new Set<string>(),
        };
        d.territoires.add(t.id);
        deps.set(c.departement_code, d);
      }
    }
    const summary = {
      code: region.code,
      nom: region.nom,
      nbTerritoires: list.length,
      population: list.reduce((sum, t) => sum + t.population, 0),
    };
    regionList.push(summary);
    regions.set(region.code, {
      ...summary,
      territoires: list,
      departements: [...deps.values()]
        .map((d) => ({ code: d.code, nom: d.nom, nbTerritoires: d.territoires.size }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      sources,
    });
  }

  const programme = await programmeStats(sql, v, territories, tempsICounts);
  return { version, perimetre, territories, details, regions, regionList, programme };
}

async function communeSets(sql: Sql, version: string): Promise<Map<string, Set<string>>> {
  const { rows } = await sql.query<{ territoire_id: string; insee: string }>(
    "SELECT territoire_id, insee FROM territoire_communes WHERE version = $1 AND cog = '2023'",
    [version],
  );
  const sets = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = sets.get(row.territoire_id) ?? new Set<string>();
    set.add(row.insee);
    sets.set(row.territoire_id, set);
  }
  return sets;
}

const zonageList = (rows: { insee: string; nom: string }[]) => ({
  nbCommunes: rows.length,
  communes: rows.map((r) => ({ insee: r.insee, nom: r.nom })),
});

function perimeterVersions(
  rows: { version: string; date: string; libelle: string; code: string; nom: string }[],
) {
  const versions = new Map<
    string,
    { version: string; date: string; libelle: string; membres: Map<string, string> }
  >();
  for (const row of rows) {
    const entry = versions.get(row.version) ?? {
      version: row.version,
      date: row.date,
      libelle: row.libelle,
      membres: new Map<string, string>(),
    };
    entry.membres.set(row.code, row.nom);
    versions.set(row.version, entry);
  }
  let previous: Map<string, string> | null = null;
  const result = [];
  for (const entry of versions.values()) {
    const prev: Map<string, string> | null = previous;
    result.push({
      version: entry.version,
      date: entry.date,
      libelle: entry.libelle,
      nbMembres: entry.membres.size,
      ajouts: prev
        ? [...entry.membres].filter(([code]) => !prev.has(code)).map(([code, nom]) => ({ code, nom }))
        : [],
      retraits: prev
        ? [...prev].filter(([code]) => !entry.membres.has(code)).map(([code, nom]) => ({ code, nom }))
        : [],
    });
    previous = entry.membres;
  }
  return result;
}

const PROGRAMMES = [
  { key: 'acv', libelle: 'Action cœur de ville', where: 'z.acv OR z.acv2', publie: 0.81 },
  { key: 'pvd', libelle: 'Petites villes de demain', where: 'z.pvd', publie: 0.53 },
  {
    key: 'qpv',
    libelle: 'Quartiers prioritaires de la politique de la ville',
    where: 'cardinality(z.qpv_codes) > 0',
    publie: 0.73,
  },
  { key: 'massifs', libelle: 'Massifs de montagne', where: 'z.massif IS NOT NULL', publie: 0.59 },
] as const;

async function programmeStats(
  sql: Sql,
  version: string,
  territories: TerritorySummary[],
  tempsI: Record<TempsIStatus, number>,
) {
  const counts = (
    await sql.query<{ groupements: number; communes: number; departements: number; regions: number }>(
      `SELECT (SELECT count(*) FROM territoire_membres WHERE version = $1 AND type <> 'commune') AS groupements,
              (SELECT count(*) FROM territoire_communes WHERE version = $1 AND cog = '2026') AS communes,
              (SELECT count(DISTINCT c.departement_code) FROM territoire_communes tc
                 JOIN communes c ON c.cog = tc.cog AND c.insee = tc.insee WHERE tc.version = $1 AND tc.cog = '2026') AS departements,
              (SELECT count(DISTINCT region_code) FROM territoires WHERE version = $1) AS regions`,
      [version],
    )
  ).rows[0]!;
  const labelling = (
    await sql.query<{ groupements: number; population: number }>(
      `SELECT (SELECT count(*) FROM territoire_membres WHERE version = '2023-11') AS groupements,
              (SELECT coalesce(sum(c.population), 0) FROM territoire_communes tc JOIN communes c USING (cog, insee)
                WHERE tc.version = '2023-11' AND tc.cog = '2023') AS population`,
    )
  ).rows[0]!;
  const programmes: Record<string, unknown> = {};
  for (const p of PROGRAMMES) {
    const row = (
      await sql.query<{ communes: number; en_ti: number }>(
        `SELECT count(*) AS communes, count(tc.insee) AS en_ti
           FROM commune_zonages z
           LEFT JOIN territoire_communes tc ON tc.version = $1 AND tc.cog = '2023' AND tc.insee = z.insee
          WHERE ${p.where}`,
        [version],
      )
    ).rows[0]!;
    programmes[p.key] = {
      libelle: p.libelle,
      communes: row.communes,
      communesEnTi: row.en_ti,
      part: row.communes ? row.en_ti / row.communes : null,
      publie: p.publie,
      source: SOURCES.zonages,
    };
  }
  return {
    perimetre: version,
    territoires: territories.length,
    groupements: counts.groupements,
    communesMembresIsolees: Number(
      (
        await sql.query<{ n: number }>(
          "SELECT count(*) AS n FROM territoire_membres WHERE version = $1 AND type = 'commune'",
          [version],
        )
      ).rows[0]!.n,
    ),
    regions: counts.regions,
    departements: counts.departements,
    communes: counts.communes,
    population: territories.reduce((sum, t) => sum + t.population, 0),
    labellisation: {
      perimetre: '2023-11',
      groupements: labelling.groupements,
      population: labelling.population,
      source: SOURCES.cog2023,
    },
    tempsI: Object.fromEntries(
      (Object.keys(tempsI) as TempsIStatus[]).map((k) => [
        k,
        { nombre: tempsI[k], libelle: TEMPS1_STATUS_LABELS[k] },
      ]),
    ),
    programmes,
    sources: [SOURCES.perimetres, SOURCES.perimetresTemps1, SOURCES.cog, SOURCES.zonages],
  };
}
