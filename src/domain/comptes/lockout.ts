// Repeated sign-in failures lock the account for a while (against password guessing on one
// account); the per-IP rate limit (server side) covers guessing across many accounts.

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Per IP: at most this many sign-in and reset attempts in a window. */
export const IP_ATTEMPTS_PER_WINDOW = 30;
export const IP_WINDOW_MS = 10 * 60 * 1000;

export interface LockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export const isLocked = (state: LockState, now: Date) =>
  state.lockedUntil !== null && state.lockedUntil > now;

/** The state after one more failure: the fifth one locks the account and resets the counter. */
export function afterFailure(state: LockState, now: Date): LockState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) };
  }
  return { failedAttempts, lockedUntil: state.lockedUntil };
}

/** Start of the rate-limit window that contains `now` (fixed windows: one counter row per IP and window). */
export const windowStart = (now: Date) => new Date(Math.floor(now.getTime() / IP_WINDOW_MS) * IP_WINDOW_MS);
