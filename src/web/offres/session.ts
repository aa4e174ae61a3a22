import { useQuery } from '@tanstack/react-query';
import { fetchMoi, MOI_KEY } from '../comptes/useMoi';
import { ApiError, api } from '../platform/api';

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

/** POST with the session's CSRF token (fetched once; a 403 on the token is retried with a fresh one). */
export async function post<T>(path: string, body: unknown): Promise<T> {
  const me = await api<Me>('/api/v1/comptes/moi');
  if (!me.connecte)
    throw new ApiError('Authentification requise : connectez-vous pour accéder à cette ressource.', 401);
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const message = (data as { message?: string } | null)?.message;
    throw new ApiError(message || `Erreur ${response.status} du serveur pour ${path}.`, response.status);
  }
  return data as T;
}

export const hasRole = (me: Me | undefined, role: Role['role']) =>
  Boolean(me?.connecte && me.roles.some((r) => r.role === role));
