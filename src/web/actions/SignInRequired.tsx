import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link } from 'react-router-dom';

/** Action plans are working documents: signed-in users only; the figures stay public. */
export function SignInRequired() {
  return (
    <Alert
      severity="info"
      title="Connexion requise"
      description={
        <>
          Les plans d'action sont des documents de travail réservés aux équipes du programme : connectez-vous
          pour les consulter. Les chiffres agrégés restent publics (
          <Link to="/actions/chiffres">chiffres des plans d'action</Link>).
        </>
      }
    />
  );
}
