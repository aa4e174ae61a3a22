// Header matching of an imported action plan: our own export's headers and the variants a person
// types (case, accents, spacing, punctuation, singular/plural, « (€) », usual synonyms).

import { ACTION_COLUMNS, COLUMNS_BY_KEY, type ColumnKey } from '../columns';
import { fold } from './values';

/** Header text reduced for comparison: fold() plus units and « (s) » dropped. */
export function foldHeader(header: string): string {
  return fold(header)
    .split(' ')
    .filter((w) => !['s', 'e', 'eur', 'euro', 'ht', 'ttc'].includes(w))
    .join(' ')
    .replace(/ en$/, '');
}

const headerIndex = (() => {
  const index = new Map<string, ColumnKey>();
  for (const c of ACTION_COLUMNS) {
    for (const h of [c.header, ...c.synonyms]) index.set(foldHeader(h), c.key);
  }
  return index;
})();
const headerKeys = [...headerIndex.keys()].sort((a, b) => b.length - a.length);

export interface HeaderMatch {
  /** For each header index, the column it feeds, or null when ignored. */
  mapping: (ColumnKey | null)[];
  /** Headers that match no column: ignored, reported in the preview. */
  unknown: { index: number; header: string }[];
  /** Headers naming a column already named by an earlier header: ignored, reported as errors. */
  duplicates: { index: number; header: string; key: ColumnKey; firstHeader: string }[];
  /** Required columns absent from the file. */
  missing: ColumnKey[];
}

export interface MatchHeadersOptions {
  /** When the import is for one TI, the « Territoire » column is optional. */
  defaultTiId?: string | null;
}

function matchOne(header: string): ColumnKey | undefined {
  const key = foldHeader(header);
  if (key === '') return undefined;
  const exact = headerIndex.get(key);
  if (exact) return exact;
  // « Date de fin prévue (jj/mm/aaaa) », « Statut au 30/11/2024 »: a known header followed by a
  // qualifier. The longest known header that starts the text wins.
  const prefix = headerKeys.find((k) => k.length >= 4 && key.startsWith(`${k} `));
  return prefix ? headerIndex.get(prefix) : undefined;
}

/** Maps each header of a file to a column; reports unknown, duplicated and missing columns. */
export function matchHeaders(headers: readonly unknown[], options: MatchHeadersOptions = {}): HeaderMatch {
  const mapping: (ColumnKey | null)[] = [];
  const unknown: HeaderMatch['unknown'] = [];
  const duplicates: HeaderMatch['duplicates'] = [];
  const firstHeader = new Map<ColumnKey, string>();
  headers.forEach((h, index) => {
    const header = h === null || h === undefined ? '' : String(h).trim();
    const key = matchOne(header);
    if (!key) {
      mapping.push(null);
      if (header !== '') unknown.push({ index, header });
      return;
    }
    const first = firstHeader.get(key);
    if (first !== undefined) {
      mapping.push(null);
      duplicates.push({ index, header, key, firstHeader: first });
      return;
    }
    firstHeader.set(key, header);
    mapping.push(key);
  });
  const required: ColumnKey[] = options.defaultTiId ? ['title'] : ['tiId', 'title'];
  const missing = required.filter((k) => !firstHeader.has(k));
  return { mapping, unknown, duplicates, missing };
}

/** The export header of a column (used to name a missing column in a message). */
export const columnHeader = (key: ColumnKey): string => COLUMNS_BY_KEY.get(key)!.header;
