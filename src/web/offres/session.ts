import { useQuery } from '@tanstack/react-query';
import { fetchMoi, MOI_KEY } from '../comptes/useMoi';
import { api } from '../platform/api';

// The signed-in person as the offers pages need it (roles, CSRF token for writes). Read from
// /api/v1/comptes/moi; the server decides anyway, this only hides what it would refuse.

export type Role =
  | { role: 'national' }
  | { role: 'regional'; region: string }
  | { role: 'territorial'; territoire: string }
  | { role: 'partner'; organisation: string };

export type Me = { connecte: false } | { connecte: true; nom: string; roles: Role[]; csrfToken: string };

/** The signed-in person, from the one cache entry the header and every page share (one request). */
export function useMe() {
  return useQuery({ queryKey: MOI_KEY, queryFn: fetchMoi, staleTime: 60_000, select: (moi) => moi as Me });
}

/** POST with the session's CSRF token (kept by the platform's `api()`, asked for again if it changed). */
export function post<T>(path: string, body: unknown): Promise<T> {
  return api<T>(path, { method: 'POST', body });
}

export const hasRole = (me: Me | undefined, role: Role['role']) =>
  Boolean(me?.connecte && me.roles.some((r) => r.role === role));
