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
 * Starts, in parallel, everything the national map needs: its code (MapLibre) and its layer, so that
 * nothing waits in a chain. Region pages, whose first view is the map, call it as soon as they load;
 * the home page, whose map is below the first screen, only when the map comes near the viewport
 * (DeferredNationalMap).
 */
export function preloadNationalMap() {
  const code = import('./NationalMap');
  void queryClient.prefetchQuery(carteTerritoiresQuery);
  return code;
}
