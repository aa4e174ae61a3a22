// Actions « bloquées »: in « En pause / à débloquer » or « Amont / action à initier » for two
// consecutive campaigns or more, ending with the latest one. The regional coordinators' to-do list:
// these are the actions that need someone to unblock them.

import { type StatutCode, statutLabel } from '../actions/vocabulary';

export const STUCK_STATUTS: readonly StatutCode[] = ['en-pause', 'amont'];
export const STUCK_MIN_CAMPAIGNS = 2;

export interface StatusTrail {
  action: string;
  territoire: string;
  region: string;
  titre: string;
  /** Statut at each campaign, oldest first, latest last; undefined = not in that campaign. */
  statuts: readonly (string | null | undefined)[];
}

export interface StuckAction {
  action: string;
  territoire: string;
  region: string;
  titre: string;
  statut: StatutCode;
  statutLabel: string;
  /** Consecutive campaigns (ending with the latest) in that statut. */
  campagnes: number;
}

/** How many campaigns in a row, ending with the latest, the action has had its latest statut. */
export function trailingRun(statuts: readonly (string | null | undefined)[]): number {
  const last = statuts.at(-1);
  if (last === undefined) return 0;
  let n = 0;
  for (let i = statuts.length - 1; i >= 0 && statuts[i] === last; i--) n++;
  return n;
}

export function stuckActions(
  trails: readonly StatusTrail[],
  minCampaigns = STUCK_MIN_CAMPAIGNS,
): StuckAction[] {
  const stuck: StuckAction[] = [];
  for (const t of trails) {
    const last = t.statuts.at(-1);
    if (!last || !STUCK_STATUTS.includes(last as StatutCode)) continue;
    const run = trailingRun(t.statuts);
    if (run < minCampaigns) continue;
    stuck.push({
      action: t.action,
      territoire: t.territoire,
      region: t.region,
      titre: t.titre,
      statut: last as StatutCode,
      statutLabel: statutLabel(last),
      campagnes: run,
    });
  }
  return stuck.sort(
    (a, b) =>
      a.territoire.localeCompare(b.territoire) ||
      b.campagnes - a.campagnes ||
      a.statut.localeCompare(b.statut) ||
      a.titre.localeCompare(b.titre, 'fr'),
  );
}

export interface StuckByTerritory {
  territoire: string;
  region: string;
  enPause: number;
  amont: number;
  actions: StuckAction[];
}

export function groupStuckByTerritory(stuck: readonly StuckAction[]): StuckByTerritory[] {
  const groups = new Map<string, StuckByTerritory>();
  for (const s of stuck) {
    let g = groups.get(s.territoire);
    if (!g) {
      g = { territoire: s.territoire, region: s.region, enPause: 0, amont: 0, actions: [] };
      groups.set(s.territoire, g);
    }
    if (s.statut === 'en-pause') g.enPause++;
    else g.amont++;
    g.actions.push(s);
  }
  return [...groups.values()].sort(
    (a, b) => b.actions.length - a.actions.length || a.territoire.localeCompare(b.territoire),
  );
}
