// Pure rules about perimeters: turning a territory's member set (EPCI, EPT, single communes) into
// the communes it covers in a given COG vintage, even when members or communes changed between
// vintages (EPCI mergers, communes nouvelles).

export type Cog = '2023' | '2026';

export interface GeographyIndex {
  communeCodes: Set<string>;
  communeBySiren: Map<string, { code: string }>;
  /** Current commune code → codes it had before a merger. */
  anciensCodes: Map<string, string[]>;
  /** Groupement SIREN → INSEE codes of its member communes. */
  groupementCommunes: Map<string, string[]>;
}

export interface PerimeterMember {
  territoryId: string;
  /** SIREN of a groupement, INSEE code of a commune. */
  code: string;
  siren: string | null;
  type: 'epci' | 'ept' | 'commune';
}

export interface ResolvedCommune {
  territoryId: string;
  insee: string;
  memberCode: string;
}

const successorIndexes = new WeakMap<GeographyIndex, Map<string, string>>();
/** Former code → current code, built once per index. */
function successors(index: GeographyIndex): Map<string, string> {
  let map = successorIndexes.get(index);
  if (!map) {
    map = new Map();
    for (const [code, olds] of index.anciensCodes)
      for (const old of olds) if (old !== code) map.set(old, code);
    successorIndexes.set(index, map);
  }
  return map;
}

/** Expresses commune codes of one vintage in another (merged communes follow their successor). */
export function translateCommunes(
  codes: readonly string[],
  from: GeographyIndex,
  to: GeographyIndex,
): string[] {
  const result = new Set<string>();
  for (const code of codes) {
    if (to.communeCodes.has(code)) result.add(code);
    else if (successors(to).has(code)) result.add(successors(to).get(code)!);
    else for (const old of from.anciensCodes.get(code) ?? []) if (to.communeCodes.has(old)) result.add(old);
  }
  return [...result];
}

export function resolveTerritoryCommunes(
  members: readonly PerimeterMember[],
  cog: Cog,
  geography: Record<Cog, GeographyIndex>,
): { communes: ResolvedCommune[]; warnings: string[] } {
  const target = geography[cog];
  const other = geography[cog === '2023' ? '2026' : '2023'];
  const owner = new Map<string, ResolvedCommune>();
  const warnings: string[] = [];
  for (const member of members) {
    let codes: string[];
    if (member.type === 'commune') {
      const direct = target.communeCodes.has(member.code)
        ? member.code
        : member.siren
          ? target.communeBySiren.get(member.siren)?.code
          : undefined;
      codes = direct ? [direct] : translateCommunes([member.code], other, target);
    } else {
      codes =
        target.groupementCommunes.get(member.code) ??
        translateCommunes(other.groupementCommunes.get(member.code) ?? [], other, target);
    }
    if (codes.length === 0) warnings.push(`membre ${member.code} de ${member.territoryId} introuvable`);
    for (const insee of codes) {
      const previous = owner.get(insee);
      if (previous && previous.territoryId !== member.territoryId) {
        warnings.push(`commune ${insee} dans ${previous.territoryId} et ${member.territoryId}`);
        continue;
      }
      owner.set(insee, { territoryId: member.territoryId, insee, memberCode: member.code });
    }
  }
  return { communes: [...owner.values()], warnings };
}
