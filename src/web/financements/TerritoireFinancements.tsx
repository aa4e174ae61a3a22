/**
 * Funding and land figures of one territory, for its page: laureates by scheme (grants, investment,
 * planned jobs) and sites clés en main, computed by the server from the rows, with links to the lists.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { formatEuros } from './Figures';
import type { FinancementsStats } from './types';

type SiteStats = {
  sites: { sites: number; surfaceHa: number; recyclageFoncier: { sites: number } };
  besoins: { besoins: number; surfaceHa: number };
  demo: boolean;
};
const ha = (n: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n)} ha`;

export default function TerritoireFinancements({ territoireId }: { territoireId: string }) {
  const id = encodeURIComponent(territoireId);
  const money = useQuery({
    queryKey: [`/api/v1/financements/stats?territoire=${id}`],
    queryFn: apiQuery<FinancementsStats>(`/api/v1/financements/stats?territoire=${id}`),
  });
  const land = useQuery({
    queryKey: [`/api/v1/foncier/stats?territoire=${id}`],
    queryFn: apiQuery<SiteStats>(`/api/v1/foncier/stats?territoire=${id}`),
  });
  return (
    <section aria-labelledby="financements-titre" className="fr-mb-4w">
      <h2 id="financements-titre" className="fr-h4">
        Financements et foncier {(money.data?.demo || land.data?.demo) && <DemoBadge />}
      </h2>
      <QueryState query={money} loadingLabel="Chargement des financements…">
        {(s) => (
          <DataTable
            small
            caption="Lauréats du territoire par dispositif"
            rows={s.parDispositif.filter((d) => d.laureats > 0)}
            rowKey={(d) => d.code}
            empty="Aucun lauréat enregistré pour ce territoire."
            columns={[
              { key: 'court', label: 'Dispositif', rowHeader: true },
              { key: 'laureats', label: 'Lauréats', numeric: true, render: (d) => formatInteger(d.laureats) },
              {
                key: 'sub',
                label: 'Subventions',
                numeric: true,
                render: (d) => formatEuros(d.subventionsEuros),
              },
              {
                key: 'inv',
                label: 'Investissements',
                numeric: true,
                render: (d) => formatEuros(d.investissementsEuros),
              },
              {
                key: 'emp',
                label: 'Emplois prévus',
                numeric: true,
                render: (d) => formatInteger(d.emploisPrevus),
              },
            ]}
          />
        )}
      </QueryState>
      <QueryState query={land} loadingLabel="Chargement du foncier…">
        {(f) => (
          <p className="fr-text--sm">
            {formatInteger(f.sites.sites)} site(s) clé(s) en main ({ha(f.sites.surfaceHa)}, dont{' '}
            {formatInteger(f.sites.recyclageFoncier.sites)} en recyclage foncier) ;{' '}
            {formatInteger(f.besoins.besoins)} besoin(s) foncier(s) inscrit(s) au plan (
            {ha(f.besoins.surfaceHa)}).
          </p>
        )}
      </QueryState>
      <p className="fr-text--sm">
        <Link to={`/financements?territoire=${id}`}>Lauréats du territoire</Link>
        {' · '}
        <Link to={`/foncier?territoire=${id}`}>Sites clés en main du territoire</Link>
      </p>
    </section>
  );
}
