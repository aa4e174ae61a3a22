// The catalogue of the indicators a thematic map or a portrait can show: code (stable, used in
// URLs and the API), French label, unit, kind, source and year, the levels it exists at and its
// default classification. Category indicators carry their classes, defined once in
// employment.ts and typologies.ts.

import type { ClassificationMethod } from './classification';
import { EMPLOYMENT_TYPOLOGY, SHIPPED_EMPLOYMENT_YEARS, TREND_PERIODS } from './employment';
import { type SourceCode, sourceLine } from './sources';
import { URBAN_RURAL_TYPOLOGY } from './typologies';

export type IndicatorKind = 'count' | 'share' | 'evolution' | 'category';
export const MAP_LEVELS = [
  { code: 'ti', label: "Territoires d'industrie" },
  { code: 'epci', label: 'Intercommunalités (EPCI)' },
] as const;
export type MapLevel = (typeof MAP_LEVELS)[number]['code'];

export interface IndicatorDefinition {
  code: string;
  label: string;
  /** Unit shown after the value; null for a category. */
  unit: string | null;
  kind: IndicatorKind;
  /** Decimals shown for the value (shares and evolutions: 1). */
  decimals: number;
  source: SourceCode;
  /** Year (or period) of the data. */
  year: string;
  description: string;
  levels: readonly MapLevel[];
  /** Default classification of a choropleth; null for categories (one colour per class). */
  defaultClassification: { method: ClassificationMethod; classes: number } | null;
  categories?: readonly { code: string; label: string; explanation: string }[];
}

const { avant2020, depuis2020 } = TREND_PERIODS;
const lastYear = SHIPPED_EMPLOYMENT_YEARS.salaries.at(-1)!;
const industryYear = SHIPPED_EMPLOYMENT_YEARS.industrie;
const bothLevels = ['ti', 'epci'] as const;

export const INDICATORS = [
  {
    code: 'population',
    label: 'Population municipale',
    unit: 'habitants',
    kind: 'count',
    decimals: 0,
    source: 'insee_population',
    year: 'COG 2023',
    description: 'Somme des populations municipales des communes du territoire.',
    levels: bothLevels,
    defaultClassification: { method: 'jenks', classes: 5 },
  },
  {
    code: 'salaries-2022',
    label: 'Emplois salariés privés en 2022',
    unit: 'emplois',
    kind: 'count',
    decimals: 0,
    source: 'urssaf',
    year: '2022',
    description:
      "Effectifs salariés du secteur privé au 31 décembre 2022, tous secteurs : l'année des chiffres publiés au lancement du Temps II.",
    levels: bothLevels,
    defaultClassification: { method: 'jenks', classes: 5 },
  },
  {
    code: `salaries-${lastYear}`,
    label: `Emplois salariés privés en ${lastYear}`,
    unit: 'emplois',
    kind: 'count',
    decimals: 0,
    source: 'urssaf',
    year: String(lastYear),
    description: `Effectifs salariés du secteur privé au 31 décembre ${lastYear}, tous secteurs.`,
    levels: bothLevels,
    defaultClassification: { method: 'jenks', classes: 5 },
  },
  {
    code: `salaries-industrie-${industryYear}`,
    label: `Emplois salariés industriels en ${industryYear}`,
    unit: 'emplois',
    kind: 'count',
    decimals: 0,
    source: 'urssaf',
    year: String(industryYear),
    description: `Effectifs salariés du secteur privé au 31 décembre ${industryYear} dans le grand secteur « Industrie ».`,
    levels: bothLevels,
    defaultClassification: { method: 'jenks', classes: 5 },
  },
  {
    code: `part-industrie-${industryYear}`,
    label: `Part de l'emploi industriel en ${industryYear}`,
    unit: '%',
    kind: 'share',
    decimals: 1,
    source: 'urssaf',
    year: String(industryYear),
    description: `Emplois salariés industriels rapportés à l'ensemble des emplois salariés privés, au 31 décembre ${industryYear}.`,
    levels: bothLevels,
    defaultClassification: { method: 'quantiles', classes: 5 },
  },
  {
    code: 'evolution-avant-2020',
    label: `Évolution de l'emploi salarié ${avant2020.from}-${avant2020.to}`,
    unit: '%',
    kind: 'evolution',
    decimals: 1,
    source: 'urssaf',
    year: `${avant2020.from}-${avant2020.to}`,
    description: `Évolution des effectifs salariés privés du 31 décembre ${avant2020.from} au 31 décembre ${avant2020.to} (avant 2020).`,
    levels: bothLevels,
    defaultClassification: { method: 'quantiles', classes: 5 },
  },
  {
    code: 'evolution-depuis-2020',
    label: `Évolution de l'emploi salarié ${depuis2020.from}-${depuis2020.to}`,
    unit: '%',
    kind: 'evolution',
    decimals: 1,
    source: 'urssaf',
    year: `${depuis2020.from}-${depuis2020.to}`,
    description: `Évolution des effectifs salariés privés du 31 décembre ${depuis2020.from} au 31 décembre ${depuis2020.to} (depuis 2020).`,
    levels: bothLevels,
    defaultClassification: { method: 'quantiles', classes: 5 },
  },
  {
    code: 'typologie-emploi',
    label: 'Trajectoire de l’emploi : dynamique, rebond, ralentissement, fragile',
    unit: null,
    kind: 'category',
    decimals: 0,
    source: 'urssaf',
    year: `${avant2020.from}-${depuis2020.to}`,
    description: 'Croise l’évolution de l’emploi salarié avant 2020 et depuis 2020.',
    levels: bothLevels,
    defaultClassification: null,
    categories: EMPLOYMENT_TYPOLOGY,
  },
  {
    code: 'demandeurs-emploi',
    label: `Demandeurs d'emploi (A, B, C) fin ${SHIPPED_EMPLOYMENT_YEARS.demandeurs.at(-1)}`,
    unit: 'demandeurs',
    kind: 'count',
    decimals: 0,
    source: 'dares',
    year: String(SHIPPED_EMPLOYMENT_YEARS.demandeurs.at(-1)),
    description:
      "Demandeurs d'emploi inscrits en catégories A, B et C au 4e trimestre, arrondis à 5 par commune.",
    levels: bothLevels,
    defaultClassification: { method: 'jenks', classes: 5 },
  },
  {
    code: 'part-population-rurale',
    label: 'Part de la population en commune rurale',
    unit: '%',
    kind: 'share',
    decimals: 1,
    source: 'insee_densite',
    year: '2024',
    description:
      "Population des communes rurales (niveaux 5 à 7 de la grille de densité de l'INSEE) sur la population totale.",
    levels: bothLevels,
    defaultClassification: { method: 'quantiles', classes: 5 },
  },
  {
    code: 'densite',
    label: 'Typologie urbain / rural',
    unit: null,
    kind: 'category',
    decimals: 0,
    source: 'insee_densite',
    year: '2024',
    description:
      "Territoire à dominante urbaine ou rurale selon la grille communale de densité de l'INSEE, pondérée par la population.",
    levels: bothLevels,
    defaultClassification: null,
    categories: URBAN_RURAL_TYPOLOGY,
  },
  {
    code: 'nb-actions',
    label: "Nombre d'actions du plan d'action",
    unit: 'actions',
    kind: 'count',
    decimals: 0,
    source: 'plans_action',
    year: 'dernière campagne',
    description: "Nombre de fiches action du plan d'action du territoire, actions abandonnées comprises.",
    levels: ['ti'],
    defaultClassification: { method: 'jenks', classes: 5 },
  },
  {
    code: 'part-realise',
    label: 'Part des actions réalisées',
    unit: '%',
    kind: 'share',
    decimals: 1,
    source: 'plans_action',
    year: 'dernière campagne',
    description:
      'Actions au statut « Réalisé » rapportées à toutes les actions du plan (statut non renseigné compris).',
    levels: ['ti'],
    defaultClassification: { method: 'quantiles', classes: 4 },
  },
  {
    code: 'part-bloque',
    label: 'Part des actions en pause / à débloquer',
    unit: '%',
    kind: 'share',
    decimals: 1,
    source: 'plans_action',
    year: 'dernière campagne',
    description:
      'Actions au statut « En pause / à débloquer » rapportées à toutes les actions du plan (statut non renseigné compris).',
    levels: ['ti'],
    defaultClassification: { method: 'quantiles', classes: 4 },
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorCode = (typeof INDICATORS)[number]['code'];

const byCode = new Map<string, IndicatorDefinition>(INDICATORS.map((i) => [i.code, i]));

export const isIndicatorCode = (code: string): code is IndicatorCode => byCode.has(code);

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates an indicator code (and, if given, the map level); French error otherwise. */
export function checkIndicator(code: unknown, level?: unknown): Checked<IndicatorDefinition> {
  const indicator = typeof code === 'string' ? byCode.get(code) : undefined;
  if (!indicator) {
    return {
      ok: false,
      error: `Indicateur « ${String(code ?? '')} » inconnu ; attendu l'un de : ${INDICATORS.map((i) => i.code).join(', ')}.`,
    };
  }
  if (level !== undefined) {
    const checkedLevel = checkMapLevel(level);
    if (!checkedLevel.ok) return checkedLevel;
    if (!(indicator.levels as readonly string[]).includes(checkedLevel.value)) {
      return {
        ok: false,
        error: `L'indicateur « ${indicator.label} » n'existe pas au niveau « ${MAP_LEVELS.find((l) => l.code === checkedLevel.value)!.label} » ; niveaux disponibles : ${indicator.levels.join(', ')}.`,
      };
    }
  }
  return { ok: true, value: indicator };
}

export function checkMapLevel(level: unknown): Checked<MapLevel> {
  const found = MAP_LEVELS.find((l) => l.code === level);
  if (!found) {
    return {
      ok: false,
      error: `Niveau « ${String(level ?? '')} » inconnu ; attendu l'un de : ${MAP_LEVELS.map((l) => l.code).join(', ')}.`,
    };
  }
  return { ok: true, value: found.code };
}

/** « Source : URSSAF, … (2025) » for an indicator. */
export const indicatorSourceLine = (indicator: IndicatorDefinition): string =>
  sourceLine(indicator.source, indicator.year);
