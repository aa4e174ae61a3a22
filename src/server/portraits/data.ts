import type { CommuneEmployment } from '../../domain/portraits/employment';
import { parseDensityLevel } from '../../domain/portraits/typologies';
import type { Sql } from '../platform/db/database';
import { CommuneRegions, CommuneTable, type StoredCommune } from './commune-table';
import { EmploymentTable } from './employment-table';

// Everything a portrait is computed from, read once per data version into memory: the communes
// (COG 2023 for population, density and zonages, as the ANCT publishes them; COG 2026 for
// employment, as URSSAF and DARES do), the sets of communes of every territory, EPCI, region and
// Temps I territory, and the per-commune employment series.

export const ZONAGE_COG = '2023';
export const EMPLOI_COG = '2026';

export interface NamedSet {
  id: string;
  nom: string;
  regionCode: string | null;
  /** Communes in COG 2023 (population, density, zonages). */
  communes2023: string[];
  /** Communes in COG 2026 (employment). */
  communes2026: string[];
}

export interface PortraitData {
  perimetre: { version: string; date: string; libelle: string };
  communes: CommuneTable;
  communes2026Region: CommuneRegions;
  employment: ReadonlyMap<string, CommuneEmployment>;
  regions: Map<string, { code: string; nom: string }>;
  territories: Map<string, NamedSet>;
  /** Temps I territories (version 'temps1'). */
  tempsI: Map<string, NamedSet>;
  /** EPCI and EPT members of the current territories, by SIREN; `regionCode` holds the TI id. */
  epci: Map<string, NamedSet & { territoire: string }>;
  /** Commune (COG 2023) → current TI id, for national overlaps. */
  tiOfCommune: Map<string, string>;
}

export async function readEmployment(sql: Sql): Promise<ReadonlyMap<string, CommuneEmployment>> {
  const { rows } = await sql.query<{
    insee: string;
    salaries: unknown;
    salaries_industrie: unknown;
    demandeurs: unknown;
  }>('SELECT insee, salaries, salaries_industrie, demandeurs FROM emploi_communes');
  return new EmploymentTable(
    rows.map((r) => ({
      insee: r.insee,
      salaries: r.salaries,
      salariesIndustrie: r.salaries_industrie,
      demandeurs: r.demandeurs,
    })),
  );
}

function group(rows: { key: string; insee: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const list = map.get(r.key);
    if (list) list.push(r.insee);
    else map.set(r.key, [r.insee]);
  }
  return map;
}

export async function readPortraitData(sql: Sql): Promise<PortraitData> {
  const perimetre = (
    await sql.query<{ version: string; date: string; libelle: string }>(
      'SELECT version, date, libelle FROM perimetres WHERE courant',
    )
  ).rows[0];
  if (!perimetre)
    throw new Error("Le référentiel n'est pas chargé : lancez « npx pilote import referentiel ».");

  const communeRows = await sql.query<{
    insee: string;
    population: number;
    region_code: string;
    acv: boolean | null;
    pvd: boolean | null;
    massif: string | null;
    qpv_codes: string[] | null;
    densite: string | null;
    ruralite: string | null;
    has_zonage: boolean;
  }>(
    `SELECT c.insee, c.population, c.region_code, z.acv, z.pvd, z.massif, z.qpv_codes, z.densite, z.ruralite,
            z.insee IS NOT NULL AS has_zonage
       FROM communes c LEFT JOIN commune_zonages z ON z.insee = c.insee
      WHERE c.cog = $1`,
    [ZONAGE_COG],
  );
  const tiCommunes = await sql.query<{ version: string; key: string; cog: string; insee: string }>(
    `SELECT version, territoire_id AS key, cog, insee FROM territoire_communes
      WHERE version IN ($1, 'temps1') ORDER BY insee`,
    [perimetre.version],
  );
  const tiOfCommune = new Map<string, string>();
  for (const r of tiCommunes.rows) {
    if (r.version === perimetre.version && r.cog === ZONAGE_COG) tiOfCommune.set(r.insee, r.key);
  }
  const communeList: StoredCommune[] = [];
  for (const r of communeRows.rows) {
    communeList.push({
      insee: r.insee,
      population: r.population,
      densite: parseDensityLevel(r.densite),
      ruralite: r.ruralite,
      region: r.region_code,
      zonage: r.has_zonage
        ? {
            insee: r.insee,
            idTi: tiOfCommune.get(r.insee) ?? null,
            acv: r.acv === true,
            pvd: r.pvd === true,
            qpv: r.qpv_codes ?? [],
            massif: r.massif,
          }
        : null,
    });
  }
  const communes = new CommuneTable(communeList);
  const communes2026Region = new CommuneRegions(
    (
      await sql.query<{ insee: string; region_code: string }>(
        'SELECT insee, region_code FROM communes WHERE cog = $1',
        [EMPLOI_COG],
      )
    ).rows,
  );

  const regions = new Map(
    (await sql.query<{ code: string; nom: string }>('SELECT code, nom FROM regions ORDER BY code')).rows.map(
      (r) => [r.code, r],
    ),
  );

  const sets = (version: string, cog: string) =>
    group(tiCommunes.rows.filter((r) => r.version === version && r.cog === cog));
  const named = async (version: string) => {
    const c2023 = sets(version, ZONAGE_COG);
    const c2026 = sets(version, EMPLOI_COG);
    const { rows } = await sql.query<{ id: string; nom: string; region_code: string }>(
      'SELECT id, nom, region_code FROM territoires WHERE version = $1 ORDER BY id',
      [version],
    );
    return new Map(
      rows.map((t) => [
        t.id,
        {
          id: t.id,
          nom: t.nom,
          regionCode: t.region_code,
          communes2023: c2023.get(t.id) ?? [],
          communes2026: c2026.get(t.id) ?? [],
        },
      ]),
    );
  };
  const territories = await named(perimetre.version);
  const tempsI = await named('temps1');

  // EPCI and EPT members of the current territories. Their communes in COG 2026 come from the same
  // SIREN when it still exists, else from the territory's own COG 2026 communes of that member.
  const members = await sql.query<{ siren: string; nom: string; territoire_id: string }>(
    `SELECT m.code AS siren, coalesce(g.nom, m.nom) AS nom, m.territoire_id
       FROM territoire_membres m LEFT JOIN groupements g ON g.cog = $2 AND g.siren = m.code
      WHERE m.version = $1 AND m.type <> 'commune' ORDER BY m.code`,
    [perimetre.version, EMPLOI_COG],
  );
  const g2023 = group(
    (
      await sql.query<{ key: string; insee: string }>(
        'SELECT siren AS key, insee FROM groupement_communes WHERE cog = $1',
        [ZONAGE_COG],
      )
    ).rows,
  );
  const byMember2026 = group(
    (
      await sql.query<{ key: string; insee: string }>(
        'SELECT membre_code AS key, insee FROM territoire_communes WHERE version = $1 AND cog = $2',
        [perimetre.version, EMPLOI_COG],
      )
    ).rows,
  );
  const epci = new Map<string, NamedSet & { territoire: string }>();
  for (const m of members.rows) {
    epci.set(m.siren, {
      id: m.siren,
      nom: m.nom,
      regionCode: territories.get(m.territoire_id)?.regionCode ?? null,
      territoire: m.territoire_id,
      communes2023: g2023.get(m.siren) ?? [],
      communes2026: byMember2026.get(m.siren) ?? [],
    });
  }

  return {
    perimetre,
    communes,
    communes2026Region,
    employment: await readEmployment(sql),
    regions,
    territories,
    tempsI,
    epci,
    tiOfCommune,
  };
}
