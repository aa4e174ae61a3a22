// The addresses a dashboard reads, built from the page's address: shared by the dashboard (its query
// keys) and by the application's start (platform/earlyStart.ts), which asks for them while the
// dashboard's code is still loading — the same keys, so one request each.

export type Level =
  | { niveau: 'national' }
  | { niveau: 'region'; code: string }
  | { niveau: 'territoire'; id: string };

export const FILTERS = ['campagne', 'region', 'axe', 'thematique', 'statut'] as const;

/** The TI layer of the SVG maps (national and regional dashboards). */
export const LAYER_URL = '/api/v1/carte/territoires';

export function apiPath(level: Level): string {
  if (level.niveau === 'region') return `/api/v1/tableaux-de-bord/regions/${level.code}`;
  if (level.niveau === 'territoire') return `/api/v1/tableaux-de-bord/territoires/${level.id}`;
  return '/api/v1/tableaux-de-bord/national';
}

/** The dashboard's filters present in the address, in the API's order. */
export function dashboardFilters(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
}

/** GET address of the dashboard's data for this level and address. */
export function dashboardUrl(level: Level, params: URLSearchParams): string {
  const search = new URLSearchParams(dashboardFilters(params)).toString();
  const path = apiPath(level);
  return search ? `${path}?${search}` : path;
}
