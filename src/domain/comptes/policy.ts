// The one place where the platform decides who may do what. The server asks `can()` on every route
// (coarse check, before the handler) and again inside handlers once the resource's territory (with
// its region), region or organisation is known; the web app asks the same questions only to hide what the server
// would refuse anyway.

export type Grant =
  | { role: 'national' }
  | { role: 'regional'; region: string }
  | { role: 'territorial'; territoire: string }
  | { role: 'partner'; organisation: string };

export type RoleName = Grant['role'];

export interface Actor {
  /** null for an anonymous visitor. */
  userId: string | null;
  grants: readonly Grant[];
}

export const ANONYMOUS: Actor = { userId: null, grants: [] };

/** What a route or an action needs. Add a permission here, then its rule in RULES. */
export type Permission =
  | 'public' // anyone, signed in or not
  | 'signed-in' // any signed-in user
  | 'national' // the national delegation only
  | 'referentiel.manage'
  | 'actions.read' // read an action plan that is not public
  | 'actions.write' // create, edit, archive actions of a territory
  | 'actions.import'
  | 'comptes.manage' // invite users, change roles (national: all; regional: in its region)
  | 'audit.read'
  | 'campagnes.manage' // open, close campaigns; send reminders
  | 'campagnes.signoff' // sign off a territory's update
  | 'campagnes.validate' // validate a region's campaign
  | 'sollicitations.create'
  | 'sollicitations.answer'
  | 'personnes.read'; // personal data (emails, phones) of governance members

/**
 * The resource a permission is checked on: any of its territory, region, organisation. A territory
 * never comes alone: its region must be named with it (`null` or `undefined` when it is unknown),
 * because a regional grant is judged on the region only. The type makes callers say it.
 */
export type Scope =
  | { territoire?: undefined; region?: string | null; organisation?: string | null }
  | { territoire: string | null; region: string | null | undefined; organisation?: string | null };

type Rule = (grant: Grant, scope: Scope | undefined) => boolean;

// Without a scope the question is "somewhere" (route level). With a scope, every grant must match
// the key of its own kind: a territorial grant the territory, a partner grant the organisation, a
// regional grant the region. A scope that names only a region does not let a territorial grant
// through, nor one that names only a territory a regional grant (a coordinator of region A must not
// act on a territory of region B because a caller forgot to give its region).
const unscoped = (scope: Scope | undefined) =>
  !scope ||
  (scope.territoire === undefined && scope.region === undefined && scope.organisation === undefined);
const inRegion = (grant: Grant, scope: Scope | undefined) =>
  grant.role === 'regional' &&
  (unscoped(scope) || (typeof scope!.region === 'string' && scope!.region === grant.region));
const onTerritory = (grant: Grant, scope: Scope | undefined) =>
  grant.role === 'territorial' &&
  (unscoped(scope) || (scope!.territoire !== undefined && scope!.territoire === grant.territoire));
const ofOrganisation = (grant: Grant, scope: Scope | undefined) =>
  grant.role === 'partner' &&
  (unscoped(scope) || (scope!.organisation !== undefined && scope!.organisation === grant.organisation));
const national = (grant: Grant) => grant.role === 'national';

// A rule answers for one grant; an actor may hold several and is allowed when any grant allows.
const RULES: Record<Exclude<Permission, 'public' | 'signed-in'>, Rule> = {
  national: (g) => national(g),
  'referentiel.manage': (g) => national(g),
  'actions.read': (g, s) => national(g) || inRegion(g, s) || onTerritory(g, s) || g.role === 'partner',
  'actions.write': (g, s) => national(g) || onTerritory(g, s),
  'actions.import': (g, s) => national(g) || onTerritory(g, s),
  'comptes.manage': (g, s) => national(g) || inRegion(g, s),
  'audit.read': (g, s) => national(g) || onTerritory(g, s),
  'campagnes.manage': (g) => national(g),
  'campagnes.signoff': (g, s) => national(g) || onTerritory(g, s),
  'campagnes.validate': (g, s) => national(g) || inRegion(g, s),
  'sollicitations.create': (g, s) => national(g) || onTerritory(g, s),
  'sollicitations.answer': (g, s) => national(g) || inRegion(g, s) || ofOrganisation(g, s),
  'personnes.read': (g, s) => national(g) || inRegion(g, s) || onTerritory(g, s),
};

/**
 * May `actor` do `permission`, on `scope` when given? Without a scope the question is "somewhere":
 * the route-level check, refined by the handler once the resource is known.
 */
export function can(actor: Actor, permission: Permission, scope?: Scope): boolean {
  if (permission === 'public') return true;
  if (actor.userId === null) return false;
  if (permission === 'signed-in') return true;
  const rule = RULES[permission];
  return actor.grants.some((grant) => rule(grant, scope));
}

/** Territories an actor may act on for a permission: 'all', or an explicit list (maybe empty). */
export function territoriesFor(
  actor: Actor,
  permission: Permission,
): 'all' | { territoires: string[]; regions: string[] } {
  if (can(actor, permission) && actor.grants.some((g) => g.role === 'national')) return 'all';
  const territoires: string[] = [];
  const regions: string[] = [];
  for (const grant of actor.grants) {
    if (grant.role === 'territorial' && RULES[permission as keyof typeof RULES]?.(grant, undefined)) {
      territoires.push(grant.territoire);
    }
    if (grant.role === 'regional' && RULES[permission as keyof typeof RULES]?.(grant, undefined)) {
      regions.push(grant.region);
    }
  }
  return { territoires, regions };
}

export const ROLE_LABELS: Record<RoleName, string> = {
  national: 'Équipe nationale (Délégation aux Territoires d’industrie)',
  regional: 'Coordination régionale',
  territorial: 'Équipe territoriale (chef de projet, binôme)',
  partner: 'Opérateur partenaire',
};
