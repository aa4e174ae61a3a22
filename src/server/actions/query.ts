import { isAxe, isStatut, isThematique, NON_RENSEIGNE } from '../../domain/actions';
import { type Actor, can, type Permission } from '../../domain/comptes/policy';
import { badRequest } from '../platform/http/errors';

// Filters of the action lists, exports and figures, turned into one parameterised WHERE clause.
// The same function serves the list, the exports and the statistics so that a filtered list and
// its export always contain the same actions.

export interface ActionFilters {
  ti?: string;
  region?: string;
  axe?: string;
  thematique?: string;
  /** A status code or « non-renseigne » (status IS NULL). */
  statut?: string;
  /** French full-text search. */
  q?: string;
  /** 'non' (default): current actions; 'oui': archived only; 'tous': both. */
  archivee?: 'non' | 'oui' | 'tous';
  /** 'oui' / 'non': only demonstration rows, or none. */
  demo?: 'oui' | 'non';
}

/** What an actor may read: everything, or some territories and regions. */
export type Visibility = 'all' | { territoires: string[]; regions: string[] };

export function visibilityFor(actor: Actor, permission: Permission = 'actions.read'): Visibility {
  const territoires: string[] = [];
  const regions: string[] = [];
  for (const grant of actor.grants) {
    const single = { userId: actor.userId, grants: [grant] };
    if (grant.role === 'national' || grant.role === 'partner') {
      if (can(single, permission, { territoire: '*', region: '*', organisation: '*' })) return 'all';
    } else if (grant.role === 'regional' && can(single, permission, { region: grant.region })) {
      regions.push(grant.region);
    } else if (grant.role === 'territorial' && can(single, permission /* on its own territory */)) {
      territoires.push(grant.territoire);
    }
  }
  return { territoires, regions };
}

export interface Where {
  sql: string;
  params: unknown[];
}

const values = (list: string[]) => list;

/** Checks the codes a caller sent (French messages naming the parameter). */
export function checkFilters(f: ActionFilters): void {
  if (f.axe !== undefined && !isAxe(f.axe))
    throw badRequest(
      `Paramètre « axe » : valeur « ${f.axe} » inconnue ; attendu l'un de : competences, foncier, innovation, transition, transversal.`,
    );
  if (f.thematique !== undefined && !isThematique(f.thematique))
    throw badRequest(
      `Paramètre « thematique » : valeur « ${f.thematique} » inconnue ; consultez /api/v1/actions/vocabulaire.`,
    );
  if (f.statut !== undefined && f.statut !== NON_RENSEIGNE.code && !isStatut(f.statut))
    throw badRequest(
      `Paramètre « statut » : valeur « ${f.statut} » inconnue ; attendu l'un de : amont, etude, en-cours, en-pause, realise, abandonne, non-renseigne.`,
    );
}

export function buildWhere(f: ActionFilters, visibility: Visibility): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const archivee = f.archivee ?? 'non';
  if (archivee === 'non') clauses.push('archived_at IS NULL');
  else if (archivee === 'oui') clauses.push('archived_at IS NOT NULL');
  if (f.ti) clauses.push(`territoire_id = ${p(f.ti)}`);
  if (f.region) clauses.push(`region_code = ${p(f.region)}`);
  if (f.axe) clauses.push(`axe = ${p(f.axe)}`);
  if (f.thematique) clauses.push(`thematiques @> ARRAY[${p(f.thematique)}]::text[]`);
  if (f.statut === NON_RENSEIGNE.code) clauses.push('statut IS NULL');
  else if (f.statut) clauses.push(`statut = ${p(f.statut)}`);
  if (f.demo === 'oui') clauses.push('demo');
  else if (f.demo === 'non') clauses.push('NOT demo');
  const q = f.q?.trim();
  if (q) clauses.push(`search @@ websearch_to_tsquery('pg_catalog.french', public.f_unaccent(${p(q)}))`);
  if (visibility !== 'all') {
    const parts: string[] = [];
    if (visibility.territoires.length)
      parts.push(`territoire_id = ANY(${p(values(visibility.territoires))}::text[])`);
    if (visibility.regions.length) parts.push(`region_code = ANY(${p(values(visibility.regions))}::text[])`);
    clauses.push(parts.length ? `(${parts.join(' OR ')})` : 'false');
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Sort keys of the list (French, « - » for descending) and their ORDER BY. */
export const SORTS: Record<string, string> = {
  intitule: 'title',
  territoire: 'territoire_id, title',
  region: 'region_code, territoire_id, title',
  axe: 'axe, title',
  statut: 'statut NULLS LAST, title',
  porteur: 'owner NULLS LAST, title',
  budgetPrevisionnel: 'planned_budget NULLS LAST, title',
  financementsObtenus: 'funding_obtained NULLS LAST, title',
  dateDebut: 'start_date NULLS LAST, title',
  dateFin: 'end_date NULLS LAST, title',
  modifieLe: 'updated_at, title',
};

export function orderBy(sort: string | undefined, f: ActionFilters): string {
  const key = sort?.replace(/^-/, '') ?? (f.ti ? 'intitule' : 'territoire');
  const base = SORTS[key];
  if (!base)
    throw badRequest(
      `Paramètre « sort » : valeur « ${sort} » inconnue ; attendu l'un de : ${Object.keys(SORTS).join(', ')} (précédé de « - » pour l'ordre décroissant).`,
    );
  const descending = sort?.startsWith('-') ?? false;
  const columns = base.split(', ').map((c) => {
    if (!descending) return c;
    return c.includes('NULLS LAST') ? c.replace('NULLS LAST', 'DESC NULLS LAST') : `${c} DESC`;
  });
  return `ORDER BY ${columns.join(', ')}, id`;
}
