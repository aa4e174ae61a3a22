// Demonstration action plans of the 183 Territoires d'industrie as they stood at the two published
// campaigns (Nov. 2023: 2,429 actions; Nov. 2024: 2,812), with the history in between. National
// counts by axis, thématique and statut are EXACTLY those of targets.ts; everything else
// (territories, titles, porteurs, budgets, dates) is drawn from a seeded generator, so the output is
// identical on every run. Every action is flagged `demo: true`.

import { createRandom, type Random } from '../../shared/random';
import { normalizeText } from '../../shared/text';
import type { Action, ActionField } from '../action';
import {
  AXES,
  type AxeCode,
  type StatutCode,
  type StatutReportedCode,
  THEMATIQUES,
  type ThematiqueCode,
} from '../vocabulary';
import { allocateDistinct, apportion, type Slot, spreadCapacities } from './allocate';
import {
  AXE_WORDS,
  FILIERES,
  OWNERS,
  PARTNERS,
  REGION_NAMES,
  SITES,
  TAGS,
  THEME_WORDS,
  ZONES,
} from './catalogue';
import {
  AXE_COUNTS,
  type Campaign,
  NEW_2024_STATUTS,
  STATUT_COUNTS,
  THEMATIQUE_COUNTS,
  TRANSITIONS,
  TRANSVERSAL_SLOTS,
} from './targets';

export interface DemoTerritory {
  id: string;
  nom: string;
  regionCode: string;
  population: number;
}

export interface DemoHistoryEvent {
  field: ActionField;
  before: Action[ActionField];
  after: Action[ActionField];
  /** ISO date, strictly between the two campaigns. */
  date: string;
}

export interface DemoAction {
  /** Stable key, also used as the external reference: « demo-ti-8405-007 ». */
  key: string;
  tiId: string;
  /** ISO date the sheet was created. */
  createdOn: string;
  /** State at the Nov. 2023 campaign; null for actions created afterwards. */
  nov2023: Action | null;
  /** State at the Nov. 2024 campaign. */
  nov2024: Action;
  /** Changes between the two campaigns, in date order. */
  history: DemoHistoryEvent[];
  demo: true;
}

export interface DemoOptions {
  territories: readonly DemoTerritory[];
  seed?: number;
}

export const DEFAULT_DEMO_SEED = 20_241_130;

type RealAxe = Exclude<AxeCode, 'transversal'>;
const REAL_AXES: readonly RealAxe[] = ['competences', 'foncier', 'innovation', 'transition'];
const THEMES_OF = (axe: AxeCode) =>
  THEMATIQUES.filter((t) => t.axe === axe).map((t) => t.code as ThematiqueCode);

/** Working record of one action while it is being generated. */
interface Draft {
  key: string;
  territory: DemoTerritory;
  existing2023: boolean;
  axe: AxeCode;
  /** Axes of a transversal action's thématiques. */
  transversalAxes: Set<RealAxe>;
  them2023: Set<ThematiqueCode>;
  them2024: Set<ThematiqueCode>;
  statut2023: StatutCode | null;
  statut2024: StatutCode | null;
  diligence: number;
  createdOn: string;
  /** Thématiques an existing action gains during the year, with the day they were added. */
  themAdded: { code: ThematiqueCode; date: string }[];
  events: DemoHistoryEvent[];
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDay = (day: number) => new Date(Math.round(day) * DAY).toISOString().slice(0, 10);
const randomDate = (rng: Random, from: string, to: string) => fromDay(rng.int(toDay(from), toDay(to)));
const BETWEEN = { from: '2023-12-04', to: '2024-11-22' } as const;

const toReported = (s: StatutReportedCode): StatutCode | null => (s === 'non-renseigne' ? null : s);
const expand = <C extends string>(counts: Partial<Record<C, number>>): C[] =>
  (Object.entries(counts) as [C, number][]).flatMap(([code, n]) => Array<C>(n).fill(code));

// ---------------------------------------------------------------------------------------------

export function generateDemoActionPlans(options: DemoOptions): DemoAction[] {
  const rng = createRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const territories = [...options.territories].sort((a, b) => a.id.localeCompare(b.id));
  if (territories.length === 0) return [];

  // 1. How many actions each TI has: every TI some (≥ 4), bigger ones more (√population).
  const weights = territories.map((t) => Math.sqrt(Math.max(1, t.population)));
  const n2023 = apportion(AXE_TOTAL('nov2023'), weights, 4);
  const n2024new = apportion(
    AXE_TOTAL('nov2024') - AXE_TOTAL('nov2023'),
    weights.map((w) => w * (0.2 + 1.6 * rng.next())),
    0,
  );
  const drafts: Draft[] = [];
  territories.forEach((territory, i) => {
    const diligence = rng.next();
    const total = n2023[i]! + n2024new[i]!;
    for (let k = 0; k < total; k++) {
      const existing2023 = k < n2023[i]!;
      drafts.push({
        key: `demo-${territory.id}-${String(k + 1).padStart(3, '0')}`,
        territory,
        existing2023,
        axe: 'transversal',
        transversalAxes: new Set(),
        them2023: new Set(),
        them2024: new Set(),
        statut2023: null,
        statut2024: null,
        diligence,
        themAdded: [],
        createdOn: existing2023
          ? randomDate(rng, '2023-03-01', '2023-11-20')
          : randomDate(rng, BETWEEN.from, BETWEEN.to),
        events: [],
      });
    }
  });
  const old = drafts.filter((d) => d.existing2023);
  const fresh = drafts.filter((d) => !d.existing2023);

  // 2. Axes: exact counts, no action changes axis.
  const axes2023 = rng.shuffle(expand(AXE_COUNTS.nov2023));
  old.forEach((d, i) => {
    d.axe = axes2023[i]!;
  });
  const newAxes = rng.shuffle(
    expand(
      Object.fromEntries(AXES.map((a) => [a.code, AXE_COUNTS.nov2024[a.code] - AXE_COUNTS.nov2023[a.code]])),
    ),
  );
  fresh.forEach((d, i) => {
    d.axe = newAxes[i] as AxeCode;
  });

  // 3. Thématiques of Nov. 2023, then the 2024 increment.
  assignThematiques(rng, old, 'nov2023');
  for (const d of old) d.them2024 = new Set(d.them2023);
  assignThematiques(rng, fresh, 'nov2024', old);

  // 4. Statuts.
  assignStatuts(rng, old, fresh);

  // 5. Content, dates, amounts, history.
  const usedTitles = new Map<string, Set<string>>();
  return drafts.map((d) => buildAction(rng, d, usedTitles));
}

const AXE_TOTAL = (c: Campaign) => Object.values(AXE_COUNTS[c]).reduce((s, n) => s + n, 0);

// ---------------------------------------------------------------------------------------------
// Thématiques

/** Average number of thématiques per action of each axis, and at most how many. */
const CAPACITY_WEIGHTS = (average: number): number[] =>
  average < 1 ? [0.3, 0.6, 0.08, 0.02] : average < 1.2 ? [0.15, 0.6, 0.2, 0.05] : [0.1, 0.55, 0.27, 0.08];

/**
 * Gives `drafts` their thématiques so that the counts of `campaign` are reached exactly.
 * For 2023 the drafts are all the actions; for 2024 they are the new actions, and the part of the
 * increment they cannot take goes to existing actions (`others`) as a dated « thématiques » change.
 */
function assignThematiques(rng: Random, drafts: Draft[], campaign: Campaign, others: Draft[] = []) {
  const is2023 = campaign === 'nov2023';
  const themOf = (d: Draft) => (is2023 ? d.them2023 : d.them2024);
  const give = (d: Draft, code: ThematiqueCode) => {
    themOf(d).add(code);
    if (is2023) d.them2024.add(code);
  };

  // Transversal actions: how many thématiques each, then which axes (distinct).
  const transversal = drafts.filter((d) => d.axe === 'transversal');
  const quotas = is2023
    ? TRANSVERSAL_SLOTS.nov2023
    : Object.fromEntries(
        REAL_AXES.map((a) => [a, TRANSVERSAL_SLOTS.nov2024[a] - TRANSVERSAL_SLOTS.nov2023[a]]),
      );
  const slotsTotal = REAL_AXES.reduce((s, a) => s + quotas[a]!, 0);
  const transCaps = spreadCapacities(
    rng,
    transversal.length,
    slotsTotal,
    is2023 ? [0.2, 0.32, 0.42, 0.06] : [0, 0, 1],
    4,
  );
  const transSlots: Slot<Draft>[] = transversal.map((d, i) => ({ holder: d, remaining: transCaps[i]! }));
  allocateDistinct(
    rng,
    transSlots,
    REAL_AXES.map((a) => ({ code: a, count: quotas[a]! })),
    (d, a) => d.transversalAxes.add(a),
  );

  for (const axe of REAL_AXES) {
    const codes = THEMES_OF(axe);
    const demands = codes.map((code) => ({
      code,
      count: THEMATIQUE_COUNTS[campaign][code] - (is2023 ? 0 : THEMATIQUE_COUNTS.nov2023[code]),
    }));
    const own = drafts.filter((d) => d.axe === axe);
    const demandTotal = demands.reduce((s, x) => s + x.count, 0);
    const transTaken = transversal.filter((d) => d.transversalAxes.has(axe)).length;
    // The average of the axis in 2023 (its actions' own thématiques) guides the new actions of 2024.
    const average2023 =
      (THEMATIQUE_TOTAL_2023(axe) - TRANSVERSAL_SLOTS.nov2023[axe]) / AXE_COUNTS.nov2023[axe];
    const ownTotal = Math.min(
      demandTotal - transTaken,
      is2023 ? demandTotal - transTaken : Math.round(own.length * average2023),
    );
    const caps = spreadCapacities(rng, own.length, ownTotal, CAPACITY_WEIGHTS(average2023), 3);
    const slots: Slot<Draft>[] = [
      ...own.map((d, i) => ({ holder: d, remaining: caps[i]! })),
      ...transversal.filter((d) => d.transversalAxes.has(axe)).map((d) => ({ holder: d, remaining: 1 })),
    ];
    const left = allocateDistinct(rng, slots, demands, give, (d, code) => themOf(d).has(code));

    // Whatever could not be placed goes to other actions of the axis: in 2023 any action of the
    // axis, in 2024 an existing action that gains a thématique during the year (history event).
    for (const [code, missing] of left) {
      if (missing <= 0) continue;
      const pool = is2023 ? drafts.filter((d) => d.axe === axe) : others.filter((d) => d.axe === axe);
      const eligible = rng
        .shuffle(pool.filter((d) => !themOf(d).has(code)))
        .sort((a, b) => themOf(a).size - themOf(b).size)
        .slice(0, missing);
      if (eligible.length < missing) throw new Error(`demo: cannot place thématique ${code}`);
      for (const d of eligible) {
        if (is2023) give(d, code);
        else {
          d.them2024.add(code);
          d.themAdded.push({ code, date: randomDate(rng, BETWEEN.from, BETWEEN.to) });
        }
      }
    }
  }
}

const THEMATIQUE_TOTAL_2023 = (axe: AxeCode) =>
  THEMES_OF(axe).reduce((s, c) => s + THEMATIQUE_COUNTS.nov2023[c], 0);
const themOrder = new Map<string, number>(THEMATIQUES.map((t, i) => [t.code, i]));
const sortedThemes = (set: Set<ThematiqueCode>) =>
  [...set].sort((a, b) => themOrder.get(a)! - themOrder.get(b)!);

// ---------------------------------------------------------------------------------------------
// Statuts

function assignStatuts(rng: Random, old: Draft[], fresh: Draft[]) {
  // « Non renseigné » gathers in the least diligent territories: plans nobody updated.
  const byNeglect = (list: Draft[]) =>
    list
      .map((d) => ({ d, key: d.diligence + 0.45 * rng.next() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.d);
  const { 'non-renseigne': nr2023, ...set2023 } = STATUT_COUNTS.nov2023;
  const ordered = byNeglect(old);
  const rest = rng.shuffle(ordered.slice(nr2023));
  const statuts = rng.shuffle(expand(set2023 as Record<StatutCode, number>));
  rest.forEach((d, i) => {
    d.statut2023 = statuts[i]!;
  });

  // Transitions of existing actions, row by row; staying « non renseigné » is, again, for the least diligent.
  const groups = new Map<StatutReportedCode, Draft[]>();
  for (const d of old) {
    const s: StatutReportedCode = d.statut2023 ?? 'non-renseigne';
    groups.set(s, [...(groups.get(s) ?? []), d]);
  }
  for (const [from, row] of Object.entries(TRANSITIONS) as [
    StatutReportedCode,
    Partial<Record<StatutReportedCode, number>>,
  ][]) {
    const group = groups.get(from) ?? [];
    const targets = expand(row);
    if (targets.length !== group.length)
      throw new Error(`demo: transitions from ${from}: ${targets.length} ≠ ${group.length}`);
    const stayFirst = from === 'non-renseigne' ? byNeglect(group) : rng.shuffle(group);
    // Put the « stays » targets first so that they meet the least diligent.
    const sortedTargets = [
      ...targets.filter((t) => t === from),
      ...rng.shuffle(targets.filter((t) => t !== from)),
    ];
    stayFirst.forEach((d, i) => {
      d.statut2024 = toReported(sortedTargets[i]!);
    });
  }
  const newStatuts = rng.shuffle(expand(NEW_2024_STATUTS));
  fresh.forEach((d, i) => {
    d.statut2024 = toReported(newStatuts[i]!);
  });

  // History of status changes: forward moves sometimes go through the intermediate steps.
  const chain: (StatutCode | null)[] = ['amont', 'etude', 'en-cours', 'realise'];
  for (const d of old) {
    if (d.statut2023 === d.statut2024) continue;
    let path: (StatutCode | null)[] = [d.statut2023, d.statut2024];
    const [i, j] = [chain.indexOf(d.statut2023), chain.indexOf(d.statut2024)];
    if (i >= 0 && j > i + 1 && rng.next() < 0.5) path = chain.slice(i, j + 1);
    const days = Array.from({ length: path.length - 1 }, () =>
      rng.int(toDay(BETWEEN.from), toDay(BETWEEN.to)),
    ).sort((a, b) => a - b);
    for (let k = 1; k < path.length; k++) {
      d.events.push({ field: 'statut', before: path[k - 1]!, after: path[k]!, date: fromDay(days[k - 1]!) });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Content

const fill = (template: string, d: Draft, rng: Random) =>
  template
    .replaceAll('{ti}', d.territory.nom)
    .replaceAll('{region}', REGION_NAMES[d.territory.regionCode] ?? 'de la région')
    .replaceAll('{site}', rng.pick(SITES))
    .replaceAll('{zone}', rng.pick(ZONES));

const roundAmount = (x: number) => {
  const step = x >= 1_000_000 ? 10_000 : x >= 100_000 ? 1_000 : 100;
  return Math.max(step, Math.round(x / step) * step);
};

function fundingFor(rng: Random, statut: StatutCode | null, budget: number | null): number | null {
  if (budget === null) return null;
  const share: Partial<Record<StatutCode, [number, number, number]>> = {
    // [probability of a known funding, min share, max share]
    realise: [0.9, 0.5, 1],
    'en-cours': [0.8, 0.2, 0.9],
    etude: [0.4, 0.02, 0.3],
    'en-pause': [0.4, 0.05, 0.5],
    abandonne: [0.2, 0, 0.2],
  };
  const rule = statut ? share[statut] : undefined;
  if (!rule || rng.next() > rule[0]) return null;
  return Math.round((budget * (rule[1] + rng.next() * (rule[2] - rule[1]))) / 100) * 100;
}

function buildAction(rng: Random, d: Draft, usedTitles: Map<string, Set<string>>): DemoAction {
  const titleThemes = sortedThemes(d.existing2023 ? d.them2023 : d.them2024);
  const main = titleThemes.length > 0 ? rng.pick(titleThemes) : undefined;
  const words = main ? THEME_WORDS[main] : AXE_WORDS[d.axe];

  // A title unique within its TI (imports match on TI + title).
  const used = usedTitles.get(d.territory.id) ?? new Set<string>();
  usedTitles.set(d.territory.id, used);
  let title = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    title = fill(rng.pick(words.titles), d, rng);
    if (!used.has(normalizeText(title))) break;
  }
  for (let n = 2; used.has(normalizeText(title)); n++)
    title = `${title.replace(/ – volet \d+$/, '')} – volet ${n}`;
  used.add(normalizeText(title));

  const description = fill(rng.pick(words.descriptions), d, rng);
  const owners = OWNERS.filter((o) => o.axes.includes(d.axe));
  const owner = fill(owners[rng.weighted(owners.map((o) => o.weight))]!.name, d, rng);
  const partners = rng
    .shuffle(PARTNERS)
    .slice(0, rng.weighted([0.15, 0.3, 0.3, 0.17, 0.08]))
    .map((p) => fill(p, d, rng))
    .filter((p) => p !== owner);
  const [low, high] = words.budget;
  const budgetKnown = rng.next() < (d.statut2024 === null || d.statut2024 === 'amont' ? 0.55 : 0.85);
  const plannedBudget = budgetKnown
    ? roundAmount(Math.exp(Math.log(low) + rng.next() * (Math.log(high) - Math.log(low))))
    : null;
  const funding2024 = fundingFor(rng, d.statut2024, plannedBudget);
  const funding2023 =
    d.existing2023 && funding2024 !== null
      ? (() => {
          const f = fundingFor(rng, d.statut2023, plannedBudget);
          return f === null ? null : Math.min(f, funding2024);
        })()
      : null;

  const { startDate, endDate } = datesFor(rng, d);
  const filiere = rng.next() < 0.4 ? rng.pick(FILIERES) : null;
  const tags = new Set<string>();
  if (rng.next() < 0.3) tags.add(rng.pick(TAGS));
  if (titleThemes.includes('sites-cles-en-main') && rng.next() < 0.6) tags.add('France 2030');
  if (d.axe === 'transition' && rng.next() < 0.25) tags.add('Fonds vert');

  const base = {
    tiId: d.territory.id,
    title,
    description,
    axe: d.axe,
    owner,
    partners,
    plannedBudget,
    startDate,
    endDate,
    filiere,
    tags: [...tags],
    externalRef: d.key,
  };
  const nov2024 = valid({
    ...base,
    thematiques: sortedThemes(d.them2024),
    statut: d.statut2024,
    fundingObtained: funding2024,
  });
  const nov2023 = d.existing2023
    ? valid({
        ...base,
        thematiques: sortedThemes(d.them2023),
        statut: d.statut2023,
        fundingObtained: funding2023,
      })
    : null;
  if (nov2023 && funding2023 !== funding2024) {
    const after = d.events
      .filter((e) => e.field === 'statut')
      .map((e) => e.date)
      .sort()
      .at(-1);
    d.events.push({
      field: 'fundingObtained',
      before: funding2023,
      after: funding2024,
      date:
        after && after < BETWEEN.to
          ? randomDate(rng, after, BETWEEN.to)
          : randomDate(rng, BETWEEN.from, BETWEEN.to),
    });
  }
  // Thématiques gained during the year, one event each, replayable in date order.
  const current = new Set(d.them2023);
  for (const { code, date } of [...d.themAdded].sort((a, b) => a.date.localeCompare(b.date))) {
    const before = sortedThemes(current);
    current.add(code);
    d.events.push({ field: 'thematiques', before, after: sortedThemes(current), date });
  }
  const history = d.existing2023 ? [...d.events].sort((a, b) => a.date.localeCompare(b.date)) : [];
  return { key: d.key, tiId: d.territory.id, createdOn: d.createdOn, nov2023, nov2024, history, demo: true };
}

/** Dates consistent with the status: a finished action ended before the campaign that says so. */
function datesFor(rng: Random, d: Draft): { startDate: string | null; endDate: string | null } {
  if (rng.next() < 0.12) return { startDate: null, endDate: null };
  const doneBy = d.statut2023 === 'realise' ? '2023-11-20' : d.statut2024 === 'realise' ? '2024-11-20' : null;
  if (doneBy) {
    const end = toDay(doneBy) - rng.int(0, 200);
    const start = end - rng.int(60, 900);
    return { startDate: fromDay(start), endDate: fromDay(end) };
  }
  const start = d.existing2023
    ? randomDate(rng, '2022-06-01', '2024-09-30')
    : randomDate(rng, d.createdOn, '2025-12-31');
  const endDate = rng.next() < 0.1 ? null : fromDay(toDay(start) + rng.int(180, 1460));
  return { startDate: start, endDate };
}

// The generator builds actions already in validateAction()'s canonical form (the tests check that
// validateAction() gives every one of them back unchanged), so it does not pay for validation.
const valid = (action: Action): Action => action;

/** The demonstration actions as they stood at one campaign. */
export function demoStateAt(actions: readonly DemoAction[], campaign: Campaign): Action[] {
  return actions.flatMap((a) => {
    const state = a[campaign];
    return state ? [state] : [];
  });
}
