import type { Actor } from '../../../domain/comptes/policy';

/** Who is asking, resolved once per request (from the session cookie) before any handler runs. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
  /** Set when the request is authenticated by a session cookie (then writes need the CSRF token). */
  session: { csrfToken: string; email: string; displayName: string; expiresAt: Date } | null;
  /** A session cookie was sent but is expired, revoked or forged. */
  sessionInvalid?: boolean;
}
