// Comparison of two campaigns (usually two frozen snapshots): counts by axis, thématique, statut and
// region side by side; actions new, gone, abandoned, completed; the transition matrix of statuts.
// The server computes the same aggregates in SQL at 100× the data (a few GROUP BY over the
// snapshots); `aggregateComparison` is the reference implementation on rows, used by the tests to
// check the SQL, and `assembleComparison` turns aggregates into the API's answer in one place.

import {
  AXES,
  axeLabel,
  NON_RENSEIGNE,
  STATUTS_REPORTED,
  type StatutReportedCode,
  statutLabel,
  THEMATIQUES,
  thematiqueLabel,
} from '../actions/vocabulary';

/** An action as a campaign saw it (a snapshot row, or a live action for an open campaign). */
export interface SnapshotRow {
  action: string;
  territoire: string;
  region: string;
  axe: string;
  thematiques: readonly string[];
  statut: string | null;
}

export type Dimension = 'axe' | 'thematique' | 'statut' | 'region';
export const DIMENSIONS: readonly Dimension[] = ['axe', 'thematique', 'statut', 'region'];

/** 'absente': the action was not in that campaign (created after, or archived before). */
export type TransitionEnd = StatutReportedCode | 'absente';

export interface ComparisonAggregates {
  totals: { de: number; a: number };
  counts: { dimension: Dimension; key: string; de: number; a: number }[];
  transitions: { from: TransitionEnd; to: TransitionEnd; count: number }[];
}

const reported = (statut: string | null): StatutReportedCode =>
  (statut ?? NON_RENSEIGNE.code) as StatutReportedCode;

/** Reference implementation of the aggregates the server computes in SQL. */
export function aggregateComparison(
  de: readonly SnapshotRow[],
  a: readonly SnapshotRow[],
): ComparisonAggregates {
  const counts = new Map<string, { dimension: Dimension; key: string; de: number; a: number }>();
  const bump = (dimension: Dimension, key: string, side: 'de' | 'a') => {
    const id = `${dimension}\u0000${key}`;
    let entry = counts.get(id);
    if (!entry) {
      entry = { dimension, key, de: 0, a: 0 };
      counts.set(id, entry);
    }
    entry[side]++;
  };
  for (const [side, rows] of [
    ['de', de],
    ['a', a],
  ] as const) {
    for (const r of rows) {
      bump('axe', r.axe, side);
      bump('statut', reported(r.statut), side);
      bump('region', r.region, side);
      for (const t of r.thematiques) bump('thematique', t, side);
    }
  }
  const before = new Map(de.map((r) => [r.action, reported(r.statut)]));
  const after = new Map(a.map((r) => [r.action, reported(r.statut)]));
  const cells = new Map<string, { from: TransitionEnd; to: TransitionEnd; count: number }>();
  const move = (from: TransitionEnd, to: TransitionEnd) => {
    const id = `${from}>${to}`;
    const cell = cells.get(id) ?? { from, to, count: 0 };
    cell.count++;
    cells.set(id, cell);
  };
  for (const [id, from] of before) move(from, after.get(id) ?? 'absente');
  for (const [id, to] of after) if (!before.has(id)) move('absente', to);
  return {
    totals: { de: de.length, a: a.length },
    counts: [...counts.values()],
    transitions: [...cells.values()],
  };
}

export interface SideBySide {
  key: string;
  label: string;
  de: number;
  a: number;
  ecart: number;
}

export interface Comparison {
  totaux: { de: number; a: number; ecart: number };
  parAxe: SideBySide[];
  parThematique: SideBySide[];
  parStatut: SideBySide[];
  parRegion: SideBySide[];
  /** Present in the second campaign only. */
  nouvelles: number;
  /** Present in the first campaign only (archived or deleted since). */
  disparues: number;
  /** Abandoned in the second campaign and not in the first (new actions included). */
  abandonnees: number;
  /** Réalisé in the second campaign and not in the first (new actions included). */
  realisees: number;
  /** Same status in both campaigns. */
  inchangees: number;
  transitions: TransitionMatrix;
}

export interface TransitionMatrix {
  /** Row and column order: the 7 reported statuts, « Non renseigné » last. */
  statuts: { code: StatutReportedCode; label: string }[];
  /** cells[i][j] = actions that went from statuts[i] to statuts[j] (present in both campaigns). */
  cells: number[][];
  /** Statut in the second campaign of the new actions, same order. */
  nouvelles: number[];
  /** Statut in the first campaign of the actions gone since, same order. */
  disparues: number[];
}

const order = <T extends { code: string }>(list: readonly T[]) => new Map(list.map((x, i) => [x.code, i]));
const AXE_ORDER = order(AXES);
const THEMATIQUE_ORDER = order(THEMATIQUES);
const STATUT_ORDER = order(STATUTS_REPORTED);

function sideBySide(
  aggregates: ComparisonAggregates,
  dimension: Dimension,
  universe: readonly string[],
  label: (key: string) => string,
  sort: (a: SideBySide, b: SideBySide) => number,
): SideBySide[] {
  const rows = new Map<string, SideBySide>(
    universe.map((key) => [key, { key, label: label(key), de: 0, a: 0, ecart: 0 }]),
  );
  for (const c of aggregates.counts) {
    if (c.dimension !== dimension) continue;
    const row = rows.get(c.key) ?? { key: c.key, label: label(c.key), de: 0, a: 0, ecart: 0 };
    row.de += c.de;
    row.a += c.a;
    rows.set(c.key, row);
  }
  return [...rows.values()].map((r) => ({ ...r, ecart: r.a - r.de })).sort(sort);
}

const byOrder = (map: Map<string, number>) => (x: SideBySide, y: SideBySide) =>
  (map.get(x.key) ?? 99) - (map.get(y.key) ?? 99) || x.key.localeCompare(y.key);

export function assembleComparison(
  aggregates: ComparisonAggregates,
  regionNames: ReadonlyMap<string, string>,
): Comparison {
  const statuts = STATUTS_REPORTED.map((s) => ({ code: s.code as StatutReportedCode, label: s.label }));
  const index = new Map<string, number>(statuts.map((s, i) => [s.code, i]));
  const cells = statuts.map(() => statuts.map(() => 0));
  const nouvelles = statuts.map(() => 0);
  const disparues = statuts.map(() => 0);
  let abandonnees = 0;
  let realisees = 0;
  let inchangees = 0;
  for (const t of aggregates.transitions) {
    if (t.from === 'absente' && t.to !== 'absente') nouvelles[index.get(t.to)!]! += t.count;
    else if (t.to === 'absente' && t.from !== 'absente') disparues[index.get(t.from)!]! += t.count;
    else if (t.from !== 'absente' && t.to !== 'absente') {
      cells[index.get(t.from)!]![index.get(t.to)!]! += t.count;
      if (t.from === t.to) inchangees += t.count;
    }
    if (t.to === 'abandonne' && t.from !== 'abandonne') abandonnees += t.count;
    if (t.to === 'realise' && t.from !== 'realise') realisees += t.count;
  }
  // Every region known (zeros included), by code, as /api/v1/stats/actions lists them.
  const regionUniverse = [
    ...new Set([
      ...regionNames.keys(),
      ...aggregates.counts.filter((c) => c.dimension === 'region').map((c) => c.key),
    ]),
  ];
  return {
    totaux: { ...aggregates.totals, ecart: aggregates.totals.a - aggregates.totals.de },
    parAxe: sideBySide(
      aggregates,
      'axe',
      AXES.map((x) => x.code),
      axeLabel,
      byOrder(AXE_ORDER),
    ),
    parThematique: sideBySide(
      aggregates,
      'thematique',
      THEMATIQUES.map((x) => x.code),
      thematiqueLabel,
      byOrder(THEMATIQUE_ORDER),
    ),
    parStatut: sideBySide(
      aggregates,
      'statut',
      STATUTS_REPORTED.map((x) => x.code),
      (k) => statutLabel(k),
      byOrder(STATUT_ORDER),
    ),
    parRegion: sideBySide(
      aggregates,
      'region',
      regionUniverse,
      (k) => regionNames.get(k) ?? k,
      (x, y) => x.key.localeCompare(y.key),
    ),
    nouvelles: nouvelles.reduce((s, n) => s + n, 0),
    disparues: disparues.reduce((s, n) => s + n, 0),
    abandonnees,
    realisees,
    inchangees,
    transitions: { statuts, cells, nouvelles, disparues },
  };
}

/** Counts of one campaign by one dimension, in the shape of /api/v1/stats/actions. */
export function statsRows(
  counts: readonly { key: string; count: number }[],
  dimension: Dimension,
  regionNames: ReadonlyMap<string, string>,
): { key: string; label: string; count: number }[] {
  const aggregates: ComparisonAggregates = {
    totals: { de: 0, a: 0 },
    counts: counts.map((c) => ({ dimension, key: c.key, de: 0, a: c.count })),
    transitions: [],
  };
  const assembled = assembleComparison(aggregates, regionNames);
  const list =
    dimension === 'axe'
      ? assembled.parAxe
      : dimension === 'thematique'
        ? assembled.parThematique
        : dimension === 'statut'
          ? assembled.parStatut
          : assembled.parRegion;
  return list.map((r) => ({ key: r.key, label: r.label, count: r.a }));
}
