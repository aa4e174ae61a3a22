// The address of a page of the action list, built from the page's address: shared by the list
// (its query key) and by the application's start (platform/earlyStart.ts), which asks for the
// same page while the list's code is still loading — the same key, so one request.

export const FILTER_KEYS = ['axe', 'thematique', 'statut', 'region', 'q', 'archivee'] as const;
export const PAGE_SIZE = 25;

/** The list's filters: the page's territory or region first, then the address's own filters. */
export function actionFilters(
  params: URLSearchParams,
  scope: { ti?: string; region?: string },
): URLSearchParams {
  const filters = new URLSearchParams();
  if (scope.ti) filters.set('ti', scope.ti);
  if (scope.region) filters.set('region', scope.region);
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && !(key === 'region' && scope.region)) filters.set(key, value);
  }
  return filters;
}

/** The 1-based page number of the address, 1 when absent or invalid. */
export const pageOf = (params: URLSearchParams) => Math.max(1, Number(params.get('page') ?? 1) || 1);

/** GET address of the page of actions that the list shows for this address. */
export function actionListUrl(params: URLSearchParams, scope: { ti?: string; region?: string }): string {
  const query = actionFilters(params, scope);
  query.set('page', String(pageOf(params)));
  query.set('limit', String(PAGE_SIZE));
  const sort = params.get('tri');
  if (sort) query.set('sort', sort);
  return `/api/v1/actions?${query}`;
}
