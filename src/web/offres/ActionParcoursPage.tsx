import './offres.css';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DemoNotice } from '../platform/DemoBadge';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { ParcoursPanel } from './ParcoursPanel';
import type { Parcours } from './types';

/** The parcours of one action on its own page (the same panel as on the action sheet). */
export default function ActionParcoursPage() {
  const { id = '' } = useParams();
  const path = `/api/v1/actions/${id}/parcours`;
  const parcours = useQuery({ queryKey: [path], queryFn: apiQuery<Parcours>(path) });
  usePageTitle(parcours.data ? `Parcours — ${parcours.data.action.titre}` : 'Parcours d’une action');
  return (
    <div className="fr-pb-2w">
      <QueryState query={parcours}>
        {({ action }) => (
          <>
            <Breadcrumb
              currentPageLabel="Parcours"
              segments={[
                { label: 'Offre de services', linkProps: { to: '/offres' } },
                {
                  label: 'Parcours du territoire',
                  linkProps: { to: `/territoires/${action.territoire}/parcours` },
                },
              ]}
            />
            <h1>{action.titre}</h1>
            {action.demo && <DemoNotice />}
            <p>
              Axe {action.axeLibelle}
              {action.thematiques.length > 0 && ` · ${action.thematiques.map((t) => t.libelle).join(', ')}`} ·
              stade {action.statutLibelle}
            </p>
            <p>
              <Link to={`/actions/${action.id}`}>Voir la fiche action</Link>
            </p>
            <ParcoursPanel actionId={action.id} />
          </>
        )}
      </QueryState>
    </div>
  );
}
