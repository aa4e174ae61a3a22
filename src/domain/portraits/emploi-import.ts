// Parsers of the producers' newer open-data files, in their published CSV formats, into
// per-commune yearly figures. Pure: they take the CSV already split into records (csv-parse with
// `columns: true`, `delimiter: ';'`, `bom: true`); reading the file is the CLI's job.
//
// URSSAF « Nombre d'établissements employeurs et effectifs salariés du secteur privé, par commune
// x APE » (dataset etablissements-et-effectifs-salaries-au-niveau-commune-x-ape-last): one row per
// commune × APE code, wide by year. Its CSV export names columns either by label (« Code commune »,
// « Grand secteur d'activité », « Code APE », « Effectifs salariés 2024 », « Nombre
// d'établissements 2024 ») or by field name (code_commune, grand_secteur_d_activite, code_ape,
// effectifs_salaries_2024, nombre_d_etablissements_2024): headers are matched on normalizeText,
// which makes both spellings the same. The sector reads « GS1 Industrie »-like; without it the
// APE division decides (05 to 39 = sections B to E = industry, INSEE's « Industrie »).
//
// DARES « demandeurs d'emploi inscrits à France Travail par commune » (dataset
// dares_defm_communales-brutes): long format, one row per commune × quarter × category × sex ×
// age band, with `date` (« 2024-T4 »), `code_commune`, `categorie` (« ABC »…), `sexe`,
// `tranche_d_age` (« Total ») and `nombre_de_demandeurs_d_emploi`. Only the totals of categories
// A, B, C at the 4th quarter are kept, as in the shipped series.
//
// Paris, Lyon and Marseille may come by arrondissement: they are summed into the commune, the
// unit of the platform's data.

import { normalizeText } from '../shared/text';
import type { CommuneEmployment, YearSeries } from './employment';

export type CsvRecord = Readonly<Record<string, string | undefined>>;

export interface CsvInput {
  /** Column names as in the file's first line (lets an empty file still be checked). */
  headers: readonly string[];
  records: readonly CsvRecord[];
}

export interface ImportOptions {
  /** The year the user says the file brings: an error if the file does not contain it. */
  year?: number;
  /** The latest plausible year (the current year, given by the caller): later years are an error. */
  maxYear?: number;
  /** Line number of the first record (header on line 1 → 2). */
  firstLine?: number;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export interface UrssafCommuneFigures {
  salaries: Record<number, number | null>;
  /** Null when the file has neither sector nor APE code. */
  salariesIndustrie: Record<number, number | null> | null;
}

export interface UrssafImport {
  kind: 'urssaf';
  years: number[];
  /** Per commune: salaried jobs and industrial salaried jobs, summed over APE codes. */
  communes: Map<string, UrssafCommuneFigures>;
  hasSectors: boolean;
  lines: number;
  warnings: string[];
}

export interface DaresImport {
  kind: 'dares';
  years: number[];
  communes: Map<string, Record<number, number | null>>;
  lines: number;
  warnings: string[];
}

const MAX_ERRORS = 30;
const FIRST_PUBLISHED_YEAR = 1998;

const COMMUNE_ALIASES = [
  'code commune',
  'codgeo',
  'code geo',
  'code insee',
  'code insee commune',
  'insee com',
];

/** Normalised header → header as written. */
function headerIndex(headers: readonly string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const h of headers) {
    const key = normalizeText(h.replace(/^\ufeff/, ''));
    if (!index.has(key)) index.set(key, h);
  }
  return index;
}

const findHeader = (index: Map<string, string>, aliases: readonly string[]) => {
  for (const alias of aliases) {
    const found = index.get(alias);
    if (found !== undefined) return found;
  }
  return undefined;
};

const shownHeaders = (headers: readonly string[]) =>
  headers.length === 0
    ? 'aucune'
    : headers
        .slice(0, 12)
        .map((h) => `« ${h} »`)
        .join(', ') + (headers.length > 12 ? ', …' : '');

/** Arrondissements of Paris, Lyon and Marseille → their commune. */
export function communeOfArrondissement(code: string): string {
  const n = Number(code);
  if (n >= 75101 && n <= 75120) return '75056';
  if (n >= 69381 && n <= 69389) return '69123';
  if (n >= 13201 && n <= 13216) return '13055';
  return code;
}

/** « 1001 » (leading zero lost by a spreadsheet) → « 01001 »; null when not an INSEE code. */
export function normalizeCommuneCode(raw: string): string | null {
  let code = raw.trim().toUpperCase();
  if (/^\d{4}$/.test(code)) code = code.padStart(5, '0');
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return null;
  return communeOfArrondissement(code);
}

/** « 1 234 », « 1234,0 », « » → number | null; undefined when not a number. */
function parseCount(raw: string | undefined): number | null | undefined {
  const text = (raw ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

class Errors {
  readonly list: string[] = [];
  private extra = 0;
  add(message: string) {
    if (this.list.length < MAX_ERRORS) this.list.push(message);
    else this.extra++;
  }
  get any() {
    return this.list.length > 0;
  }
  done(): string[] {
    return this.extra > 0
      ? [
          ...this.list,
          `… et ${this.extra} autre${this.extra > 1 ? 's' : ''} erreur${this.extra > 1 ? 's' : ''}.`,
        ]
      : this.list;
  }
}

/** `what` names the figures for the column (« effectifs salariés »), `ofWhat` after « pas » (« d'effectifs salariés »). */
function checkYears(years: number[], what: string, ofWhat: string, options: ImportOptions, errors: Errors) {
  for (const year of years) {
    if (year < FIRST_PUBLISHED_YEAR || (options.maxYear !== undefined && year > options.maxYear)) {
      errors.add(
        `Année ${year} invalide dans la colonne des ${what} : attendu une année de ${FIRST_PUBLISHED_YEAR} à ${options.maxYear ?? 'aujourd’hui'}.`,
      );
    }
  }
  if (options.year !== undefined && !years.includes(options.year)) {
    errors.add(
      `Le fichier ne contient pas ${ofWhat} pour ${options.year} : années présentes ${years.length ? `de ${Math.min(...years)} à ${Math.max(...years)}` : 'aucune'}.`,
    );
  }
}

const URSSAF_NAME =
  'URSSAF « établissements employeurs et effectifs salariés du secteur privé, par commune x APE »';
const DARES_NAME = "DARES « demandeurs d'emploi par commune »";

/** Is this row industrial? By grand sector when the file has it, else by APE division (05-39). */
function isIndustrial(sector: string | undefined, ape: string | undefined): boolean | null {
  if (sector !== undefined && sector.trim() !== '') {
    return normalizeText(sector)
      .replace(/^gs\s?\d+\s*/, '')
      .startsWith('industrie');
  }
  const division = /^(\d{2})/.exec((ape ?? '').trim());
  if (!division) return null;
  const d = Number(division[1]);
  return d >= 5 && d <= 39;
}

export function parseUrssafCommuneApe(
  input: CsvInput,
  options: ImportOptions = {},
): ImportResult<UrssafImport> {
  const index = headerIndex(input.headers);
  const communeHeader = findHeader(index, COMMUNE_ALIASES);
  const yearHeaders: { year: number; header: string }[] = [];
  for (const [key, header] of index) {
    const m = /^effectifs salaries (\d{4})$/.exec(key);
    if (m) yearHeaders.push({ year: Number(m[1]), header });
  }
  yearHeaders.sort((a, b) => a.year - b.year);
  const missing = [
    communeHeader ? null : '« Code commune »',
    yearHeaders.length ? null : '« Effectifs salariés AAAA » (une par année)',
  ].filter(Boolean);
  if (missing.length > 0) {
    const looksDares = index.has('nombre de demandeurs d emploi') || index.has('categorie');
    return {
      ok: false,
      errors: [
        `Format non reconnu : ce fichier n'est pas au format ${URSSAF_NAME}. Colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} : ${missing.join(', ')}. Colonnes trouvées : ${shownHeaders(input.headers)}.${looksDares ? ' Il ressemble à un fichier DARES de demandeurs d’emploi : choisissez ce type d’import.' : ''}`,
      ],
    };
  }
  const years = yearHeaders.map((y) => y.year);
  const errors = new Errors();
  checkYears(years, 'effectifs salariés', "d'effectifs salariés", options, errors);
  if (errors.any) return { ok: false, errors: errors.done() };

  const sectorHeader = findHeader(index, ['grand secteur d activite']);
  const apeHeader = findHeader(index, ['code ape', 'ape', 'code naf', 'naf']);
  const hasSectors = sectorHeader !== undefined || apeHeader !== undefined;
  const warnings: string[] = [];
  if (!hasSectors) {
    warnings.push(
      "Ni « Grand secteur d'activité » ni « Code APE » dans le fichier : l'emploi industriel ne peut pas en être tiré (seuls les totaux sont importés).",
    );
  }
  const firstLine = options.firstLine ?? 2;
  const communes = new Map<string, UrssafCommuneFigures>();
  let noCode = 0;
  let unknownSector = 0;
  input.records.forEach((record, i) => {
    const line = firstLine + i;
    const rawCode = record[communeHeader!] ?? '';
    if (rawCode.trim() === '') {
      noCode++;
      return;
    }
    const code = normalizeCommuneCode(rawCode);
    if (!code) {
      errors.add(
        `Ligne ${line}, colonne « ${communeHeader} » : valeur « ${rawCode} » qui n'est pas un code commune INSEE (5 caractères).`,
      );
      return;
    }
    const industrial = hasSectors
      ? isIndustrial(
          sectorHeader ? record[sectorHeader] : undefined,
          apeHeader ? record[apeHeader] : undefined,
        )
      : null;
    if (hasSectors && industrial === null) unknownSector++;
    const entry: UrssafCommuneFigures = communes.get(code) ?? {
      salaries: Object.fromEntries(years.map((y) => [y, null])) as Record<number, number | null>,
      salariesIndustrie: hasSectors
        ? (Object.fromEntries(years.map((y) => [y, null])) as Record<number, number | null>)
        : null,
    };
    for (const { year, header } of yearHeaders) {
      const value = parseCount(record[header]);
      if (value === undefined) {
        errors.add(
          `Ligne ${line}, colonne « ${header} » : valeur « ${record[header]} » qui n'est pas un nombre d'emplois.`,
        );
        continue;
      }
      if (value === null) continue;
      entry.salaries[year] = (entry.salaries[year] ?? 0) + value;
      if (entry.salariesIndustrie) {
        entry.salariesIndustrie[year] = (entry.salariesIndustrie[year] ?? 0) + (industrial ? value : 0);
      }
    }
    communes.set(code, entry);
  });
  if (errors.any) return { ok: false, errors: errors.done() };
  if (communes.size === 0) {
    return { ok: false, errors: [`Le fichier ${URSSAF_NAME} ne contient aucune ligne de commune.`] };
  }
  if (noCode > 0)
    warnings.push(
      `${noCode} ligne${noCode > 1 ? 's' : ''} sans code commune ignorée${noCode > 1 ? 's' : ''}.`,
    );
  if (unknownSector > 0) {
    warnings.push(
      `${unknownSector} ligne${unknownSector > 1 ? 's' : ''} sans secteur ni code APE lisible : comptée${unknownSector > 1 ? 's' : ''} hors industrie.`,
    );
  }
  return {
    ok: true,
    value: { kind: 'urssaf', years, communes, hasSectors, lines: input.records.length, warnings },
  };
}

/** « 2024-T4 », « 2024T4 », « T4 2024 », « 2024-12-31 » → { year, quarter }. */
export function parseQuarter(raw: string | undefined): { year: number; quarter: number } | null {
  const text = (raw ?? '').trim().toUpperCase();
  let m = /^(\d{4})\s*-?\s*T([1-4])$/.exec(text);
  if (m) return { year: Number(m[1]), quarter: Number(m[2]) };
  m = /^T([1-4])\s*-?\s*(\d{4})$/.exec(text);
  if (m) return { year: Number(m[2]), quarter: Number(m[1]) };
  m = /^(\d{4})-(\d{2})(-\d{2})?/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { year: Number(m[1]), quarter: Math.ceil(Number(m[2]) / 3) };
  return null;
}

const isTotal = (value: string | undefined) =>
  ['total', 'ensemble', 'tous', 'toutes'].includes(normalizeText(value ?? ''));
const isAbc = (value: string | undefined) =>
  ['abc', 'a b c', 'categories abc', 'categorie abc', 'cat abc'].includes(normalizeText(value ?? ''));

export function parseDaresDemandeursCommunes(
  input: CsvInput,
  options: ImportOptions & { quarter?: number } = {},
): ImportResult<DaresImport> {
  const quarter = options.quarter ?? 4;
  const index = headerIndex(input.headers);
  const communeHeader = findHeader(index, COMMUNE_ALIASES);
  const valueHeader = findHeader(index, [
    'nombre de demandeurs d emploi',
    'demandeurs d emploi',
    'nombre de demandeurs',
    'nb demandeurs',
    'defm',
  ]);
  const dateHeader = findHeader(index, ['date', 'periode', 'trimestre']);
  const yearHeader = findHeader(index, ['annee']);
  const missing = [
    communeHeader ? null : '« Code commune »',
    valueHeader ? null : "« Nombre de demandeurs d'emploi »",
    dateHeader || yearHeader ? null : '« Date » (trimestre, « 2024-T4 »)',
  ].filter(Boolean);
  if (missing.length > 0) {
    const looksUrssaf = [...index.keys()].some((k) => /^effectifs salaries \d{4}$/.test(k));
    return {
      ok: false,
      errors: [
        `Format non reconnu : ce fichier n'est pas au format ${DARES_NAME}. Colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} : ${missing.join(', ')}. Colonnes trouvées : ${shownHeaders(input.headers)}.${looksUrssaf ? ' Il ressemble à un fichier URSSAF d’effectifs salariés : choisissez ce type d’import.' : ''}`,
      ],
    };
  }
  const categoryHeader = findHeader(index, ['categorie', 'categorie de demandeurs']);
  const sexHeader = findHeader(index, ['sexe']);
  const ageHeader = findHeader(index, ['tranche d age', 'age']);
  const firstLine = options.firstLine ?? 2;
  const errors = new Errors();
  const communes = new Map<string, Record<number, number | null>>();
  const yearsSeen = new Set<number>();
  let kept = 0;
  let abcRows = 0;
  input.records.forEach((record, i) => {
    const line = firstLine + i;
    if (categoryHeader && !isAbc(record[categoryHeader])) return;
    abcRows++;
    if (sexHeader && !isTotal(record[sexHeader])) return;
    if (ageHeader && !isTotal(record[ageHeader])) return;
    const period = dateHeader
      ? parseQuarter(record[dateHeader])
      : /^\d{4}$/.test((record[yearHeader!] ?? '').trim())
        ? { year: Number(record[yearHeader!]), quarter }
        : null;
    if (!period) {
      const h = dateHeader ?? yearHeader!;
      errors.add(
        `Ligne ${line}, colonne « ${h} » : valeur « ${record[h] ?? ''} » qui n'est pas un trimestre (attendu par exemple « 2024-T4 »).`,
      );
      return;
    }
    yearsSeen.add(period.year);
    if (period.quarter !== quarter) return;
    const rawCode = record[communeHeader!] ?? '';
    const code = normalizeCommuneCode(rawCode);
    if (!code) {
      errors.add(
        `Ligne ${line}, colonne « ${communeHeader} » : valeur « ${rawCode} » qui n'est pas un code commune INSEE (5 caractères).`,
      );
      return;
    }
    const value = parseCount(record[valueHeader!]);
    if (value === undefined) {
      errors.add(
        `Ligne ${line}, colonne « ${valueHeader} » : valeur « ${record[valueHeader!]} » qui n'est pas un nombre de demandeurs.`,
      );
      return;
    }
    const series = communes.get(code) ?? {};
    if (value !== null) series[period.year] = (series[period.year] ?? 0) + value;
    else if (!(period.year in series)) series[period.year] = null;
    communes.set(code, series);
    kept++;
  });
  if (errors.any) return { ok: false, errors: errors.done() };
  if (categoryHeader && abcRows === 0 && input.records.length > 0) {
    return {
      ok: false,
      errors: [
        `Aucune ligne de la catégorie « ABC » dans la colonne « ${categoryHeader} » : le fichier ne porte pas sur les demandeurs d'emploi des catégories A, B, C.`,
      ],
    };
  }
  const years = [...new Set([...communes.values()].flatMap((s) => Object.keys(s).map(Number)))].sort(
    (a, b) => a - b,
  );
  checkYears(
    [...yearsSeen].sort((a, b) => a - b),
    "demandeurs d'emploi",
    "de demandeurs d'emploi",
    { ...options, year: undefined },
    errors,
  );
  if (options.year !== undefined && !years.includes(options.year)) {
    errors.add(
      `Le fichier ne contient pas de demandeurs d'emploi du ${quarter}e trimestre ${options.year} : années présentes ${years.length ? `de ${years[0]} à ${years.at(-1)}` : 'aucune'}.`,
    );
  }
  if (errors.any) return { ok: false, errors: errors.done() };
  if (kept === 0) {
    return {
      ok: false,
      errors: [
        `Le fichier ${DARES_NAME} ne contient aucune ligne du ${quarter}e trimestre (total des catégories A, B, C).`,
      ],
    };
  }
  return { ok: true, value: { kind: 'dares', years, communes, lines: input.records.length, warnings: [] } };
}

/**
 * The platform's per-commune data with an import applied: imported years replace the same years,
 * other years are kept; communes new to the data are added. Returns a new Map.
 */
export function applyImport(
  base: ReadonlyMap<string, CommuneEmployment>,
  imported: UrssafImport | DaresImport,
): Map<string, CommuneEmployment> {
  const result = new Map<string, CommuneEmployment>(base);
  const empty = (insee: string): CommuneEmployment => ({
    insee,
    salaries: {},
    salariesIndustrie: {},
    demandeurs: {},
  });
  const merge = (into: YearSeries, from: YearSeries) => ({ ...into, ...from });
  if (imported.kind === 'urssaf') {
    for (const [insee, f] of imported.communes) {
      const current = result.get(insee) ?? empty(insee);
      result.set(insee, {
        ...current,
        salaries: merge(current.salaries, f.salaries),
        salariesIndustrie: f.salariesIndustrie
          ? merge(current.salariesIndustrie, f.salariesIndustrie)
          : current.salariesIndustrie,
      });
    }
  } else {
    for (const [insee, series] of imported.communes) {
      const current = result.get(insee) ?? empty(insee);
      result.set(insee, { ...current, demandeurs: merge(current.demandeurs, series) });
    }
  }
  return result;
}
