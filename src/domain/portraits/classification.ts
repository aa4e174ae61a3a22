// Classes of a choropleth: quantiles or natural breaks (Jenks, computed with ckmeans, its optimal
// and deterministic form), with French legend labels. Missing values get no class and their own
// legend entry « donnée manquante »; never a zero.

import { ckmeans, quantileSorted } from 'simple-statistics';
import { formatNumber } from './format';

export type ClassificationMethod = 'quantiles' | 'jenks';
export const CLASSIFICATION_METHODS: readonly { code: ClassificationMethod; label: string }[] = [
  { code: 'quantiles', label: 'Quantiles (effectifs égaux par classe)' },
  { code: 'jenks', label: 'Seuils naturels (Jenks)' },
];
export const MISSING_VALUE_LABEL = 'donnée manquante';

export interface ClassifyOptions {
  method: ClassificationMethod;
  /** Wanted number of classes (1 to 9). Fewer are made when there are fewer distinct values. */
  classes: number;
  /** Formats a bound in labels; default: French number with 0 decimals for integers, else 1. */
  format?: (value: number) => string;
}

export interface ClassInfo {
  index: number;
  /** Smallest and largest values actually in the class. */
  min: number;
  max: number;
  count: number;
  /** « de 12 500 à 48 300 », or « 12 500 » for a single-valued class. */
  label: string;
}

export interface Classification {
  method: ClassificationMethod;
  classes: ClassInfo[];
  /**
   * Lower bounds of classes 1…n-1 (ascending): a value v is in class i when
   * thresholds[i-1] ≤ v < thresholds[i] — the shape of a MapLibre `step` expression.
   */
  thresholds: number[];
  /** The class of each input value, in input order; null for a missing value. */
  classOf: (number | null)[];
  missingCount: number;
  missingLabel: string;
  /** French note when fewer classes than asked were made, null otherwise. */
  note: string | null;
}

export type ClassifyResult = { ok: true; value: Classification } | { ok: false; error: string };

const isPresent = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function defaultFormat(values: readonly number[]): (v: number) => string {
  const decimals = values.every((v) => Number.isInteger(v)) ? 0 : 1;
  return (v) => formatNumber(v, decimals);
}

/** Upper bounds of each class but the last, from the sorted present values. */
function upperBounds(
  sorted: number[],
  distinct: number[],
  method: ClassificationMethod,
  k: number,
): number[] {
  if (method === 'jenks') {
    return ckmeans(sorted, k)
      .slice(0, -1)
      .map((cluster) => cluster[cluster.length - 1]!);
  }
  const bounds: number[] = [];
  for (let i = 1; i < k; i++) bounds.push(quantileSorted(sorted, i / k));
  // A quantile may fall between two values or repeat: snap each bound to the largest value ≤ it
  // and drop duplicates, so that every class is a non-empty, contiguous run of values.
  const snapped = bounds.map((b) => {
    let best = distinct[0]!;
    for (const d of distinct) if (d <= b) best = d;
    return best;
  });
  return [...new Set(snapped)].filter((b) => b < distinct[distinct.length - 1]!);
}

export function classify(
  values: readonly (number | null | undefined)[],
  options: ClassifyOptions,
): ClassifyResult {
  if (options.method !== 'quantiles' && options.method !== 'jenks') {
    return {
      ok: false,
      error: `Méthode de classification « ${String(options.method)} » inconnue ; attendu : quantiles ou jenks.`,
    };
  }
  if (!Number.isInteger(options.classes) || options.classes < 1 || options.classes > 9) {
    return {
      ok: false,
      error: `Nombre de classes « ${String(options.classes)} » invalide ; attendu un entier de 1 à 9.`,
    };
  }
  const present = values.filter(isPresent);
  const missingCount = values.length - present.length;
  const sorted = [...present].sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const format = options.format ?? defaultFormat(present);
  if (distinct.length === 0) {
    return {
      ok: true,
      value: {
        method: options.method,
        classes: [],
        thresholds: [],
        classOf: values.map(() => null),
        missingCount,
        missingLabel: MISSING_VALUE_LABEL,
        note:
          values.length === 0
            ? 'Aucune valeur à classer.'
            : 'Aucune valeur renseignée : toutes les données sont manquantes.',
      },
    };
  }
  const k = Math.min(options.classes, distinct.length);
  const uppers = k <= 1 ? [] : upperBounds(sorted, distinct, options.method, k);
  const classIndex = (v: number) => {
    let i = 0;
    while (i < uppers.length && v > uppers[i]!) i++;
    return i;
  };
  const members: number[][] = Array.from({ length: uppers.length + 1 }, () => []);
  for (const v of sorted) members[classIndex(v)]!.push(v);
  const classes: ClassInfo[] = members.map((m, index) => {
    const min = m[0]!;
    const max = m[m.length - 1]!;
    return {
      index,
      min,
      max,
      count: m.length,
      label: min === max ? format(min) : `de ${format(min)} à ${format(max)}`,
    };
  });
  let note: string | null = null;
  if (classes.length < options.classes) {
    note =
      distinct.length === 1
        ? `Toutes les valeurs sont égales (${format(distinct[0]!)}) : une seule classe.`
        : `${distinct.length < options.classes ? `Seulement ${distinct.length} valeurs distinctes` : 'Valeurs trop concentrées'} : ${classes.length} classe${classes.length > 1 ? 's' : ''} au lieu de ${options.classes}.`;
  }
  return {
    ok: true,
    value: {
      method: options.method,
      classes,
      thresholds: classes.slice(1).map((c) => c.min),
      classOf: values.map((v) => (isPresent(v) ? classIndex(v) : null)),
      missingCount,
      missingLabel: MISSING_VALUE_LABEL,
      note,
    },
  };
}
