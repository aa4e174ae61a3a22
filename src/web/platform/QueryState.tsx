import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from './api';
import NotFound from './NotFound';

/** Loading text for a region of the page (announced politely to screen readers). */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="fr-text--sm fr-my-2w pilote-loading" role="status">
      {label}
    </p>
  );
}

/** An API error in a DSFR alert, with the server's French message. */
export function ErrorAlert({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : 'Erreur inconnue.';
  return <Alert severity="error" title="Le chargement a échoué" description={message} className="fr-my-2w" />;
}

/**
 * Renders `children(data)` once the query succeeded; a loading text before, an error alert (or the
 * 404 page when the server answered 404) after a failure.
 */
export function QueryState<T>({
  query,
  children,
  loadingLabel,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return <NotFound message={query.error.message} />;
    return <ErrorAlert error={query.error} />;
  }
  return <>{children(query.data)}</>;
}
