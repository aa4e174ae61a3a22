import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { formatInteger, plural } from '../platform/format';
import { Loading, QueryState } from '../platform/QueryState';
import { SourceNote } from '../platform/SourceNote';
import { usePageTitle } from '../platform/usePageTitle';
import { preloadNationalMap } from './carteQuery';
import { MAP_SOURCE } from './palette';
import { TerritoiresTable } from './TerritoiresTable';
import type { RegionDetail } from './types';
import './maps.css';

// Fetch the map's code and layer as soon as this page's code arrives, in parallel with its data.
const nationalMapCode = preloadNationalMap();
const NationalMap = lazy(() => nationalMapCode);

/** Page of one region: its territories on the map and in a table, its départements. */
export default function RegionPage() {
  const { code = '' } = useParams();
  const url = `/api/v1/regions/${encodeURIComponent(code)}`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<RegionDetail>(url) });
  usePageTitle(query.data ? `Région ${query.data.nom}` : query.isError ? 'Région introuvable' : 'Région');

  return (
    <QueryState query={query} loadingLabel="Chargement de la région…">
      {(r) => (
        <>
          <Breadcrumb
            currentPageLabel={r.nom}
            homeLinkProps={{ to: '/' }}
            segments={[]}
            className="fr-mb-2w"
          />
          <h1 className="fr-mb-1w">{r.nom}</h1>
          <p className="fr-text--lead fr-mb-3w">
            {plural(r.nbTerritoires, 'territoire d’industrie', 'territoires d’industrie')} —{' '}
            {formatInteger(r.population)} habitants dans ces territoires.
          </p>
          <p className="fr-text--sm fr-mb-3w">
            <Link to={`/actions/regions/${r.code}`}>Plans d’action de la région</Link>
            {' · '}
            <Link to={`/tableaux-de-bord/regions/${r.code}`}>Tableau de bord régional</Link>
            {' · '}
            <Link to={`/portraits/regions/${r.code}`}>Portrait de la région</Link>
          </p>
          <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
            <div className="fr-col-12 fr-col-lg-7">
              <Suspense fallback={<Loading label="Chargement de la carte…" />}>
                <NationalMap
                  region={r.code}
                  description={`Carte des territoires d’industrie de la région ${r.nom} ; le tableau qui suit en donne la liste.`}
                />
              </Suspense>
              <SourceNote sources={[MAP_SOURCE]} className="fr-mt-1w" />
            </div>
            <div className="fr-col-12 fr-col-lg-5">
              <DataTable
                small
                caption={`Départements de la région ${r.nom}`}
                rows={r.departements}
                rowKey={(d) => d.code}
                columns={[
                  {
                    key: 'nom',
                    label: 'Département',
                    rowHeader: true,
                    render: (d) => `${d.nom} (${d.code})`,
                  },
                  {
                    key: 'nbTerritoires',
                    label: 'Territoires d’industrie',
                    numeric: true,
                    render: (d) => formatInteger(d.nbTerritoires),
                  },
                ]}
              />
            </div>
          </div>
          <h2 className="fr-h4">Territoires de la région</h2>
          <TerritoiresTable
            caption={`Les ${plural(r.nbTerritoires, 'territoire d’industrie', 'territoires d’industrie')} de la région ${r.nom}`}
            territoires={r.territoires}
            showRegion={false}
          />
          <SourceNote sources={r.sources} />
        </>
      )}
    </QueryState>
  );
}
