// The figures the governance dashboards show, computed from the rows, for the nation, each region
// and each TI. Shares are rounded to the unit as the programme publishes them; the industrialists'
// function shares are over all industrialists (« NC » included, as in the programme's chart), their
// size shares over those whose size is known.

import { percent } from '../shared/calibration';
import { groupBy } from '../shared/collections';
import type { Gouvernance } from './types';
import { EVENT_KINDS, type EventKind, FONCTION_NC, FONCTIONS, TAILLES } from './vocabulary';

export interface CountShare {
  code: string;
  label: string;
  count: number;
  pct: number;
}

export interface GouvernanceFigures {
  elus: number;
  industriels: number;
  tailles: CountShare[];
  fonctions: CountShare[];
  chefsDeProjet: number;
  chefsCofinances: number;
  cofinancementEtatEuros: number;
  /** TI with at least one chef de projet in post. */
  territoiresAvecChef: number;
  coordinateurs: number;
  /** Regions with at least one coordinator. */
  regionsCoordonnees: number;
  evenements: {
    kind: EventKind;
    label: string;
    count: number;
    participants: number;
    participantsMoyen: number;
  }[];
  /** TI that held their launch COPIL. */
  territoiresCopilLancement: number;
}

export function gouvernanceFigures(g: Gouvernance): GouvernanceFigures {
  const industriels = g.membres.filter((m) => m.kind === 'industriel');
  const sized = industriels.filter((m) => m.taille !== null);
  const cofinanced = g.chefsDeProjet.filter((c) => c.cofinance);
  return {
    elus: g.membres.filter((m) => m.kind === 'elu').length,
    industriels: industriels.length,
    tailles: TAILLES.map((t) => {
      const count = sized.filter((m) => m.taille === t.code).length;
      return { code: t.code, label: t.label, count, pct: percent(count, sized.length) };
    }),
    fonctions: [...FONCTIONS, FONCTION_NC].map((f) => {
      const code = f.code === FONCTION_NC.code ? null : f.code;
      const count = industriels.filter((m) => m.fonction === code).length;
      return { code: f.code, label: f.label, count, pct: percent(count, industriels.length) };
    }),
    chefsDeProjet: g.chefsDeProjet.length,
    chefsCofinances: cofinanced.length,
    cofinancementEtatEuros: cofinanced.reduce((s, c) => s + (c.cofinancementEtatEuros ?? 0), 0),
    territoiresAvecChef: new Set(g.chefsDeProjet.map((c) => c.tiId)).size,
    coordinateurs: g.coordinateurs.length,
    regionsCoordonnees: new Set(g.coordinateurs.map((c) => c.reg)).size,
    evenements: EVENT_KINDS.map((k) => {
      const events = g.evenements.filter((e) => e.kind === k.code);
      const counted = events.filter((e) => e.participants !== null);
      const participants = counted.reduce((s, e) => s + (e.participants ?? 0), 0);
      return {
        kind: k.code,
        label: k.label,
        count: events.length,
        participants,
        participantsMoyen: counted.length === 0 ? 0 : Math.round(participants / counted.length),
      };
    }),
    territoiresCopilLancement: new Set(
      g.evenements.filter((e) => e.kind === 'copil-lancement' && e.tiId !== null).map((e) => e.tiId),
    ).size,
  };
}

const emptyGouvernance = (): Gouvernance => ({
  membres: [],
  chefsDeProjet: [],
  coordinateurs: [],
  evenements: [],
});

/**
 * Figures for the nation, each region and each TI. A region's figures gather its TI and its own
 * coordinators and regional COPIL; national events count only at the national level.
 */
export function summarizeGouvernance(g: Gouvernance): {
  national: GouvernanceFigures;
  parRegion: Record<string, GouvernanceFigures>;
  parTi: Record<string, GouvernanceFigures>;
} {
  const buckets = (key: 'reg' | 'tiId') => {
    const result = new Map<string, Gouvernance>();
    const bucket = (k: string) => {
      const existing = result.get(k);
      if (existing) return existing;
      const created = emptyGouvernance();
      result.set(k, created);
      return created;
    };
    for (const [k, items] of groupBy(g.membres, (m) => m[key])) bucket(k).membres.push(...items);
    for (const [k, items] of groupBy(g.chefsDeProjet, (c) => c[key])) bucket(k).chefsDeProjet.push(...items);
    if (key === 'reg')
      for (const [k, items] of groupBy(g.coordinateurs, (c) => c.reg)) bucket(k).coordinateurs.push(...items);
    for (const [k, items] of groupBy(g.evenements, (e) => e[key])) bucket(k).evenements.push(...items);
    return Object.fromEntries(
      [...result].sort(([a], [b]) => a.localeCompare(b)).map(([k, b]) => [k, gouvernanceFigures(b)]),
    );
  };
  return { national: gouvernanceFigures(g), parRegion: buckets('reg'), parTi: buckets('tiId') };
}
