import type { Grant } from './policy';

// Who may hand out which role: the national team any role anywhere; a regional coordinator only
// regional and territorial roles inside its own region. The same rule decides who may change or
// deactivate an existing account: every role that account holds must be within the manager's reach.

/** Region of a territory (from the référentiel), or undefined when the territory is unknown. */
export type RegionOf = (territoire: string) => string | undefined;

export function mayAssign(manager: readonly Grant[], grant: Grant, regionOf: RegionOf): boolean {
  if (manager.some((g) => g.role === 'national')) return true;
  const regions = manager.flatMap((g) => (g.role === 'regional' ? [g.region] : []));
  if (grant.role === 'regional') return regions.includes(grant.region);
  if (grant.role === 'territorial') {
    const region = regionOf(grant.territoire);
    return region !== undefined && regions.includes(region);
  }
  return false;
}

/** May the manager administer an account holding `grants`? (An account without roles: national only.) */
export function mayManageAccount(
  manager: readonly Grant[],
  grants: readonly Grant[],
  regionOf: RegionOf,
): boolean {
  if (manager.some((g) => g.role === 'national')) return true;
  if (!grants.length) return false;
  return grants.every((g) => mayAssign(manager, g, regionOf));
}

/** A stable key for one grant (role and scope), used to compare and deduplicate grants. */
export function grantKey(grant: Grant): string {
  switch (grant.role) {
    case 'national':
      return 'national';
    case 'regional':
      return `regional:${grant.region}`;
    case 'territorial':
      return `territorial:${grant.territoire}`;
    case 'partner':
      return `partner:${grant.organisation}`;
  }
}

/** Removes duplicates (same role on the same scope), keeping the first. */
export function uniqueGrants(grants: readonly Grant[]): Grant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = grantKey(g);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
