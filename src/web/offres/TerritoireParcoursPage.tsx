import './offres.css';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { plural } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { OfferStatusBadge } from './OfferStatusBadge';
import type { TerritoryParcours } from './types';

/** A territory's parcours: the offers that serve its whole action plan, with the actions each serves. */
export default function TerritoireParcoursPage() {
  const { id = '' } = useParams();
  const path = `/api/v1/territoires/${id}/parcours`;
  const parcours = useQuery({ queryKey: [path], queryFn: apiQuery<TerritoryParcours>(path) });
  usePageTitle(parcours.data ? `Parcours — ${parcours.data.territoire.nom}` : 'Parcours du territoire');
  return (
    <div className="fr-pb-2w">
      <QueryState query={parcours}>
        {(p) => (
          <>
            <Breadcrumb
              currentPageLabel="Parcours"
              segments={[{ label: p.territoire.nom, linkProps: { to: `/territoires/${p.territoire.id}` } }]}
            />
            <h1>Parcours : les offres pour le plan d’actions de {p.territoire.nom}</h1>
            {p.demo && <DemoNotice />}
            <p>
              {plural(p.offres.length, 'offre sert', 'offres servent')} {plural(p.nbActionsServies, 'action')}{' '}
              sur {p.nbActions} du plan. Les offres qui servent le plus d’actions viennent en premier.
            </p>
            <DataTable
              caption="Offres correspondant au plan d’actions, par nombre d’actions servies"
              rows={p.offres}
              rowKey={(o) => o.slug}
              columns={[
                {
                  key: 'titre',
                  label: 'Offre',
                  rowHeader: true,
                  render: (o) => (
                    <>
                      <Link to={`/offres/${o.slug}`}>{o.titre}</Link>{' '}
                      {o.statut !== 'ouverte' && (
                        <OfferStatusBadge statut={o.statut} libelle={o.statutLibelle} />
                      )}
                    </>
                  ),
                },
                { key: 'operateur', label: 'Opérateur', render: (o) => o.operateurCourt },
                { key: 'nbActions', label: 'Actions servies', numeric: true },
                {
                  key: 'actions',
                  label: 'Actions et raisons',
                  render: (o) => (
                    <details>
                      <summary>Voir les {plural(o.nbActions, 'action')}</summary>
                      <ul className="fr-text--sm">
                        {o.actions.map((a) => (
                          <li key={a.id}>
                            <Link to={`/actions/${a.id}`}>{a.titre}</Link> — {a.raisons.join(' ; ')}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ),
                },
              ]}
              empty="Aucune offre ne correspond aux actions de ce territoire."
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
