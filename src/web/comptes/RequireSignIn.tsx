import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Loading } from '../platform/QueryState';
import { type Moi, type Role, useMoi } from './useMoi';

/** Shows `children` to a signed-in person holding one of `roles` (any role when omitted). */
export function RequireSignIn({
  roles,
  children,
}: {
  roles?: Role[];
  children: (moi: Extract<Moi, { connecte: true }>) => ReactNode;
}) {
  const { data: moi, isPending } = useMoi();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (!moi?.connecte) {
    return (
      <Alert
        severity="info"
        title="Connexion requise"
        description={
          <>
            Cette page est réservée aux personnes connectées.{' '}
            <Link to={`/connexion?retour=${encodeURIComponent(location.pathname + location.search)}`}>
              Se connecter
            </Link>
          </>
        }
      />
    );
  }
  if (roles && !moi.roles.some((r) => roles.includes(r.role))) {
    return (
      <Alert
        severity="warning"
        title="Accès refusé"
        description="Votre rôle ne permet pas d’accéder à cette page."
      />
    );
  }
  return <>{children(moi)}</>;
}
