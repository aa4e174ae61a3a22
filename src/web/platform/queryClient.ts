import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/** The application's single react-query client (exported so that a page can prefetch before rendering). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The référentiel changes a few times a year: no refetch on focus, a generous freshness.
      staleTime: 5 * 60_000,
      refetchOnWindowFocus: false,
      // A 4xx answer (unknown id, bad query) will not change by retrying.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
