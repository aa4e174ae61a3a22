import autocannon from 'autocannon';
import type { AppContext } from '../src/server/platform/context';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/server/portraits/pdf';

// Shared tools of `npm run bench`. Every figure is measured in the same run as its baseline (the
// trivial endpoint /api/v1/sante on the same server), so that ratios, not raw numbers, are compared.

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface BenchRecord {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

export interface Bench {
  /** Base URL of the server under test (a separate process, like in production). */
  url: string;
  /**
   * Runs `work` with direct access to the benchmark's database (to insert 100× data, say): the
   * server is stopped (PGlite allows one process per data folder), then restarted afterwards.
   */
  withDatabase<T>(work: (ctx: AppContext) => Promise<T>): Promise<T>;
  /** Resident memory of the server process, in MiB. */
  serverMemoryMiB(): number;
  /** Concurrent load on one path (GET unless said), measured with autocannon. */
  load(
    path: string,
    options?: {
      connections?: number;
      seconds?: number;
      headers?: Record<string, string>;
      method?: string;
      body?: string;
    },
  ): Promise<LoadResult>;
  /** Times an async function once (ms). */
  time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }>;
  record(entry: BenchRecord): void;
  /** Baseline of this run: the trivial endpoint under the same load. */
  baseline(connections: number): Promise<LoadResult>;
}

export async function runLoad(
  url: string,
  options: {
    connections?: number;
    seconds?: number;
    headers?: Record<string, string>;
    method?: string;
    body?: string;
  } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 20,
    duration: options.seconds ?? 5,
    headers: { 'accept-encoding': 'gzip', ...options.headers },
    method: (options.method ?? 'GET') as 'GET',
    body: options.body,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Headless Chromium with the same flags as the PDF printer and the browser tests. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Resolves once the national MapLibre map (exposed under automation as `__piloteMap`) has drawn its layers. */
export function nationalMapDrawn(page: import('playwright-core').Page) {
  return page.waitForFunction(
    () => {
      const map = (
        window as unknown as { __piloteMap?: { loaded(): boolean; queryRenderedFeatures(): unknown[] } }
      ).__piloteMap;
      return Boolean(map?.loaded() && map.queryRenderedFeatures().length > 0);
    },
    undefined,
    { timeout: 30_000 },
  );
}
