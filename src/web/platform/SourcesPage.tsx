import { usePageTitle } from './usePageTitle';

/** What the platform's reference data is made of, with its producers and licences. */
export default function SourcesPage() {
  usePageTitle('Sources des données');
  return (
    <div className="fr-my-4w">
      <h1>Sources des données</h1>
      <p className="fr-text--lead">
        Les données de référence de Pilote TI sont des données publiques, réutilisées sous Licence Ouverte /
        Etalab 2.0.
      </p>
      <ul>
        <li>
          Périmètres des Territoires d’industrie (Temps I, Temps II à la labellisation de novembre 2023 et
          mise à jour de septembre 2024) — ANCT, service de cartographie — Licence Ouverte 2.0.
        </li>
        <li>Contours des régions et des départements — ANCT, octobre 2023 — Licence Ouverte 2.0.</li>
        <li>
          Contours des intercommunalités (EPCI au code officiel géographique 2023, établissements publics
          territoriaux du Grand Paris) — construits à partir d’IGN Admin Express COG 2018 — Licence Ouverte
          2.0.
        </li>
        <li>
          Communes, intercommunalités, départements, régions et populations municipales — INSEE, code officiel
          géographique 2023 et 2026 — Licence Ouverte 2.0.
        </li>
        <li>
          Action cœur de ville, Petites villes de demain, quartiers prioritaires de la politique de la ville
          2024, massifs de montagne — ANCT — Licence Ouverte 2.0.
        </li>
        <li>Emploi salarié privé — URSSAF ; demandeurs d’emploi — DARES — Licence Ouverte 2.0.</li>
      </ul>
      <p>
        Les plans d’action, la gouvernance des territoires et les lauréats ne sont pas des données publiques :
        la plateforme les importe. Les pages qui montrent des données générées pour la démonstration le
        signalent par la mention « Données de démonstration ».
      </p>
    </div>
  );
}
