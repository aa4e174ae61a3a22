import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Starting leaves a lot of garbage behind (migrations read, reference checks, module compilation),
// and an idle Node.js process does not collect it: nothing allocates, so no collection runs and the
// heap stays at its startup high-water mark. The same happens after a burst of requests (the first
// portraits and maps computed, large responses serialised and compressed): the heap grows to a
// couple of hundred MiB, mostly garbage, and stays there once the traffic stops. A full, compacting
// collection when the process is idle brings the resident memory down to what is actually live.
// It runs once the allocations are a few seconds old: V8 only gives back the young generation's
// space when the recent allocation rate is low. Further collections are what return the emptied
// pages to the system (each one frees objects and compacts part of the heap; V8 unmaps the pages it
// no longer needs on the next ones): in a test, 289 MiB of heap holding 12 MiB of live objects went
// down to 218 MiB after one collection, 132 MiB after two, 47 MiB after three. So collections
// repeat, half a second apart (the event loop stays free between them), while the heap shrinks.

const SETTLE_DELAY_MS = 10_000;
const NEXT_COLLECTION_MS = 500;
const MAX_COLLECTIONS = 6;
/** Another collection is worth it while the previous one gave back at least this much. */
const SHRINK_BYTES = 2 * 1024 * 1024;
/** How often the idle watcher looks at the event loop and the heap. */
const CHECK_INTERVAL_MS = 2_000;
/** Idle: the event loop was busy less than this share of the last interval. */
const IDLE_UTILIZATION = 0.02;
/** Collect when the heap has grown by this much since the last settling. */
const GROWTH_BYTES = 16 * 1024 * 1024;

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

let watching = false;

/**
 * Runs a full collection shortly after start, then again whenever the heap has grown noticeably
 * and the process has been idle for a couple of seconds. Never keeps the process alive; one
 * watcher per process (the heap is the process's, whatever the number of platforms in it).
 */
export function settleMemoryAfterStart(delayMs = SETTLE_DELAY_MS): void {
  if (watching) return;
  const gc = fullCollection();
  if (!gc) return;
  watching = true;
  let settledHeap = Number.POSITIVE_INFINITY;
  let settling = false;
  const heapSize = () => getHeapStatistics().total_heap_size;
  const settle = (count = 1, before = heapSize()) => {
    settling = true;
    gc();
    setTimeout(() => {
      const after = heapSize();
      if (count < MAX_COLLECTIONS && before - after >= SHRINK_BYTES) return settle(count + 1, after);
      settledHeap = heapSize();
      settling = false;
    }, NEXT_COLLECTION_MS).unref();
  };
  setTimeout(() => {
    settle();
    let last = performance.eventLoopUtilization();
    setInterval(() => {
      const now = performance.eventLoopUtilization();
      const idle = performance.eventLoopUtilization(now, last).utilization < IDLE_UTILIZATION;
      last = now;
      if (idle && !settling && heapSize() > settledHeap + GROWTH_BYTES) settle();
    }, CHECK_INTERVAL_MS).unref();
  }, delayMs).unref();
}
