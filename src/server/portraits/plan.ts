import { AXES, NON_RENSEIGNE, STATUTS_REPORTED, THEMATIQUES } from '../../domain/actions/vocabulary';
import { type ActionPlanFigures, actionPlanFigures } from '../../domain/portraits/actions-figures';
import type { ActionLite } from './actions-data';

// An action plan in figures, for portraits and dashboards: per status (domain), per axis and per
// thématique (an action counts in each of its thématiques), with the shares in %.

export interface CountRow {
  code: string;
  libelle: string;
  nombre: number;
  /** Share of the plan's actions, in % (null for an empty plan). */
  part: number | null;
}

export interface PlanSummary {
  total: number;
  parStatut: CountRow[];
  parAxe: CountRow[];
  parThematique: (CountRow & { axe: string })[];
  partRealise: number | null;
  partBloque: number | null;
  demo: boolean;
}

const share = (n: number, total: number) => (total > 0 ? (n / total) * 100 : null);

export function countByAxe(actions: readonly ActionLite[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.axe, (counts.get(a.axe) ?? 0) + 1);
  return AXES.map((x) => ({
    code: x.code,
    libelle: x.label,
    nombre: counts.get(x.code) ?? 0,
    part: share(counts.get(x.code) ?? 0, actions.length),
  }));
}

export function countByThematique(actions: readonly ActionLite[]): (CountRow & { axe: string })[] {
  const counts = new Map<string, number>();
  for (const a of actions) for (const t of a.thematiques) counts.set(t, (counts.get(t) ?? 0) + 1);
  return THEMATIQUES.map((t) => ({
    code: t.code,
    libelle: t.label,
    axe: t.axe,
    nombre: counts.get(t.code) ?? 0,
    part: share(counts.get(t.code) ?? 0, actions.length),
  }));
}

export function countByStatut(actions: readonly ActionLite[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const a of actions) {
    const code = a.statut ?? NON_RENSEIGNE.code;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return STATUTS_REPORTED.map((s) => ({
    code: s.code,
    libelle: s.label,
    nombre: counts.get(s.code) ?? 0,
    part: share(counts.get(s.code) ?? 0, actions.length),
  }));
}

export function planSummary(actions: readonly ActionLite[]): PlanSummary {
  const figures: ActionPlanFigures = actionPlanFigures(actions);
  return {
    total: figures.total,
    parStatut: countByStatut(actions),
    parAxe: countByAxe(actions),
    parThematique: countByThematique(actions),
    partRealise: figures.partRealise,
    partBloque: figures.partBloque,
    demo: actions.some((a) => a.demo),
  };
}
