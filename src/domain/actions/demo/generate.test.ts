import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../shared/text';
import { validateAction } from '../action';
import { STATUTS_REPORTED, type StatutReportedCode } from '../vocabulary';
import { countBy } from './count';
import { type DemoAction, type DemoTerritory, demoStateAt, generateDemoActionPlans } from './generate';
import {
  ACTION_COUNTS,
  AXE_COUNTS,
  NEW_2024_STATUTS,
  PUBLISHED_AXE_PERCENT,
  PUBLISHED_STATUT_PERCENT_2024,
  STATUT_COUNTS,
  THEMATIQUE_COUNTS,
  TRANSITIONS,
} from './targets';

const dir = new URL('../../../../data/reference/territoires-industrie/', import.meta.url);
const readCsv = (name: string): Record<string, string>[] =>
  parse(readFileSync(new URL(name, dir), 'utf8'), { columns: true, bom: true });

let territories: DemoTerritory[];
let actions: DemoAction[];
let elapsedMs: number;

beforeAll(() => {
  const population = new Map(
    readCsv('ti_temps2_2023-11_population.csv').map((r) => [r.id_ti!, Number(r['pop_municipale_dec3.1.1'])]),
  );
  territories = readCsv('ti_temps2_2024-09.csv').map((r) => ({
    id: r.id_ti!,
    nom: r.lib_ti!,
    regionCode: r.insee_reg!,
    population: population.get(r.id_ti!) ?? 0,
  }));
  generateDemoActionPlans({ territories }); // warm-up (JIT)
  const start = performance.now();
  actions = generateDemoActionPlans({ territories });
  elapsedMs = performance.now() - start;
});

const pct = (n: number, total: number) => Math.round((100 * n) / total);

describe('targets arithmetic', () => {
  it('axis counts round to the published percentages', () => {
    for (const c of ['nov2023', 'nov2024'] as const) {
      const total = Object.values(AXE_COUNTS[c]).reduce((s, n) => s + n, 0);
      expect(total).toBe(ACTION_COUNTS[c]);
      for (const [axe, p] of Object.entries(PUBLISHED_AXE_PERCENT[c])) {
        expect(pct(AXE_COUNTS[c][axe as keyof (typeof AXE_COUNTS)[typeof c]], total)).toBe(p);
      }
    }
  });

  it('statut counts of Nov. 2024 round to the published percentages', () => {
    for (const s of STATUTS_REPORTED)
      expect(pct(STATUT_COUNTS.nov2024[s.code], 2812)).toBe(PUBLISHED_STATUT_PERCENT_2024[s.code]);
  });

  it('transitions + new actions lead exactly from the 2023 mix to the 2024 mix', () => {
    const codes = STATUTS_REPORTED.map((s) => s.code);
    for (const from of codes) {
      const row = Object.values(TRANSITIONS[from]).reduce((s, n) => s + (n ?? 0), 0);
      expect(row).toBe(STATUT_COUNTS.nov2023[from]);
    }
    for (const to of codes) {
      const column = codes.reduce((s, from) => s + (TRANSITIONS[from][to] ?? 0), 0);
      expect(column + NEW_2024_STATUTS[to]).toBe(STATUT_COUNTS.nov2024[to]);
    }
  });
});

describe('generateDemoActionPlans', () => {
  it('reads the 183 TI of Temps II', () => {
    expect(territories).toHaveLength(183);
    expect(territories.every((t) => t.population > 0)).toBe(true);
  });

  it('generates 2,429 actions in Nov. 2023 and 2,812 in Nov. 2024', () => {
    expect(demoStateAt(actions, 'nov2023')).toHaveLength(2429);
    expect(demoStateAt(actions, 'nov2024')).toHaveLength(2812);
    expect(actions.every((a) => a.demo === true)).toBe(true);
  });

  it.each(['nov2023', 'nov2024'] as const)('reproduces the published tables exactly (%s)', (c) => {
    const state = demoStateAt(actions, c);
    expect(countBy(state, 'axe')).toEqual(AXE_COUNTS[c]);
    expect(countBy(state, 'thematique')).toEqual(THEMATIQUE_COUNTS[c]);
    expect(countBy(state, 'statut')).toEqual(STATUT_COUNTS[c]);
  });

  it('gives every TI some actions, more to bigger territories, spread over every region', () => {
    const byTi = countBy(
      demoStateAt(actions, 'nov2023').map((a) => ({ axe: a.tiId as never, thematiques: [], statut: null })),
      'axe',
    );
    expect(Object.keys(byTi)).toHaveLength(183);
    expect(Math.min(...Object.values(byTi))).toBeGreaterThanOrEqual(4);
    const sorted = [...territories].sort((a, b) => a.population - b.population);
    const mean = (list: DemoTerritory[]) => list.reduce((s, t) => s + byTi[t.id]!, 0) / list.length;
    expect(mean(sorted.slice(-30))).toBeGreaterThan(1.8 * mean(sorted.slice(0, 30)));
    // Every TI has a mix of axes when it has enough actions.
    const axesPerTi = new Map<string, Set<string>>();
    for (const a of demoStateAt(actions, 'nov2024'))
      axesPerTi.set(a.tiId, (axesPerTi.get(a.tiId) ?? new Set()).add(a.axe));
    expect([...axesPerTi.values()].filter((s) => s.size >= 3).length).toBeGreaterThan(170);
  });

  it('produces valid actions, already in canonical form, with titles unique within each TI', () => {
    const seen = new Set<string>();
    for (const a of actions) {
      for (const state of [a.nov2023, a.nov2024]) {
        if (!state) continue;
        const r = validateAction(state);
        expect(r.ok && r.value).toEqual(state);
      }
      const key = `${a.tiId}|${normalizeText(a.nov2024.title)}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(a.nov2024.externalRef).toBe(a.key);
    }
  });

  it('keeps the identity of an action between the campaigns; only statut, thématiques (added) and funding change', () => {
    for (const a of actions) {
      if (!a.nov2023) {
        expect(a.history).toEqual([]);
        expect(a.createdOn > '2023-11-30').toBe(true);
        continue;
      }
      const { statut: _s1, thematiques: t23, fundingObtained: _f1, ...rest23 } = a.nov2023;
      const { statut: _s2, thematiques: t24, fundingObtained: _f2, ...rest24 } = a.nov2024;
      expect(rest24).toEqual(rest23);
      expect(t23.every((t) => t24.includes(t))).toBe(true);
    }
  });

  /** Replays each action's history from its Nov. 2023 state; returns how many actions changed. */
  const replayAll = (list: DemoAction[]) => {
    let changed = 0;
    for (const a of list) {
      if (!a.nov2023) continue;
      const replay: Record<string, unknown> = { ...a.nov2023 };
      let last = '2023-11-30';
      for (const e of a.history) {
        expect(e.date > '2023-11-30' && e.date < '2024-11-30').toBe(true);
        expect(e.date >= last).toBe(true);
        last = e.date;
        expect(replay[e.field]).toEqual(e.before);
        replay[e.field] = e.after;
      }
      expect(replay).toEqual(a.nov2024);
      if (a.history.length > 0) changed++;
    }
    return changed;
  };

  it('records a dated history that replays Nov. 2023 into Nov. 2024', () => {
    expect(replayAll(actions)).toBeGreaterThan(1000);
  });

  it('moves mostly forward, some actions staying stuck in amont or en pause', () => {
    const rank: Record<StatutReportedCode, number> = {
      'non-renseigne': 0,
      amont: 1,
      etude: 2,
      'en-cours': 3,
      'en-pause': 3,
      realise: 4,
      abandonne: 4,
    };
    const moves = actions.filter((a) => a.nov2023 && a.nov2023.statut !== a.nov2024.statut);
    const forward = moves.filter(
      (a) => rank[a.nov2024.statut ?? 'non-renseigne'] >= rank[a.nov2023!.statut ?? 'non-renseigne'],
    );
    expect(forward.length / moves.length).toBeGreaterThan(0.95);
    expect(actions.filter((a) => a.nov2023?.statut === 'amont' && a.nov2024.statut === 'amont').length).toBe(
      367,
    );
    expect(
      actions.filter((a) => a.nov2023?.statut === 'en-pause' && a.nov2024.statut === 'en-pause').length,
    ).toBe(45);
  });

  it('writes credible content: budgets, porteurs, dates consistent with the status', () => {
    const s2024 = demoStateAt(actions, 'nov2024');
    expect(s2024.filter((a) => a.plannedBudget !== null).length / s2024.length).toBeGreaterThan(0.6);
    expect(s2024.every((a) => a.owner !== null && a.description !== null)).toBe(true);
    const done = s2024.filter((a) => a.statut === 'realise' && a.endDate);
    expect(done.every((a) => a.endDate! <= '2024-11-30')).toBe(true);
    expect(new Set(s2024.map((a) => a.title)).size).toBeGreaterThan(600);
  });

  it('is deterministic, depends on the seed and is fast', () => {
    expect(generateDemoActionPlans({ territories })).toEqual(actions);
    const other = generateDemoActionPlans({ territories, seed: 7 });
    expect(other).not.toEqual(actions);
    expect(countBy(demoStateAt(other, 'nov2024'), 'thematique')).toEqual(THEMATIQUE_COUNTS.nov2024);
    expect(countBy(demoStateAt(other, 'nov2023'), 'thematique')).toEqual(THEMATIQUE_COUNTS.nov2023);
    expect(replayAll(other)).toBeGreaterThan(1000);
    // ~170 ms of CPU on the 2-core machine; the bound leaves room for a loaded machine.
    expect(elapsedMs).toBeLessThan(1500);
  });
});
