import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Starting leaves a lot of garbage behind (migrations read, reference checks, module compilation),
// and an idle Node.js process does not collect it: nothing allocates, so no collection runs and the
// heap stays at its startup high-water mark. One full, compacting collection once the server is
// listening brings the resident memory down to what is actually live (tens of MiB). It runs once
// the startup's allocations are a few seconds old: V8 only gives back the young generation's space
// when the recent allocation rate is low.

const SETTLE_DELAY_MS = 10_000;

/** A full garbage collection function, without having started Node.js with --expose-gc. */
function fullCollection(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    // The flag only applies to contexts created after it is set: take `gc` from a fresh one, then
    // unset it so that nothing else sees it.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? gc : null;
  } catch {
    return null;
  }
}

/** Runs one full collection shortly after start; does not keep the process alive. */
export function settleMemoryAfterStart(delayMs = SETTLE_DELAY_MS): void {
  const gc = fullCollection();
  if (!gc) return;
  setTimeout(gc, delayMs).unref();
}
