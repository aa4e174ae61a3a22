/** Thin fetch helper for the platform's JSON API: every failure becomes an `ApiError` with a French message. */

export type Source = { libelle: string; producteur: string; date: string; licence: string; url?: string };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The error's JSON body as the server sent it (a 409's changes made in between, a 400's fields). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ApiOptions = { method?: string; body?: unknown; signal?: AbortSignal };

// Cookie-authenticated writes must carry the session's CSRF token (X-CSRF-Token). It comes from
// /api/v1/comptes/moi, fetched once and kept here; sign-in and sign-out replace or clear it.
let csrfToken: string | null | undefined;
const UNSAFE = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/** Records the CSRF token of the current session (null when signed out). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token;
}

/** The session's CSRF token (asked for once), for the few writes that cannot go through `api()` (uploads). */
export async function currentCsrfToken(refresh = false): Promise<string | null> {
  if (csrfToken === undefined || refresh) {
    try {
      const response = await fetch('/api/v1/comptes/moi', {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      const moi = (await response.json()) as { csrfToken?: string };
      csrfToken = moi.csrfToken ?? null;
    } catch {
      csrfToken = null;
    }
  }
  return csrfToken ?? null;
}

/** Calls `path` (e.g. `/api/v1/territoires`) and returns the parsed JSON body, or throws an `ApiError`. */
export async function api<T>(path: string, options: ApiOptions = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const method = options.method ?? 'GET';
  if (UNSAFE(method)) {
    const token = await currentCsrfToken(retried);
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.', 0);
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (response.ok) throw new ApiError(`Réponse illisible du serveur pour ${path}.`, response.status);
    }
  }
  if (!response.ok) {
    // The session changed in another tab (new token): fetch it again and retry once.
    if (response.status === 403 && UNSAFE(method) && !retried && /CSRF/.test(text))
      return api<T>(path, options, true);
    const details = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const message = details.message;
    throw new ApiError(
      typeof message === 'string' && message ? message : `Erreur ${response.status} du serveur pour ${path}.`,
      response.status,
      details,
    );
  }
  return data as T;
}

/** Shorthand for react-query: `useQuery({ queryKey: [path], queryFn: apiQuery(path) })`. */
export const apiQuery =
  <T>(path: string) =>
  ({ signal }: { signal: AbortSignal }) =>
    api<T>(path, { signal });
