import { useSearchParams } from 'react-router-dom';

/** The non-empty entries of a filter record as address parameters, in the record's order. */
export function filterParams(values: Record<string, string>): URLSearchParams {
  return new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
}

/** `base` followed by `extra`, joined with `&` only when both are there (`a=1&limit=50`, `limit=50`). */
export function joinParams(base: string, extra: string): string {
  return base && extra ? `${base}&${extra}` : base || extra;
}

/**
 * Filters kept in the page's address, so that a filtered list can be bookmarked, shared and reached
 * with the back button. `keys` are the parameters read, in the order the API receives them; a missing
 * one is ''. Setting filters drops every other parameter, the page number included (a new filter
 * starts again at page 1).
 */
export function useUrlFilters(keys: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? '']));
  const query = filterParams(filters);
  return {
    filters,
    /** The non-empty filters, without the page. */
    query,
    qs: query.toString(),
    /** The 1-based page number of the address (`page`), 1 when absent or invalid. */
    page: Math.max(1, Number(params.get('page') ?? '1') || 1),
    setFilters: (next: Record<string, string>) => setParams(filterParams(next)),
  };
}
