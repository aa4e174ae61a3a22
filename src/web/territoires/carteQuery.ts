import type { Topology } from 'topojson-specification';
import { apiQuery } from '../platform/api';
import { queryClient } from '../platform/queryClient';

/** The national map layer (data/reference/derived/carte-territoires.topojson, served as is). */
export const carteTerritoiresQuery = {
  queryKey: ['/api/v1/carte/territoires'],
  queryFn: apiQuery<Topology>('/api/v1/carte/territoires'),
  staleTime: Number.POSITIVE_INFINITY,
};

/**
 * Starts, in parallel, everything the national map needs: its code (MapLibre) and its layer. Called
 * when a page with the map is loaded, before React renders it, so that nothing waits in a chain.
 */
export function preloadNationalMap() {
  const code = import('./NationalMap');
  void queryClient.prefetchQuery(carteTerritoiresQuery);
  return code;
}
