import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Topology } from 'topojson-specification';
import { apiQuery } from '../platform/api';
import { LAYER_URL } from './dataPath';

// Apart from SvgChoropleth.tsx, which brings the charting library: the dashboard asks for the layer
// before that library has loaded.

/** Starts loading the territories' layer with the page's own data (the map mounts only once that is in). */
export function usePrefetchMapLayer(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (enabled) {
      void client.prefetchQuery({
        queryKey: [LAYER_URL],
        queryFn: apiQuery<Topology>(LAYER_URL),
        staleTime: Number.POSITIVE_INFINITY,
      });
    }
  }, [client, enabled]);
}
