// Salaried employment of a territory from per-commune series: sums per year, trends before and
// since 2020, the industrial share and the « dynamique / rebond / ralentissement / fragile »
// typology of the programme's portraits.
//
// Missing is never zero. A commune with no figure for a year (Mayotte: URSSAF publishes nothing
// there; a commune with no private employer is absent from the files) is listed, and a territory
// none of whose communes has a figure gets `null` and the words « donnée non disponible ».

import { SOURCES, type SourceCode } from './sources';

/** Values per year; `null` (or an absent year) = no published figure. */
export type YearSeries = Readonly<Record<number, number | null>>;

export interface CommuneEmployment {
  insee: string;
  /** Private salaried jobs at 31 December (URSSAF). */
  salaries: YearSeries;
  /** Industrial salaried jobs at 31 December (URSSAF « Industrie » sector); the shipped files have 2025 only. */
  salariesIndustrie: YearSeries;
  /** Job seekers A+B+C, 4th quarter (DARES), rounded to 5 by the producer. */
  demandeurs: YearSeries;
}

export const MISSING_DATA_LABEL = 'donnée non disponible';

export interface AggregatedEmployment {
  salaries: Record<number, number | null>;
  salariesIndustrie: Record<number, number | null>;
  demandeurs: Record<number, number | null>;
  /** Number of communes asked for. */
  communesCount: number;
  /** Communes absent from the employment data (no record at all). */
  communesAbsentes: string[];
  /** Communes present but with no salaried-job figure for some year of `years`, per year. */
  communesSansSalaries: Record<number, string[]>;
}

const uniqueSorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

function sumSeries(
  parts: readonly YearSeries[],
  years: readonly number[],
): { sums: Record<number, number | null>; missing: Record<number, number[]> } {
  const sums: Record<number, number | null> = {};
  const missing: Record<number, number[]> = {};
  for (const year of years) {
    let sum: number | null = null;
    const lacking: number[] = [];
    parts.forEach((series, index) => {
      const value = series[year];
      if (value === null || value === undefined || Number.isNaN(value)) lacking.push(index);
      else sum = (sum ?? 0) + value;
    });
    sums[year] = sum;
    missing[year] = lacking;
  }
  return { sums, missing };
}

/**
 * Sums the series of a set of communes (a TI, an EPCI, a region, France) for the given years.
 * A year with no figure for any commune stays `null` (« donnée non disponible »), never 0.
 */
export function aggregateEmployment(
  communeCodes: Iterable<string>,
  data: ReadonlyMap<string, CommuneEmployment>,
  years: { salaries: readonly number[]; demandeurs: readonly number[] },
): AggregatedEmployment {
  const codes = uniqueSorted(communeCodes);
  const present: CommuneEmployment[] = [];
  const communesAbsentes: string[] = [];
  for (const code of codes) {
    const row = data.get(code);
    if (row) present.push(row);
    else communesAbsentes.push(code);
  }
  const salaries = sumSeries(
    present.map((c) => c.salaries),
    years.salaries,
  );
  // Industrial jobs only count where the total exists: a commune with no total (Mayotte) has no
  // meaningful industrial figure either, whatever the file says.
  const industrie = sumSeries(
    present.map((c) =>
      Object.fromEntries(
        years.salaries.map((y) => [y, c.salaries[y] == null ? null : (c.salariesIndustrie[y] ?? null)]),
      ),
    ),
    years.salaries,
  );
  const demandeurs = sumSeries(
    present.map((c) => c.demandeurs),
    years.demandeurs,
  );
  const communesSansSalaries: Record<number, string[]> = {};
  for (const year of years.salaries) {
    communesSansSalaries[year] = (salaries.missing[year] ?? []).map((i) => present[i]!.insee);
  }
  return {
    salaries: salaries.sums,
    salariesIndustrie: industrie.sums,
    demandeurs: demandeurs.sums,
    communesCount: codes.length,
    communesAbsentes,
    communesSansSalaries,
  };
}

/** Share of industrial jobs in all salaried jobs, in % (null when either is missing or the total is 0). */
export function industrialShare(
  total: number | null | undefined,
  industrial: number | null | undefined,
): number | null {
  if (total == null || industrial == null || total <= 0) return null;
  return (industrial / total) * 100;
}

// --- Trends ---------------------------------------------------------------------------------

export interface TrendPeriod {
  code: 'avant-2020' | 'depuis-2020';
  from: number;
  to: number;
  label: string;
}

/**
 * « Before 2020 » and « since 2020 », as in the portraits (« les territoires qui ont perdu de
 * l'emploi industriel avant 2020 et qui en recréent depuis »). URSSAF figures are stocks at
 * 31 December, so the stock at 31/12/2019 is the employment at the turn of 2020: before 2020 is
 * 31/12/2015 → 31/12/2019 (the first year of the shipped series to the last before 2020), since
 * 2020 is 31/12/2019 → 31/12/2025 (the latest year). Starting « since » at 31/12/2020 would start
 * from the Covid low and turn the mere recovery of 2021 into a rebound.
 */
export const TREND_PERIODS = {
  avant2020: { code: 'avant-2020', from: 2015, to: 2019, label: 'avant 2020 (fin 2015 → fin 2019)' },
  depuis2020: { code: 'depuis-2020', from: 2019, to: 2025, label: 'depuis 2020 (fin 2019 → fin 2025)' },
} as const satisfies Record<string, TrendPeriod>;

export interface Trend {
  from: number;
  to: number;
  startValue: number | null;
  endValue: number | null;
  /** Change in jobs (end − start), null when a bound is missing. */
  change: number | null;
  /** Change in % of the start value, null when a bound is missing or the start is 0. */
  changePct: number | null;
  /** French reason when the trend cannot be computed. */
  missing: string | null;
}

export function computeTrend(series: YearSeries, from: number, to: number): Trend {
  const startValue = series[from] ?? null;
  const endValue = series[to] ?? null;
  if (startValue === null || endValue === null) {
    const lacking = [startValue === null ? from : null, endValue === null ? to : null].filter(
      (y) => y !== null,
    );
    return {
      from,
      to,
      startValue,
      endValue,
      change: null,
      changePct: null,
      missing: `${MISSING_DATA_LABEL} pour ${lacking.join(' et ')}`,
    };
  }
  const change = endValue - startValue;
  return {
    from,
    to,
    startValue,
    endValue,
    change,
    changePct: startValue > 0 ? (change / startValue) * 100 : null,
    missing: startValue > 0 ? null : `évolution en % non calculable : aucun emploi en ${from}`,
  };
}

// --- Dynamic vs fragile typology --------------------------------------------------------------

export const EMPLOYMENT_TYPOLOGY = [
  {
    code: 'dynamique',
    label: 'Dynamique',
    explanation:
      "Le territoire a gagné des emplois salariés avant 2020 et continue d'en gagner depuis : une trajectoire historiquement dynamique.",
  },
  {
    code: 'rebond',
    label: 'Rebond',
    explanation:
      "Le territoire a perdu (ou n'a pas gagné) des emplois salariés avant 2020 et en recrée depuis : il a inversé la tendance.",
  },
  {
    code: 'ralentissement',
    label: 'Ralentissement',
    explanation:
      "Le territoire a gagné des emplois salariés avant 2020 mais n'en gagne plus depuis : sa dynamique s'est interrompue.",
  },
  {
    code: 'fragile',
    label: 'Fragile',
    explanation:
      "Le territoire a perdu (ou n'a pas gagné) des emplois salariés avant 2020 et continue d'en perdre depuis : il n'a pas encore amorcé de reprise.",
  },
  {
    code: 'non-disponible',
    label: 'Donnée non disponible',
    explanation:
      "L'évolution de l'emploi salarié ne peut pas être calculée : les effectifs salariés ne sont pas publiés pour ce territoire (par exemple Mayotte) ou pour l'une des années de référence.",
  },
] as const;
export type EmploymentTypologyCode = (typeof EMPLOYMENT_TYPOLOGY)[number]['code'];

/**
 * The rule, in French, shown beside the map and the portrait. It names the indicator: the
 * shipped URSSAF files give industrial jobs for 2025 only, so the typology reads total private
 * salaried employment; the same rule applies to an industrial series once imported.
 */
export function employmentTypologyRule(basis: 'salaries' | 'salaries-industrie' = 'salaries'): string {
  const what = basis === 'salaries' ? 'emploi salarié privé (tous secteurs)' : 'emploi salarié industriel';
  const { avant2020, depuis2020 } = TREND_PERIODS;
  return (
    `Typologie calculée sur l'${what}, ${SOURCES.urssaf.label}. ` +
    `« Avant 2020 » = évolution du ${avant2020.from} au ${avant2020.to} (effectifs au 31 décembre) ; ` +
    `« depuis 2020 » = évolution du ${depuis2020.from} au ${depuis2020.to}. ` +
    'Un territoire « gagne » des emplois sur une période si ses effectifs augmentent strictement ; ' +
    'une baisse ou une stagnation compte comme « ne gagne pas ». ' +
    'Dynamique = gagne avant et depuis ; rebond = ne gagne pas avant, gagne depuis ; ' +
    'ralentissement = gagne avant, ne gagne plus depuis ; fragile = ne gagne ni avant ni depuis.'
  );
}

export interface TypologyOptions {
  /** Growth (in %) above which a period counts as « gagne ». Default 0: any strict increase. */
  minGrowthPct?: number;
}

function grew(trend: Trend, minGrowthPct: number): boolean | null {
  if (trend.change === null) return null;
  if (minGrowthPct === 0) return trend.change > 0;
  if (trend.changePct === null) return trend.change > 0;
  return trend.changePct > minGrowthPct;
}

export function classifyEmploymentTrend(
  before: Trend,
  since: Trend,
  options: TypologyOptions = {},
): EmploymentTypologyCode {
  const threshold = options.minGrowthPct ?? 0;
  const b = grew(before, threshold);
  const s = grew(since, threshold);
  if (b === null || s === null) return 'non-disponible';
  if (b && s) return 'dynamique';
  if (!b && s) return 'rebond';
  if (b && !s) return 'ralentissement';
  return 'fragile';
}

export function employmentTypology(code: EmploymentTypologyCode) {
  return EMPLOYMENT_TYPOLOGY.find((t) => t.code === code)!;
}

// --- A territory's employment figures, each with its source and year --------------------------

/** A figure as a page shows it: value, unit, year, source; `missing` says why the value is null. */
export interface Figure {
  value: number | null;
  unit: string;
  /** Year of the data (a vintage such as « COG 2023 » when there is no single year). */
  year: number | string;
  source: SourceCode;
  missing: string | null;
}

export const figure = (
  value: number | null,
  unit: string,
  year: number | string,
  source: SourceCode,
): Figure => ({
  value,
  unit,
  year,
  source,
  missing: value === null ? MISSING_DATA_LABEL : null,
});

export interface EmploymentPortrait {
  salariesParAnnee: Record<number, number | null>;
  demandeursParAnnee: Record<number, number | null>;
  salaries: Figure;
  salariesIndustrie: Figure;
  partIndustrie: Figure;
  demandeurs: Figure;
  evolutionAvant2020: Trend;
  evolutionDepuis2020: Trend;
  typologie: EmploymentTypologyCode;
  communesCount: number;
  communesAbsentes: string[];
  /** French sentence when some or all figures are missing, null when complete. */
  avertissement: string | null;
}

export interface EmploymentYears {
  /** Years of the salaried series (2015 … 2025 in the shipped files). */
  salaries: readonly number[];
  /** Years of the job seekers series (2015 … 2024). */
  demandeurs: readonly number[];
  /** The year for which industrial jobs exist (2025 in the shipped files). */
  industrie: number;
}

export const SHIPPED_EMPLOYMENT_YEARS: EmploymentYears = {
  salaries: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
  demandeurs: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
  industrie: 2025,
};

/**
 * The years the data actually holds (after an import they may go past the shipped ones): every
 * year with at least one figure, and the latest year with industrial figures.
 */
export function employmentYears(data: ReadonlyMap<string, CommuneEmployment>): EmploymentYears {
  const salaries = new Set<number>();
  const demandeurs = new Set<number>();
  let industrie: number | null = null;
  for (const c of data.values()) {
    for (const [y, v] of Object.entries(c.salaries)) if (v != null) salaries.add(Number(y));
    for (const [y, v] of Object.entries(c.demandeurs)) if (v != null) demandeurs.add(Number(y));
    for (const [y, v] of Object.entries(c.salariesIndustrie)) {
      if (v != null && c.salaries[Number(y)] != null && (industrie === null || Number(y) > industrie))
        industrie = Number(y);
    }
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  const salariesYears = sorted(salaries);
  return {
    salaries: salariesYears.length ? salariesYears : SHIPPED_EMPLOYMENT_YEARS.salaries,
    demandeurs: demandeurs.size ? sorted(demandeurs) : SHIPPED_EMPLOYMENT_YEARS.demandeurs,
    industrie: industrie ?? salariesYears.at(-1) ?? SHIPPED_EMPLOYMENT_YEARS.industrie,
  };
}

/** All the employment figures of one territory, ready for a portrait page. */
export function buildEmploymentPortrait(
  communeCodes: Iterable<string>,
  data: ReadonlyMap<string, CommuneEmployment>,
  years: EmploymentYears = SHIPPED_EMPLOYMENT_YEARS,
  options: TypologyOptions = {},
): EmploymentPortrait {
  const agg = aggregateEmployment(communeCodes, data, years);
  const lastSalaries = years.salaries.at(-1)!;
  const lastDemandeurs = years.demandeurs.at(-1) ?? null;
  const total = agg.salaries[years.industrie] ?? null;
  const industrial = agg.salariesIndustrie[years.industrie] ?? null;
  const before = computeTrend(agg.salaries, TREND_PERIODS.avant2020.from, TREND_PERIODS.avant2020.to);
  // « Since 2020 » runs to the latest year of the data: 2025 shipped, later once a newer file is imported.
  const since = computeTrend(
    agg.salaries,
    TREND_PERIODS.depuis2020.from,
    Math.max(lastSalaries, TREND_PERIODS.depuis2020.from),
  );
  const salaries = figure(agg.salaries[lastSalaries] ?? null, 'emplois', lastSalaries, 'urssaf');
  let avertissement: string | null = null;
  if (salaries.value === null) {
    avertissement =
      'Effectifs salariés : donnée non disponible pour ce territoire (non publiée par l’URSSAF pour ses communes).';
  } else if (agg.communesAbsentes.length > 0 || (agg.communesSansSalaries[lastSalaries]?.length ?? 0) > 0) {
    const n = agg.communesAbsentes.length + (agg.communesSansSalaries[lastSalaries]?.length ?? 0);
    avertissement = `${n} commune${n > 1 ? 's' : ''} sur ${agg.communesCount} sans effectif salarié publié en ${lastSalaries} (aucun employeur privé déclaré ou donnée non diffusée) : le total porte sur les autres communes.`;
  }
  return {
    salariesParAnnee: agg.salaries,
    demandeursParAnnee: agg.demandeurs,
    salaries,
    salariesIndustrie: figure(industrial, 'emplois', years.industrie, 'urssaf'),
    partIndustrie: figure(industrialShare(total, industrial), '%', years.industrie, 'urssaf'),
    demandeurs: figure(
      lastDemandeurs === null ? null : (agg.demandeurs[lastDemandeurs] ?? null),
      'demandeurs',
      lastDemandeurs ?? MISSING_DATA_LABEL,
      'dares',
    ),
    evolutionAvant2020: before,
    evolutionDepuis2020: since,
    typologie: classifyEmploymentTrend(before, since, options),
    communesCount: agg.communesCount,
    communesAbsentes: agg.communesAbsentes,
    avertissement,
  };
}

/**
 * A row of data/reference/emploi/emploi_communes.csv (as csv-parse gives it) to a
 * CommuneEmployment. An empty cell is a missing figure (Mayotte), not a zero; the industrial
 * figure of a commune with no total is missing too (the file writes 0 there).
 */
export function parseEmploiCommuneRecord(
  record: Readonly<Record<string, string | undefined>>,
): CommuneEmployment {
  const read = (key: string): number | null => {
    const text = (record[key] ?? '').trim();
    if (text === '') return null;
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
  };
  const salaries: Record<number, number | null> = {};
  const salariesIndustrie: Record<number, number | null> = {};
  const demandeurs: Record<number, number | null> = {};
  for (const [key] of Object.entries(record)) {
    let m = /^salaries_(\d{4})$/.exec(key);
    if (m) salaries[Number(m[1])] = read(key);
    m = /^salaries_industrie_(\d{4})$/.exec(key);
    if (m) salariesIndustrie[Number(m[1])] = read(key);
    m = /^demandeurs_abc_t4_(\d{4})$/.exec(key);
    if (m) demandeurs[Number(m[1])] = read(key);
  }
  for (const year of Object.keys(salariesIndustrie).map(Number)) {
    if (salaries[year] == null) salariesIndustrie[year] = null;
  }
  return { insee: (record.insee_com ?? '').trim(), salaries, salariesIndustrie, demandeurs };
}
