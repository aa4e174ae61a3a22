// Temps I → Temps II: was a current territory new, renewed unchanged, or reconfigured?
//
// The rule, computed from the communes each perimeter covers (both expressed in COG 2023 so that
// EPCI mergers between 2019 and 2023 do not count as changes):
// - « nouveau »: it shares no commune with any Temps I territory;
// - « inchangé »: it covers exactly the communes of one Temps I territory;
// - « reconfiguré »: every other case (extended, reduced, merged from or split between Temps I ones).
// On the shipped data this gives 29 new (as published), 74 unchanged and 80 reconfigured; the
// programme published 107 and 47, counting as unchanged territories whose perimeter moved a little.

export type TempsIStatus = 'nouveau' | 'inchange' | 'reconfigure';

export const TEMPS1_STATUS_LABELS: Record<TempsIStatus, string> = {
  nouveau: 'Nouveau territoire (absent du Temps I)',
  inchange: 'Renouvelé à périmètre inchangé',
  reconfigure: 'Renouvelé avec un périmètre reconfiguré',
};

export interface TempsIComparison {
  statut: TempsIStatus;
  /** Temps I territories sharing communes with it, most shared first. */
  predecessors: { id: string; shared: number; size: number }[];
}

export function compareWithTempsI(
  communes: ReadonlySet<string>,
  tempsI: ReadonlyMap<string, ReadonlySet<string>>,
  communeToTempsI: ReadonlyMap<string, string>,
): TempsIComparison {
  const shared = new Map<string, number>();
  for (const insee of communes) {
    const previous = communeToTempsI.get(insee);
    if (previous) shared.set(previous, (shared.get(previous) ?? 0) + 1);
  }
  const predecessors = [...shared.entries()]
    .map(([id, count]) => ({ id, shared: count, size: tempsI.get(id)?.size ?? 0 }))
    .sort((a, b) => b.shared - a.shared || a.id.localeCompare(b.id));
  if (predecessors.length === 0) return { statut: 'nouveau', predecessors };
  const [first] = predecessors;
  const identical =
    predecessors.length === 1 && first!.shared === communes.size && first!.size === communes.size;
  return { statut: identical ? 'inchange' : 'reconfigure', predecessors };
}
