/**
 * The land figures of a perimeter (France, a region, a territory) in a few lines, for the dashboards
 * and the portraits: sites clés en main by maturity, land recycling, and the land needs in the plans.
 */
import { Link } from 'react-router-dom';
import type { LandNeedFigures, SiteFigures } from '../../domain/foncier/summary';
import { type LeverProps, type LeverScope, scopeQuery } from '../financements/FinancementsSummary';
import { formatInteger, plural } from '../platform/format';

/** The part of `GET /api/v1/foncier/stats` this summary reads (see src/server/foncier/data.ts). */
export type FoncierStats = {
  perimetre: { niveau: string; code: string; nom: string };
  sites: SiteFigures;
  besoins: LandNeedFigures;
  publie: { sites: number; surfaceHa: number; recyclageFoncier: number } | null;
  demo: boolean;
};

export const foncierStatsUrl = (scope: LeverScope) => `/api/v1/foncier/stats${scopeQuery(scope)}`;

export const formatHectares = (n: number) =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n)} ha`;

export function FoncierSummary({ stats, scope, print = false }: LeverProps<FoncierStats>) {
  const s = stats.sites;
  const maturities = s.maturites.filter((m) => m.count > 0);
  return (
    <div className="pilote-lever" data-lever="foncier">
      <h3 className="fr-h6 pilote-lever__title">Foncier</h3>
      <ul className="pilote-lever__figures">
        <li>
          <strong>{plural(s.sites, 'site clé en main', 'sites clés en main')}</strong>
          {s.sites > 0 ? ` (${formatHectares(s.surfaceHa)})` : ''}
        </li>
        {maturities.length > 0 && (
          <li>
            Maturité :{' '}
            {maturities.map((m, i) => (
              <span key={m.code}>
                {i > 0 ? ' ; ' : ''}
                {m.label.toLowerCase()} : <strong>{formatInteger(m.count)}</strong>
              </span>
            ))}
          </li>
        )}
        {s.sites > 0 && (
          <li>
            <strong>{formatInteger(s.recyclageFoncier.sites)}</strong> en recyclage foncier (
            {formatHectares(s.recyclageFoncier.surfaceHa)})
          </li>
        )}
        {s.ateliers.concernes > 0 && (
          <li>
            <strong>{s.ateliers.pct} %</strong> des ateliers d’accompagnement tenus,{' '}
            {plural(s.feuillesDeRoute, 'feuille de route restituée', 'feuilles de route restituées')}
          </li>
        )}
        <li>
          <strong>{plural(stats.besoins.besoins, 'besoin foncier', 'besoins fonciers')}</strong> inscrit
          {stats.besoins.besoins > 1 ? 's' : ''} dans les plans d’action
          {stats.besoins.besoins > 0 ? ` (${formatHectares(stats.besoins.surfaceHa)})` : ''}
        </li>
      </ul>
      {!print && (
        <p className="fr-text--sm">
          <Link to={`/foncier${scopeQuery(scope)}`}>
            Voir les sites clés en main<span className="fr-sr-only"> — {stats.perimetre.nom}</span>
          </Link>
        </p>
      )}
    </div>
  );
}
