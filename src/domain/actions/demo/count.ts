// National counts of a set of actions by axis, thématique or statut: what the dashboards and the
// programme's published tables show. An action counts once per thématique it carries; a missing
// status counts as « non-renseigne ».

import type { Action } from '../action';
import { NON_RENSEIGNE } from '../vocabulary';

export type CountDimension = 'axe' | 'thematique' | 'statut';

export function countBy(
  actions: readonly Pick<Action, 'axe' | 'thematiques' | 'statut'>[],
  by: CountDimension,
): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const a of actions) {
    if (by === 'axe') add(a.axe);
    else if (by === 'statut') add(a.statut ?? NON_RENSEIGNE.code);
    else for (const t of a.thematiques) add(t);
  }
  return counts;
}
