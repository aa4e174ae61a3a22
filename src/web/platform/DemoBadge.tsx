import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Notice } from '@codegouvfr/react-dsfr/Notice';

/** Badge to put beside anything built from generated demonstration rows. */
export function DemoBadge() {
  return (
    <Badge severity="warning" small>
      Données de démonstration
    </Badge>
  );
}

/** Banner for a page that shows demonstration data (DESIGN.md: every such page says so). */
export function DemoNotice({ detail }: { detail?: string }) {
  return (
    <Notice
      className="fr-mb-3w"
      title="Données de démonstration"
      description={
        detail ??
        'Cette page montre des données générées pour la démonstration, calibrées sur les chiffres publiés du programme : elles ne décrivent pas la réalité d’un territoire.'
      }
    />
  );
}
