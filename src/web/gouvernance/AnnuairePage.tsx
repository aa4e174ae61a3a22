/**
 * The network's directory, for signed-in users: coordinators, chefs de projet and binôme members,
 * with e-mail and phone where the user's role entitles them (the server decides, person by person).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useMoi } from '../comptes/useMoi';
import { FilterBar } from '../financements/FilterBar';
import type { Region } from '../financements/types';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge, DemoNotice } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { joinParams, useUrlFilters } from '../platform/useUrlFilters';
import type { Personne } from './types';

type Directory = { total: number; offset: number; limit: number; demo: boolean; items: Personne[] };
/** People per page: the whole network (~870 people) would make a table too long to read. */
const PAGE_SIZE = 100;
const TYPES = [
  { value: 'coordinateur', label: 'Coordinateurs régionaux' },
  { value: 'chef-de-projet', label: 'Chefs de projet' },
  { value: 'membre', label: 'Membres des binômes' },
];

export default function AnnuairePage() {
  usePageTitle('Annuaire du réseau');
  const me = useMoi();
  const { filters, query, qs, page, setFilters } = useUrlFilters(['type', 'region', 'q']);
  const url = `/api/v1/annuaire?${joinParams(qs, `limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`)}`;
  const signedIn = me.data?.connecte === true;
  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<{ items: Region[] }>('/api/v1/regions'),
  });
  const list = useQuery({
    queryKey: [url],
    queryFn: apiQuery<Directory>(url),
    enabled: signedIn,
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Annuaire du réseau</h1>
      <p className="fr-text--lead">
        Les coordinateurs régionaux, chefs de projet et membres des binômes des territoires d’industrie. Voir
        aussi <Link to="/gouvernance">la gouvernance en chiffres</Link>.
      </p>
      {me.isSuccess && !signedIn ? (
        <Alert
          severity="info"
          title="Réservé aux personnes connectées"
          description="L’annuaire contient des données personnelles : connectez-vous avec votre compte Pilote TI pour le consulter."
        />
      ) : (
        <>
          {list.data?.demo && <DemoNotice />}
          <FilterBar
            legend="Filtrer l’annuaire"
            fields={[
              { name: 'type', label: 'Rôle', options: TYPES },
              {
                name: 'region',
                label: 'Région',
                options: (regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.nom })),
              },
              { name: 'q', label: 'Nom, organisation ou territoire', search: true },
            ]}
            values={filters}
            onChange={setFilters}
          />
          <QueryState query={list} loadingLabel="Chargement de l’annuaire…">
            {(d) => (
              <>
                <p className="fr-text--sm" role="status">
                  {formatInteger(d.total)} personne{d.total > 1 ? 's' : ''}
                  {d.total > d.items.length && d.items.length > 0
                    ? ` (${formatInteger(d.offset + 1)} à ${formatInteger(d.offset + d.items.length)} affichées)`
                    : ''}
                  .
                </p>
                <DataTable
                  small
                  caption="Annuaire du réseau"
                  rows={d.items}
                  rowKey={(p) => `${p.type}-${p.id}`}
                  empty="Personne ne correspond à ces filtres."
                  columns={[
                    {
                      key: 'nom',
                      label: 'Nom',
                      rowHeader: true,
                      render: (p) => (
                        <>
                          {p.nomComplet} {p.demo && <DemoBadge />}
                        </>
                      ),
                    },
                    { key: 'role', label: 'Rôle' },
                    { key: 'organisation', label: 'Organisation', render: (p) => p.organisation ?? '—' },
                    {
                      key: 'territoire',
                      label: 'Territoire',
                      render: (p) =>
                        p.territoire ? (
                          <Link to={`/territoires/${p.territoire.id}`}>{p.territoire.nom}</Link>
                        ) : (
                          p.region.nom
                        ),
                    },
                    {
                      key: 'email',
                      label: 'Courriel',
                      render: (p) =>
                        p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : 'Non communiqué',
                    },
                    { key: 'telephone', label: 'Téléphone', render: (p) => p.telephone ?? 'Non communiqué' },
                  ]}
                />
                {d.total > PAGE_SIZE && (
                  <Pagination
                    count={Math.ceil(d.total / PAGE_SIZE)}
                    defaultPage={page}
                    getPageLinkProps={(n) => {
                      const next = new URLSearchParams(query);
                      if (n > 1) next.set('page', String(n));
                      return { to: `?${next.toString()}` };
                    }}
                  />
                )}
                <a
                  className="fr-link fr-icon-download-line fr-link--icon-left"
                  href="/api/v1/gouvernance/export?format=xlsx"
                  download
                >
                  Exporter la gouvernance (Excel)
                </a>
              </>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}
