import { usePageTitle } from './usePageTitle';

/** Accessibility statement (RGAA): state of compliance and the alternatives offered. */
export default function AccessibilitePage() {
  usePageTitle('Accessibilité');
  return (
    <div className="fr-my-4w">
      <h1>Accessibilité : partiellement conforme</h1>
      <p className="fr-text--lead">
        Pilote TI vise la conformité au référentiel général d’amélioration de l’accessibilité (RGAA 4.1).
        Aucun audit externe n’a encore été réalisé.
      </p>
      <h2>Contenus et alternatives</h2>
      <ul>
        <li>
          Chaque carte est accompagnée d’un tableau qui en donne le même contenu (territoires, régions,
          membres) avec des liens vers chaque page.
        </li>
        <li>La recherche permet d’atteindre au clavier n’importe quel territoire, groupement ou commune.</li>
        <li>Les pages sont testées automatiquement avec axe-core à chaque modification du code.</li>
      </ul>
      <h2>Signaler un défaut</h2>
      <p>
        Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez l’équipe de la Délégation
        aux Territoires d’industrie pour être orienté vers une alternative accessible.
      </p>
    </div>
  );
}
