// The portrait's table: a territory's indicators beside the same indicators for its region, for
// France, for Temps I or for any other set of communes, each value formatted in French with the
// indicator's source and year. Missing values read « donnée manquante », never 0.

import { formatIndicatorValue, INDICATOR_VALUES } from './choropleth';
import { checkIndicator, type IndicatorDefinition, indicatorSourceLine } from './indicators';
import type { TerritoryFigures } from './portrait';

export interface ComparisonColumn {
  key: string;
  /** « Vallée de l'Arve », « Auvergne-Rhône-Alpes », « France », « Temps I ». */
  label: string;
  figures: TerritoryFigures;
}

export interface ComparisonRow {
  indicator: IndicatorDefinition;
  cells: { key: string; value: number | string | null; display: string }[];
  source: string;
}

export type ComparisonResult = { ok: true; value: ComparisonRow[] } | { ok: false; error: string };

/** One row per indicator (in the order given), one cell per column. */
export function comparisonTable(
  indicatorCodes: readonly string[],
  columns: readonly ComparisonColumn[],
): ComparisonResult {
  const rows: ComparisonRow[] = [];
  for (const code of indicatorCodes) {
    const checked = checkIndicator(code);
    if (!checked.ok) return checked;
    const indicator = checked.value;
    const read = INDICATOR_VALUES[indicator.code]!;
    rows.push({
      indicator,
      cells: columns.map((c) => {
        const value = read(c.figures);
        return { key: c.key, value, display: formatIndicatorValue(indicator, value) };
      }),
      source: indicatorSourceLine(indicator),
    });
  }
  return { ok: true, value: rows };
}
