import { matchRoutes } from 'react-router-dom';
import { fetchMoi, MOI_KEY } from '../comptes/useMoi';
import { apiQuery } from './api';
import { queryClient } from './queryClient';
import { routes } from './routes';

// On a first load the page's code is a separate file that the entry asks for only when React renders
// the route, and the page asks for its data only once that file has run: three round trips in a row
// (entry, page, data). Here, before React starts, the entry asks at once for the page's code, the
// signed-in person and the data the route declares (routes.tsx `data`), into the query cache the
// page reads with the same keys: the page then finds them arrived or on their way.

export function startCurrentPage(location: Pick<Location, 'pathname' | 'search'> = window.location): void {
  void queryClient.prefetchQuery({ queryKey: MOI_KEY, queryFn: fetchMoi, staleTime: 60_000 });
  const match = matchRoutes(routes, location.pathname)?.[0];
  if (!match) return;
  const route = match.route;
  // Data first: over HTTP/1.1 the browser opens six connections per host, and the page's code comes
  // in a dozen files; the answers are small and the page is drawn as soon as both are there.
  for (const { url, staleTime } of route.data?.(match.params, new URLSearchParams(location.search)) ?? []) {
    void queryClient.prefetchQuery({ queryKey: [url], queryFn: apiQuery(url), staleTime });
  }
  void route.Page.preload();
}
