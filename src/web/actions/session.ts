import { useQuery } from '@tanstack/react-query';
import { fetchMoi, MOI_KEY } from '../comptes/useMoi';
import { ApiError, api, currentCsrfToken } from '../platform/api';

// The signed-in person (roles, CSRF token for writes) and the write helper of the action pages.
// The server decides anyway: the roles only hide buttons it would refuse.

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

/** May this person edit the plan of territory `ti`? (national, or territorial on its own territory) */
export function canWrite(me: Me | undefined, ti: string | undefined): boolean {
  if (!me?.connecte) return false;
  return me.roles.some(
    (r) => r.role === 'national' || (r.role === 'territorial' && (!ti || r.territoire === ti)),
  );
}

/** An API error keeps the server's details (409: the changes made in between; 400: the fields). */
export { ApiError as DetailedApiError };

/** POST / PATCH / DELETE with the session's CSRF token; errors keep the server's French message and details. */
export function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return api<T>(path, { method, body });
}

/** Multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export async function upload<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; data: T }> {
  const token = await currentCsrfToken();
  if (!token)
    throw new ApiError('Authentification requise : connectez-vous pour accéder à cette ressource.', 401);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.', 0));
    xhr.onload = () => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: handled below */
      }
      if (xhr.status >= 400 && xhr.status !== 422) {
        reject(
          new ApiError(
            typeof data.message === 'string' ? data.message : `Erreur ${xhr.status} du serveur.`,
            xhr.status,
          ),
        );
      } else resolve({ status: xhr.status, data: data as T });
    };
    const form = new FormData();
    form.append('fichier', file);
    xhr.send(form);
  });
}
