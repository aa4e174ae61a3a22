import { usePageTitle } from './usePageTitle';

/** French 404 page, for unknown routes and for unknown ids (`message` then says which). */
export default function NotFound({ message }: { message?: string }) {
  usePageTitle('Page non trouvée');
  return (
    <div className="fr-my-7w fr-mt-md-12w fr-mb-md-10w">
      <h1>Page non trouvée</h1>
      <p className="fr-text--sm fr-mb-3w">Erreur 404</p>
      <p className="fr-text--lead fr-mb-3w">{message ?? 'La page que vous cherchez est introuvable.'}</p>
      <p className="fr-text--sm fr-mb-5w">
        Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est
        peut-être plus disponible.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn" href="/">
            Page d’accueil
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href="/recherche">
            Rechercher un territoire
          </a>
        </li>
      </ul>
    </div>
  );
}
