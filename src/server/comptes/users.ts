import type { RegionOf } from '../../domain/comptes/grants';
import type { Grant } from '../../domain/comptes/policy';
import { isOperateur, operateurLabel } from '../../domain/offres/vocabulary';
import type { Sql } from '../platform/db/database';
import { badRequest } from '../platform/http/errors';
import { toGrant } from './sessions';

// Reading and writing accounts and their scoped roles.

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: boolean;
  demo: boolean;
  failed_attempts: number;
  locked_until: Date | null;
}

export async function findUserByEmail(sql: Sql, email: string): Promise<UserRow | undefined> {
  const { rows } = await sql.query<UserRow>(
    `SELECT id, email, display_name, password_hash, active, demo, failed_attempts, locked_until
       FROM users WHERE lower(email) = lower($1)`,
    [email.trim()],
  );
  return rows[0];
}

export async function grantsOf(sql: Sql, userId: string): Promise<Grant[]> {
  const { rows } = await sql.query<Parameters<typeof toGrant>[0]>(
    'SELECT role, region_code, territoire_id, organisation FROM user_grants WHERE user_id = $1 ORDER BY id',
    [userId],
  );
  return rows.map(toGrant);
}

export async function replaceGrants(sql: Sql, userId: string, grants: readonly Grant[]): Promise<void> {
  await sql.query('DELETE FROM user_grants WHERE user_id = $1', [userId]);
  for (const g of grants) {
    await sql.query(
      'INSERT INTO user_grants (user_id, role, region_code, territoire_id, organisation) VALUES ($1, $2, $3, $4, $5)',
      [
        userId,
        g.role,
        g.role === 'regional' ? g.region : null,
        g.role === 'territorial' ? g.territoire : null,
        g.role === 'partner' ? g.organisation : null,
      ],
    );
  }
}

/** Region of every territory of the current perimeter (183 rows, read per admin request). */
export async function regionLookup(sql: Sql): Promise<{ regionOf: RegionOf; regions: Set<string> }> {
  const [territoires, regions] = await Promise.all([
    sql.query<{ id: string; region_code: string }>(
      `SELECT t.id, t.region_code FROM territoires t JOIN perimetres p ON p.version = t.version AND p.courant`,
    ),
    sql.query<{ code: string }>('SELECT code FROM regions'),
  ]);
  const map = new Map(territoires.rows.map((r) => [r.id, r.region_code]));
  return { regionOf: (ti) => map.get(ti), regions: new Set(regions.rows.map((r) => r.code)) };
}

/** Role input from the API (French keys) → Grant, with a French error naming the faulty entry. */
export interface GrantInput {
  role: Grant['role'];
  region?: string;
  territoire?: string;
  organisation?: string;
}

export function parseGrants(
  input: readonly GrantInput[],
  lookup: { regionOf: RegionOf; regions: Set<string> },
): Grant[] {
  return input.map((item, index) => parseGrant(item, `Rôle n° ${index + 1}`, lookup));
}

function parseGrant(
  item: GrantInput,
  where: string,
  lookup: { regionOf: RegionOf; regions: Set<string> },
): Grant {
  switch (item.role) {
    case 'national':
      return { role: 'national' };
    case 'regional':
      if (!item.region || !lookup.regions.has(item.region)) {
        throw badRequest(
          `${where} : région « ${item.region ?? ''} » inconnue (code INSEE de région attendu, ex. 84).`,
        );
      }
      return { role: 'regional', region: item.region };
    case 'territorial':
      if (!item.territoire || !lookup.regionOf(item.territoire)) {
        throw badRequest(
          `${where} : territoire « ${item.territoire ?? ''} » inconnu (identifiant attendu, ex. ti-8422).`,
        );
      }
      return { role: 'territorial', territoire: item.territoire };
    case 'partner':
      if (!item.organisation || !isOperateur(item.organisation)) {
        throw badRequest(
          `${where} : opérateur « ${item.organisation ?? ''} » inconnu (ex. bpifrance, ademe).`,
        );
      }
      return { role: 'partner', organisation: item.organisation };
  }
}

/** API shape of a grant: the scope keys in French, plus a readable label. */
export function grantOut(g: Grant) {
  switch (g.role) {
    case 'national':
      return { role: g.role };
    case 'regional':
      return { role: g.role, region: g.region };
    case 'territorial':
      return { role: g.role, territoire: g.territoire };
    case 'partner':
      return {
        role: g.role,
        organisation: g.organisation,
        organisationLibelle: operateurLabel(g.organisation),
      };
  }
}
