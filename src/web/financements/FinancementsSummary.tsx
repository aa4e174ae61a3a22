/**
 * The funding figures of a perimeter (France, a region, a territory) in a few lines, for the
 * dashboards and the portraits: laureates of every scheme with grants, investment and planned jobs,
 * the Rebond missions, and on screen the same figures by scheme in a table.
 */
import { Link } from 'react-router-dom';
import { DataTable } from '../platform/DataTable';
import { formatInteger, plural } from '../platform/format';
import { formatEuros } from './Figures';
import type { FinancementsStats } from './types';

export type LeverScope = { region?: string; territoire?: string };

/** What each lever's summary (funding, land, governance) receives: its stats, their scope, print or screen. */
export type LeverProps<Stats> = { stats: Stats; scope: LeverScope; print?: boolean };

/** `?territoire=…` or `?region=…` (or nothing for France): the scope of the stats endpoints and lists. */
export const scopeQuery = (scope: LeverScope) =>
  scope.territoire
    ? `?territoire=${encodeURIComponent(scope.territoire)}`
    : scope.region
      ? `?region=${encodeURIComponent(scope.region)}`
      : '';

export const financementsStatsUrl = (scope: LeverScope) => `/api/v1/financements/stats${scopeQuery(scope)}`;

export function FinancementsSummary({ stats, scope, print = false }: LeverProps<FinancementsStats>) {
  const all = stats.ensemble;
  const fondsVert = stats.parDispositif.find((d) => d.code === 'fonds-vert');
  const missions = stats.missionsRebond;
  return (
    <div className="pilote-lever" data-lever="financements">
      <h3 className="fr-h6 pilote-lever__title">Financements</h3>
      {all.laureats === 0 && missions.missions === 0 ? (
        <p className="fr-text--sm">Aucun lauréat ni mission Rebond enregistré pour ce périmètre.</p>
      ) : (
        <ul className="pilote-lever__figures">
          <li>
            <strong>{formatInteger(all.laureats)}</strong> lauréat{all.laureats > 1 ? 's' : ''} des
            dispositifs du programme
            {fondsVert && fondsVert.laureats > 0
              ? `, dont ${formatInteger(fondsVert.laureats)} du Fonds vert`
              : ''}
          </li>
          <li>
            <strong>{formatEuros(all.subventionsEuros)}</strong> de subventions
          </li>
          <li>
            <strong>{formatEuros(all.investissementsEuros)}</strong> d’investissements
          </li>
          <li>
            <strong>{formatInteger(all.emploisPrevus)}</strong> emplois prévus
            {all.emploisConditionnes > 0
              ? `, dont ${formatInteger(all.emploisConditionnes)} conditionnés à l’aide`
              : ''}
          </li>
          {fondsVert && fondsVert.laureats > 0 && (
            <li>
              <strong>{fondsVert.attenuationClimat.pct} %</strong> des projets Fonds vert contribuent à
              l’atténuation du changement climatique, <strong>{fondsVert.economieCirculaire.pct} %</strong> à
              l’économie circulaire
            </li>
          )}
          {missions.missions > 0 && (
            <li>
              <strong>{plural(missions.missions, 'mission')}</strong> Rebond industriel (
              {formatEuros(missions.enveloppeEuros)},{' '}
              {plural(missions.entreprisesSoutenues, 'entreprise soutenue', 'entreprises soutenues')})
            </li>
          )}
        </ul>
      )}
      {!print && (
        <p className="fr-text--sm">
          <Link to={`/financements${scopeQuery(scope)}`}>
            Voir les lauréats<span className="fr-sr-only"> — {stats.perimetre.nom}</span>
          </Link>
        </p>
      )}
    </div>
  );
}

/** The same figures by scheme, one row each (schemes without a laureate are left out). */
export function FinancementsTable({ stats }: { stats: FinancementsStats }) {
  const schemes = stats.parDispositif.filter((d) => d.laureats > 0);
  if (schemes.length === 0) return null;
  return (
    <DataTable
      small
      caption={`Lauréats par dispositif — ${stats.perimetre.nom}`}
      rows={schemes}
      rowKey={(d) => d.code}
      columns={[
        { key: 'libelle', label: 'Dispositif', rowHeader: true },
        { key: 'laureats', label: 'Lauréats', numeric: true, render: (d) => formatInteger(d.laureats) },
        { key: 'sub', label: 'Subventions', numeric: true, render: (d) => formatEuros(d.subventionsEuros) },
        {
          key: 'inv',
          label: 'Investissements',
          numeric: true,
          render: (d) => formatEuros(d.investissementsEuros),
        },
        { key: 'emp', label: 'Emplois prévus', numeric: true, render: (d) => formatInteger(d.emploisPrevus) },
      ]}
    />
  );
}
