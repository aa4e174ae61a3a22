/**
 * The governance figures of a perimeter (France, a region, a territory) in a few lines, for the
 * dashboards and the portraits: binômes, chefs de projet, coordinators and launch COPIL. Counts only:
 * names and contacts stay on the governance panel and in the directory, with their access rules.
 */
import { Link } from 'react-router-dom';
import { formatEuros } from '../financements/Figures';
import { type LeverProps, type LeverScope, scopeQuery } from '../financements/FinancementsSummary';
import { formatInteger, plural } from '../platform/format';
import type { GouvernanceStats } from './types';

export const gouvernanceStatsUrl = (scope: LeverScope) => `/api/v1/gouvernance/stats${scopeQuery(scope)}`;

export function GouvernanceSummary({ stats, scope, print = false }: LeverProps<GouvernanceStats>) {
  const c = stats.chiffres;
  const territory = Boolean(scope.territoire);
  const launched = c.territoiresCopilLancement;
  return (
    <div className="pilote-lever" data-lever="gouvernance">
      <h3 className="fr-h6 pilote-lever__title">Gouvernance</h3>
      <ul className="pilote-lever__figures">
        <li>
          Binôme{territory ? '' : 's'} : <strong>{plural(c.elus, 'élu')}</strong> et{' '}
          <strong>{plural(c.industriels, 'industriel')}</strong>
        </li>
        <li>
          <strong>{plural(c.chefsDeProjet, 'chef de projet', 'chefs de projet')}</strong>
          {c.chefsDeProjet > 0
            ? territory
              ? c.chefsCofinances > 0
                ? ', poste cofinancé par l’État'
                : ', poste non cofinancé'
              : `, dont ${formatInteger(c.chefsCofinances)} cofinancés par l’État`
            : ''}
          {!territory && c.cofinancementEtatEuros > 0 ? ` (${formatEuros(c.cofinancementEtatEuros)})` : ''}
        </li>
        {!territory && (
          <li>
            <strong>{plural(c.coordinateurs, 'coordinateur régional', 'coordinateurs régionaux')}</strong>
            {stats.perimetre.niveau === 'national' ? ` dans ${plural(c.regionsCoordonnees, 'région')}` : ''}
          </li>
        )}
        <li>
          {territory ? (
            launched > 0 ? (
              <>
                <strong>COPIL de lancement</strong> tenu
              </>
            ) : (
              'Aucun COPIL de lancement enregistré'
            )
          ) : (
            <>
              <strong>{plural(launched, 'COPIL de lancement', 'COPIL de lancement')}</strong> tenu
              {launched > 1 ? 's' : ''}
            </>
          )}
        </li>
      </ul>
      {!print && (
        <p className="fr-text--sm">
          {territory ? (
            <Link to={`/territoires/${encodeURIComponent(scope.territoire!)}#gouvernance`}>
              Voir le binôme et l’équipe du territoire
            </Link>
          ) : (
            <Link to={`/gouvernance${scopeQuery(scope)}`}>
              Voir la gouvernance<span className="fr-sr-only"> — {stats.perimetre.nom}</span>
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
