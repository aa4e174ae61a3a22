// Temps I → Temps II: was a current territory new, renewed unchanged, or reconfigured?
//
// The rule, computed from the communes each perimeter covers (both expressed in COG 2023 so that
// EPCI mergers between 2019 and 2023 do not count as changes):
// - « nouveau »: it shares no commune with any Temps I territory;
// - « inchangé »: it covers exactly the communes of one Temps I territory;
// - « reconfiguré »: every other case (extended, reduced, merged from or split between Temps I ones).
// On the shipped data (149 Temps I territories, the 183 of the November 2023 labelling) this gives
// 29 new, 74 unchanged and 80 reconfigured (temps1-published.test.ts). The programme published
// 29 « nouveaux périmètres », 107 « périmètres reconduits à l'identique » and 47 « périmètres
// reconfigurés » (Portraits des Territoires d'industrie, 2024), without a definition; its only hint
// is « toutes les configurations étaient possibles (nouveaux territoires, découpage, fusion) ».
//
// No rule we could state reproduces 107/47 from the shipped perimeters, so this one, which says
// exactly what « inchangé » means, is kept. Candidates tried (new / unchanged / reconfigured; « new »
// is 29 in every one, so only the other two move):
// - same commune set (this rule), same member SIREN set, or both sides in COG 2026: 74 / 80;
// - same EPCI set, a Temps I member commune counted as its EPCI: 77 / 77;
// - a tolerance: no territory is « almost » unchanged — the closest differs from its Temps I
//   predecessor by 5 communes — so ≤ 3 communes or ≤ 2 % of the population moved still gives
//   74 / 80; ≤ 10 % of the communes 79 / 75, ≤ 20 % 90 / 64;
// - same name as its main predecessor: 51 / 103;
// - one Temps I predecessor whose whole perimeter it keeps (renewed, possibly extended): 103 / 51;
// - one-to-one filiation, extended or reduced but neither split nor merged: 111 / 43;
// - one-to-one filiation whatever the change, i.e. only « découpage » and « fusion » count as
//   reconfigured (the publication's own wording): 113 / 41 — the closest reading, 6 territories
//   away (by EPCI instead of communes, and on the September 2024 perimeters, the same 113 / 41);
// - EPCI set a superset or a subset of a Temps I one: 135 / 19.
// Exactly 107 / 47 only comes out of thresholds fitted to it, e.g. one-to-one filiation and a
// commune Jaccard index ≥ 0.38-0.41, or a population Jaccard index ≥ 0.35-0.42, or at most 2 EPCI
// more or fewer. These fits disagree on which territories (up to 9 of the 107), the first gives 108
// on the September 2024 perimeters, and each calls « reconduit à l'identique » a territory whose
// perimeter more than doubled (Sologne Val de Cher, 23 → 56 communes, under the first; Grand Chalon,
// 51 → 137, under the second): not a rule a reader would recognise. The published split presumably
// rests on what is not in the perimeter files (what each candidacy declared, for instance).

export type TempsIStatus = 'nouveau' | 'inchange' | 'reconfigure';

export const TEMPS1_STATUS_LABELS: Record<TempsIStatus, string> = {
  nouveau: 'Nouveau territoire (absent du Temps I)',
  inchange: 'Renouvelé à périmètre inchangé',
  reconfigure: 'Renouvelé avec un périmètre reconfiguré',
};

/** The split the programme published (Portraits des Territoires d'industrie, 2024), shown beside ours. */
export const TEMPS1_PUBLISHED: Record<TempsIStatus, number> = { nouveau: 29, inchange: 107, reconfigure: 47 };

/** The rule above in one sentence, for the pages that show the split. */
export const TEMPS1_RULE =
  "Nouveau : aucune commune partagée avec un territoire du Temps I ; inchangé : exactement les communes d'un territoire du Temps I (COG 2023) ; reconfiguré : tous les autres cas. Le programme a publié 29 / 107 / 47 sans en donner la définition : aucune règle énonçable ne retrouve 107 / 47 à partir des périmètres publiés (la plus proche, filiation un pour un, donne 113 / 41).";

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
