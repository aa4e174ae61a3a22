import { Link } from 'react-router-dom';
import { regionColour } from './palette';

/** Legend of the national map: one swatch per region, each a link to the region's page. */
export function RegionLegend({
  regions,
}: {
  regions: readonly { code: string; nom: string; nbTerritoires?: number }[];
}) {
  const sorted = [...regions].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  return (
    <div>
      <h2 className="fr-h6 fr-mb-1w" id="legende-carte">
        Légende : territoires par région
      </h2>
      <ul className="pilote-legend" aria-labelledby="legende-carte">
        {sorted.map((r) => (
          <li key={r.code}>
            <span
              className="pilote-legend__swatch"
              style={{ background: regionColour(r.code) }}
              aria-hidden="true"
            />
            <Link to={`/regions/${r.code}`}>{r.nom}</Link>
            {r.nbTerritoires != null && <span className="fr-text--xs fr-mb-0">({r.nbTerritoires})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
