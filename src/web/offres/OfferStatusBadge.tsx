import { Badge } from '@codegouvfr/react-dsfr/Badge';

/** « Ouverte » (green), « À venir » (blue), « Fermée » (grey): the status of an offer. */
export function OfferStatusBadge({ statut, libelle }: { statut: string; libelle: string }) {
  const severity = statut === 'ouverte' ? 'success' : statut === 'a-venir' ? 'info' : undefined;
  return (
    <Badge small severity={severity} noIcon={!severity}>
      {libelle}
    </Badge>
  );
}

const REQUEST_SEVERITY: Record<string, 'success' | 'info' | 'warning' | 'error' | 'new' | undefined> = {
  nouvelle: 'new',
  'en-instruction': 'info',
  reorientee: 'warning',
  favorable: 'success',
  declinee: 'error',
};

/** Status of a request (sollicitation). */
export function RequestStatusBadge({ statut, libelle }: { statut: string; libelle: string }) {
  return (
    <Badge small severity={REQUEST_SEVERITY[statut]}>
      {libelle}
    </Badge>
  );
}
