// A thematic map's content, without the drawing: for a chosen indicator and level, each
// territory's value, its class and its display text (the table twin of the map), the legend with
// computed classes and counts, and the source line. The web draws it; the open-data export
// serialises the same rows.

import {
  type Classification,
  type ClassificationMethod,
  classify,
  MISSING_VALUE_LABEL,
} from './classification';
import { SHIPPED_EMPLOYMENT_YEARS } from './employment';
import { formatNumber, formatPercent, formatSignedPercent } from './format';
import {
  checkIndicator,
  INDICATORS,
  type IndicatorDefinition,
  indicatorSourceLine,
  type MapLevel,
} from './indicators';
import type { TerritoryFigures } from './portrait';

type Value = number | string | null;

const industryYear = SHIPPED_EMPLOYMENT_YEARS.industrie;
const lastYear = SHIPPED_EMPLOYMENT_YEARS.salaries.at(-1)!;

/** How each indicator reads a territory's figures. Kept beside the catalogue by a test. */
export const INDICATOR_VALUES: Readonly<Record<string, (f: TerritoryFigures) => Value>> = {
  population: (f) => f.population.value,
  'salaries-2022': (f) => f.emploi.salariesParAnnee[2022] ?? null,
  [`salaries-${lastYear}`]: (f) => f.emploi.salariesParAnnee[lastYear] ?? null,
  [`salaries-industrie-${industryYear}`]: (f) => f.emploi.salariesIndustrie.value,
  [`part-industrie-${industryYear}`]: (f) => f.emploi.partIndustrie.value,
  'evolution-avant-2020': (f) => f.emploi.evolutionAvant2020.changePct,
  'evolution-depuis-2020': (f) => f.emploi.evolutionDepuis2020.changePct,
  'typologie-emploi': (f) => f.emploi.typologie,
  'demandeurs-emploi': (f) => f.emploi.demandeurs.value,
  'part-population-rurale': (f) => f.urbainRural.partPopulationRurale,
  densite: (f) => f.urbainRural.code,
  'nb-actions': (f) => f.planAction?.total ?? null,
  'part-realise': (f) => f.planAction?.partRealise ?? null,
  'part-bloque': (f) => f.planAction?.partBloque ?? null,
};

/** The value of an indicator as a French text (« 12 500 », « 18,2 % », « +3,4 % », « Rebond »). */
export function formatIndicatorValue(
  indicator: IndicatorDefinition,
  value: Value,
  decimals: number = indicator.decimals,
): string {
  if (value === null) return MISSING_VALUE_LABEL;
  if (typeof value === 'string') return indicator.categories?.find((c) => c.code === value)?.label ?? value;
  if (indicator.kind === 'evolution') return formatSignedPercent(value, decimals);
  if (indicator.unit === '%') return formatPercent(value, decimals);
  return formatNumber(value, decimals);
}

export interface ChoroplethTerritory {
  id: string;
  label: string;
  figures: TerritoryFigures;
}

export interface ChoroplethRow {
  id: string;
  label: string;
  value: Value;
  /** The value as shown in the table twin. */
  display: string;
  /** Index into `legend` of the non-missing entries; null for a missing value. */
  classIndex: number | null;
  classLabel: string;
}

export interface Choropleth {
  indicator: IndicatorDefinition;
  level: MapLevel;
  method: ClassificationMethod | null;
  legend: { classIndex: number | null; label: string; count: number }[];
  thresholds: number[];
  rows: ChoroplethRow[];
  note: string | null;
  source: string;
}

export interface ChoroplethOptions {
  indicator: string;
  level: string;
  method?: ClassificationMethod;
  classes?: number;
}

export type ChoroplethResult = { ok: true; value: Choropleth } | { ok: false; error: string };

export function buildChoropleth(
  territories: readonly ChoroplethTerritory[],
  options: ChoroplethOptions,
): ChoroplethResult {
  const checked = checkIndicator(options.indicator, options.level);
  if (!checked.ok) return checked;
  const indicator = checked.value;
  const read = INDICATOR_VALUES[indicator.code];
  if (!read) return { ok: false, error: `L'indicateur « ${indicator.label} » n'a pas encore de calcul.` };
  const values = territories.map((t) => read(t.figures));
  const base = {
    indicator,
    level: options.level as MapLevel,
    source: indicatorSourceLine(indicator),
  };
  const missingEntry = (count: number) =>
    count > 0 ? [{ classIndex: null, label: MISSING_VALUE_LABEL, count }] : [];

  if (indicator.kind === 'category') {
    const categories = indicator.categories ?? [];
    const index = (v: Value) => (typeof v === 'string' ? categories.findIndex((c) => c.code === v) : -1);
    const rows = territories.map((t, i) => {
      const k = index(values[i]!);
      return {
        id: t.id,
        label: t.label,
        value: values[i]!,
        display: formatIndicatorValue(indicator, values[i]!),
        classIndex: k >= 0 ? k : null,
        classLabel: k >= 0 ? categories[k]!.label : MISSING_VALUE_LABEL,
      };
    });
    const missing = rows.filter((r) => r.classIndex === null).length;
    return {
      ok: true,
      value: {
        ...base,
        method: null,
        legend: [
          ...categories.map((c, k) => ({
            classIndex: k,
            label: c.label,
            count: rows.filter((r) => r.classIndex === k).length,
          })),
          ...missingEntry(missing),
        ],
        thresholds: [],
        rows,
        note: null,
      },
    };
  }

  const numbers = values.map((v) => (typeof v === 'number' ? v : null));
  const defaults = indicator.defaultClassification ?? { method: 'quantiles' as const, classes: 5 };
  const classifyWith = (decimals: number) =>
    classify(numbers, {
      method: options.method ?? defaults.method,
      classes: options.classes ?? defaults.classes,
      format: (v) => formatIndicatorValue(indicator, v, decimals),
    });
  // Two classes must not read the same bound once rounded (« … à +5,9 % » then « de +5,9 % … »):
  // add a decimal, up to two, until the legend's bounds are distinct.
  let classified = classifyWith(indicator.decimals);
  for (
    let extra = 1;
    extra <= 2 && classified.ok && hasCollidingBounds(classified.value, indicator, extra - 1);
    extra++
  ) {
    classified = classifyWith(indicator.decimals + extra);
  }
  if (!classified.ok) return classified;
  const c = classified.value;
  return {
    ok: true,
    value: {
      ...base,
      method: c.method,
      legend: [
        ...c.classes.map((k) => ({ classIndex: k.index, label: k.label, count: k.count })),
        ...missingEntry(c.missingCount),
      ],
      thresholds: c.thresholds,
      rows: territories.map((t, i) => {
        const k = c.classOf[i] ?? null;
        return {
          id: t.id,
          label: t.label,
          value: numbers[i]!,
          display: formatIndicatorValue(indicator, numbers[i]!),
          classIndex: k,
          classLabel: k === null ? MISSING_VALUE_LABEL : c.classes[k]!.label,
        };
      }),
      note: c.note,
    },
  };
}

function hasCollidingBounds(c: Classification, indicator: IndicatorDefinition, extra: number): boolean {
  const f = (v: number) => formatIndicatorValue(indicator, v, indicator.decimals + extra);
  return c.classes.some((k, i) => i > 0 && f(c.classes[i - 1]!.max) === f(k.min));
}

/** Every indicator code has a reader: checked by the tests, listed here for the API. */
export const MAP_INDICATORS = INDICATORS.filter((i) => i.code in INDICATOR_VALUES);
