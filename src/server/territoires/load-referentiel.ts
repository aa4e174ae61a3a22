import { resolveTerritoryCommunes } from '../../domain/territoires/perimeter';
import { insertRows } from '../platform/db/bulk';
import type { Database, Sql } from '../platform/db/database';
import { readCsvFile, readJsonFile } from '../platform/files/csv';
import {
  type Cog,
  decoupageFile,
  PERIMETRE_FILES,
  referenceFile,
  referenceFingerprint,
  ZONAGE_FILES,
} from './reference-files';

// Loads the référentiel from real data only, in one transaction: a missing or corrupt file leaves
// the database as it was. Loading is idempotent: the inputs' fingerprint is recorded and a second
// run with the same inputs does nothing.

interface DecoupageCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  siren?: string;
  population?: number;
  anciensCodes?: string[];
}
interface DecoupageGroupement {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: { code: string; populationMunicipale?: number }[];
}

export const PERIMETRES = [
  { version: 'temps1', phase: 'temps1', date: '2019-01-01', libelle: 'Temps I (2019-2022)', courant: false },
  {
    version: '2023-11',
    phase: 'temps2',
    date: '2023-11-14',
    libelle: 'Temps II, labellisation (novembre 2023)',
    courant: false,
  },
  {
    version: '2024-09',
    phase: 'temps2',
    date: '2024-09-16',
    libelle: 'Temps II, mise à jour (septembre 2024)',
    courant: true,
  },
] as const;

const EXPECTED_TERRITORIES: Record<string, number> = { temps1: 149, '2023-11': 183, '2024-09': 183 };

export interface LoadReport {
  skipped: boolean;
  version: string;
  counts: Record<string, number>;
  warnings: string[];
}

export async function loadReferentiel(db: Database, options: { force?: boolean } = {}): Promise<LoadReport> {
  const version = await referenceFingerprint();
  const current = await db.query<{ version: string }>(
    "SELECT version FROM dataset_loads WHERE dataset = 'referentiel'",
  );
  if (!options.force && current.rows[0]?.version === version) {
    return { skipped: true, version, counts: {}, warnings: [] };
  }
  // Read and check everything before touching the database.
  const input = await readInputs();
  return db.transaction(async (tx) => {
    const report = await writeReferentiel(tx, input);
    await tx.query(
      `INSERT INTO dataset_loads (dataset, version, rows_loaded) VALUES ('referentiel', $1, $2)
       ON CONFLICT (dataset) DO UPDATE SET version = EXCLUDED.version, loaded_at = now(), rows_loaded = EXCLUDED.rows_loaded`,
      [version, Object.values(report.counts).reduce((a, b) => a + b, 0)],
    );
    // Fresh statistics, so that the planner knows the tables' sizes from the first query on.
    await tx.exec('ANALYZE');
    return { skipped: false, version, ...report };
  });
}

type Inputs = Awaited<ReturnType<typeof readInputs>>;

async function readInputs() {
  const cogs: Cog[] = ['2023', '2026'];
  const geography = Object.fromEntries(
    await Promise.all(
      cogs.map(async (cog) => {
        const communes = (await readJsonFile<DecoupageCommune[]>(decoupageFile(cog, 'communes'))).filter(
          (c) => c.type === 'commune-actuelle',
        );
        const epci = await readJsonFile<DecoupageGroupement[]>(decoupageFile(cog, 'epci'));
        const ept = await readJsonFile<DecoupageGroupement[]>(decoupageFile(cog, 'ept'));
        return [cog, { communes, epci, ept }] as const;
      }),
    ),
  ) as Record<Cog, { communes: DecoupageCommune[]; epci: DecoupageGroupement[]; ept: DecoupageGroupement[] }>;
  const regions = (
    await readJsonFile<{ code: string; nom: string; zone: string }[]>(decoupageFile('2026', 'regions'))
  ).filter((r) => r.zone === 'metro' || r.zone === 'drom');
  const departements = await readJsonFile<{ code: string; nom: string; region: string }[]>(
    decoupageFile('2026', 'departements'),
  );
  const perimetres = await Promise.all(
    PERIMETRES.map(async (p) => {
      const files = PERIMETRE_FILES[p.version];
      const territoires = await readCsvFile(referenceFile(files.territoires));
      const membres = await readCsvFile(referenceFile(files.membres));
      requireColumns(files.territoires, territoires, ['id_ti', 'lib_ti', 'insee_reg']);
      requireColumns(files.membres, membres, ['id_ti', 'siren', 'type_cog2023']);
      if (territoires.length !== EXPECTED_TERRITORIES[p.version]) {
        throw new Error(
          `Fichier de référence incohérent : ${files.territoires} compte ${territoires.length} territoires, ${EXPECTED_TERRITORIES[p.version]} attendus.`,
        );
      }
      return { ...p, territoires, membres };
    }),
  );
  const zonages = await readCsvFile(referenceFile(ZONAGE_FILES.communes));
  requireColumns(ZONAGE_FILES.communes, zonages, ['insee_com', 'acv', 'pvd', 'massif_montagne', 'qpv_codes']);
  const grids = Object.fromEntries(
    await Promise.all(
      (['densite', 'ruralite', 'centralite'] as const).map(async (name) => {
        const rows = await readCsvFile(referenceFile(ZONAGE_FILES[name]));
        requireColumns(ZONAGE_FILES[name], rows, ['insee_com', `niveau_${name}`]);
        return [name, new Map(rows.map((r) => [r.insee_com!, r[`niveau_${name}`]!.trim()]))] as const;
      }),
    ),
  ) as Record<'densite' | 'ruralite' | 'centralite', Map<string, string>>;
  return { geography, regions, departements, perimetres, zonages, grids };
}

function requireColumns(file: string, rows: Record<string, string>[], columns: string[]) {
  const first = rows[0];
  if (!first) throw new Error(`Fichier de référence vide : ${file}`);
  const missing = columns.filter((c) => !(c in first));
  if (missing.length > 0) {
    throw new Error(
      `Fichier de référence incomplet : ${file}, colonne(s) manquante(s) : ${missing.join(', ')}`,
    );
  }
}

async function writeReferentiel(tx: Sql, input: Inputs) {
  const warnings: string[] = [];
  const counts: Record<string, number> = {};
  await tx.exec(`
    DELETE FROM territoire_communes; DELETE FROM territoire_membres; DELETE FROM territoires; DELETE FROM perimetres;
    DELETE FROM commune_zonages; DELETE FROM groupement_communes; DELETE FROM groupements; DELETE FROM communes;
    DELETE FROM departements; DELETE FROM regions;`);

  const regionCodes = new Set(input.regions.map((r) => r.code));
  counts.regions = await insertRows(tx, 'regions', ['code', 'nom'], input.regions);
  counts.departements = await insertRows(
    tx,
    'departements',
    ['code', 'nom', 'region_code'],
    input.departements
      .filter((d) => regionCodes.has(d.region))
      .map((d) => ({ code: d.code, nom: d.nom, region_code: d.region })),
  );

  for (const cog of ['2023', '2026'] as const) {
    const geo = input.geography[cog];
    const communes = geo.communes.filter((c) => regionCodes.has(c.region));
    // The municipal population is the one published with the groupements' members; a commune's own
    // `population` field is only a fallback (communes outside any groupement).
    const municipal = new Map(
      [...geo.epci, ...geo.ept].flatMap((g) =>
        g.membres.map((m) => [m.code, m.populationMunicipale] as const),
      ),
    );
    counts[`communes_${cog}`] = await insertRows(
      tx,
      'communes',
      ['cog', 'insee', 'siren', 'nom', 'departement_code', 'region_code', 'population', 'anciens_codes'],
      communes.map((c) => ({
        cog,
        insee: c.code,
        siren: c.siren ?? null,
        nom: c.nom,
        departement_code: c.departement,
        region_code: c.region,
        population: municipal.get(c.code) ?? c.population ?? 0,
        anciens_codes: c.anciensCodes ?? [],
      })),
    );
    const groupements = [
      ...geo.epci.map((g) => ({ ...g, kind: 'epci' as const })),
      ...geo.ept.map((g) => ({ ...g, kind: 'ept' as const })),
    ];
    counts[`groupements_${cog}`] = await insertRows(
      tx,
      'groupements',
      ['cog', 'siren', 'nom', 'type', 'nature', 'population'],
      groupements.map((g) => ({
        cog,
        siren: g.code,
        nom: g.nom,
        type: g.kind,
        nature: g.kind === 'ept' ? 'EPT' : g.type,
        population: g.populationMunicipale ?? 0,
      })),
    );
    await insertRows(
      tx,
      'groupement_communes',
      ['cog', 'siren', 'insee'],
      groupements.flatMap((g) => g.membres.map((m) => ({ cog, siren: g.code, insee: m.code }))),
    );
  }

  await insertRows(
    tx,
    'perimetres',
    ['version', 'phase', 'date', 'libelle', 'courant'],
    input.perimetres.map(({ version, phase, date, libelle, courant }) => ({
      version,
      phase,
      date,
      libelle,
      courant,
    })),
  );
  const geography = {
    '2023': toGeographyIndex(input.geography['2023']),
    '2026': toGeographyIndex(input.geography['2026']),
  };
  counts.territoires = 0;
  counts.territoire_communes = 0;
  for (const perimetre of input.perimetres) {
    const { version } = perimetre;
    counts.territoires += await insertRows(
      tx,
      'territoires',
      ['version', 'id', 'nom', 'region_code'],
      perimetre.territoires.map((t) => ({ version, id: t.id_ti, nom: t.lib_ti, region_code: t.insee_reg })),
    );
    const members = perimetre.membres.map((m) => {
      const type = m.type_cog2023 as 'epci' | 'ept' | 'commune';
      const commune = type === 'commune' ? geography['2023'].communeBySiren.get(m.siren!) : undefined;
      return {
        version,
        territoire_id: m.id_ti!,
        code: commune?.code ?? m.siren!,
        siren: m.siren || null,
        nom: m.nom || commune?.nom || m.siren!,
        type,
      };
    });
    await insertRows(
      tx,
      'territoire_membres',
      ['version', 'territoire_id', 'code', 'siren', 'nom', 'type'],
      members,
    );
    for (const cog of ['2023', '2026'] as const) {
      const resolved = resolveTerritoryCommunes(
        members.map((m) => ({ territoryId: m.territoire_id, code: m.code, siren: m.siren, type: m.type })),
        cog,
        geography,
      );
      warnings.push(...resolved.warnings.map((w) => `${perimetre.libelle}, COG ${cog} : ${w}`));
      counts.territoire_communes += await insertRows(
        tx,
        'territoire_communes',
        ['version', 'territoire_id', 'cog', 'insee', 'membre_code'],
        resolved.communes.map((c) => ({
          version,
          territoire_id: c.territoryId,
          cog,
          insee: c.insee,
          membre_code: c.memberCode,
        })),
      );
    }
  }

  counts.commune_zonages = await insertRows(
    tx,
    'commune_zonages',
    ['insee', 'acv', 'acv2', 'pvd', 'va', 'massif', 'qpv_codes', 'densite', 'ruralite', 'centralite'],
    input.zonages.map((z) => ({
      insee: z.insee_com,
      acv: isSet(z.acv),
      acv2: isSet(z.acv2),
      pvd: isSet(z.pvd),
      va: isSet(z.va),
      massif: z.massif_montagne || null,
      qpv_codes: z.qpv_codes ? z.qpv_codes.split(/[;|,]/).filter(Boolean) : [],
      densite: input.grids.densite.get(z.insee_com!) ?? null,
      ruralite: input.grids.ruralite.get(z.insee_com!) ?? null,
      centralite: input.grids.centralite.get(z.insee_com!) ?? null,
    })),
  );
  return { counts, warnings };
}

const isSet = (value: string | undefined) =>
  Boolean(value && value !== '0' && value.toLowerCase() !== 'false');

function toGeographyIndex(geo: {
  communes: DecoupageCommune[];
  epci: DecoupageGroupement[];
  ept: DecoupageGroupement[];
}) {
  return {
    communeCodes: new Set(geo.communes.map((c) => c.code)),
    communeBySiren: new Map(geo.communes.filter((c) => c.siren).map((c) => [c.siren!, c])),
    anciensCodes: new Map(geo.communes.map((c) => [c.code, c.anciensCodes ?? []])),
    groupementCommunes: new Map([...geo.epci, ...geo.ept].map((g) => [g.code, g.membres.map((m) => m.code)])),
  };
}
