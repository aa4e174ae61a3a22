import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { ActionsList } from './ActionsList';
import { SignInRequired } from './SignInRequired';
import { useMe } from './session';

/** A territory's action plan (« usine à projets »): /territoires/:id/actions. */
export default function TerritoireActionsPage() {
  const { id = '' } = useParams();
  const territory = useQuery({
    queryKey: [`/api/v1/territoires/${id}`],
    queryFn: apiQuery<{ id: string; nom: string; region: { code: string; nom: string } }>(
      `/api/v1/territoires/${id}`,
    ),
  });
  const me = useMe();
  usePageTitle(territory.data ? `Plan d'action — ${territory.data.nom}` : "Plan d'action");
  return (
    <QueryState query={territory}>
      {(t) => (
        <>
          <Breadcrumb
            currentPageLabel="Plan d'action"
            segments={[
              { label: 'Accueil', linkProps: { to: '/' } },
              { label: t.region.nom, linkProps: { to: `/regions/${t.region.code}` } },
              { label: t.nom, linkProps: { to: `/territoires/${t.id}` } },
            ]}
          />
          <h1>Plan d'action — {t.nom}</h1>
          {me.data && !me.data.connecte ? (
            <SignInRequired />
          ) : (
            <ActionsList ti={t.id} caption={`Actions du plan d'action de ${t.nom}`} />
          )}
        </>
      )}
    </QueryState>
  );
}
