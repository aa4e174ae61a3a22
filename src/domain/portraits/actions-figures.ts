// The action plan of a territory in figures, for its portrait and the thematic maps: number of
// actions, share per status, share realised and share stuck (« En pause / à débloquer »). Labels
// come from the action vocabulary; a missing status counts as « Non renseigné ».

import {
  NON_RENSEIGNE,
  STATUTS_REPORTED,
  type StatutCode,
  type StatutReportedCode,
} from '../actions/vocabulary';

export interface ActionPlanFigures {
  total: number;
  parStatut: { code: StatutReportedCode; label: string; count: number; part: number | null }[];
  /** Share of actions « Réalisé », in %, null for an empty plan. */
  partRealise: number | null;
  /** Share of actions « En pause / à débloquer », in %, null for an empty plan. */
  partBloque: number | null;
}

export function actionPlanFigures(actions: readonly { statut: StatutCode | null }[]): ActionPlanFigures {
  const counts = new Map<StatutReportedCode, number>();
  for (const a of actions) {
    const code = a.statut ?? NON_RENSEIGNE.code;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const total = actions.length;
  const part = (n: number) => (total > 0 ? (n / total) * 100 : null);
  return {
    total,
    parStatut: STATUTS_REPORTED.map((s) => ({
      code: s.code,
      label: s.label,
      count: counts.get(s.code) ?? 0,
      part: part(counts.get(s.code) ?? 0),
    })),
    partRealise: part(counts.get('realise') ?? 0),
    partBloque: part(counts.get('en-pause') ?? 0),
  };
}
