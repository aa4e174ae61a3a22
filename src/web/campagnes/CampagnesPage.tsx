import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { send, useMe } from '../actions/session';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge } from '../platform/DemoBadge';
import { formatDate, formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import type { Campagne } from './types';

const LIST = '/api/v1/campagnes';

/** The campaigns: list, links to their dashboards and to the comparison; opening form for the national team. */
export default function CampagnesPage() {
  usePageTitle('Campagnes de mise à jour');
  const me = useMe();
  const query = useQuery({ queryKey: [LIST], queryFn: apiQuery<{ items: Campagne[] }>(LIST) });
  const national = me.data?.connecte && me.data.roles.some((r) => r.role === 'national');
  const territories = me.data?.connecte
    ? me.data.roles.flatMap((r) => (r.role === 'territorial' ? [r.territoire] : []))
    : [];

  return (
    <>
      <h1 className="fr-mb-1w">Campagnes de mise à jour</h1>
      <p className="fr-text--lead fr-mb-3w">
        Tous les six mois, chaque territoire revoit son plan d’action, le chef de projet signe la mise à jour
        et la coordination régionale la valide. À la clôture, les actions sont figées : les chiffres de la
        campagne ne changent plus.
      </p>
      <p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/campagnes/comparaison">
          Comparer deux campagnes
        </Link>
      </p>
      <QueryState query={query} loadingLabel="Chargement des campagnes…">
        {(data) => (
          <DataTable
            caption="Campagnes, de la plus récente à la plus ancienne"
            rows={data.items}
            rowKey={(c) => c.id}
            columns={[
              {
                key: 'nom',
                label: 'Campagne',
                rowHeader: true,
                render: (c) => (
                  <>
                    {me.data?.connecte ? <Link to={`/campagnes/${c.id}`}>{c.nom}</Link> : c.nom}{' '}
                    {c.demo && <DemoBadge />}
                  </>
                ),
              },
              { key: 'ouverture', label: 'Ouverture', render: (c) => formatDate(c.ouverture) },
              { key: 'cloture', label: 'Date de clôture', render: (c) => formatDate(c.cloture) },
              {
                key: 'etat',
                label: 'État',
                render: (c) => (
                  <Badge
                    small
                    severity={c.close ? 'info' : c.etat === 'en-retard' ? 'warning' : 'success'}
                    noIcon
                  >
                    {c.etatLibelle}
                  </Badge>
                ),
              },
              {
                key: 'nbTerritoires',
                label: 'Territoires',
                numeric: true,
                render: (c) => formatInteger(c.nbTerritoires),
              },
              {
                key: 'nbActions',
                label: 'Actions figées',
                numeric: true,
                render: (c) => formatInteger(c.nbActions),
              },
              ...(territories.length
                ? [
                    {
                      key: 'mon-territoire',
                      label: 'Mon territoire',
                      render: (c: Campagne) => (
                        <>
                          {territories.map((ti) => (
                            <Link key={ti} to={`/campagnes/${c.id}/territoires/${ti}`} className="fr-mr-1w">
                              {c.close ? 'Consulter' : 'Revoir et signer'}
                              <span className="fr-sr-only">
                                {' '}
                                ({ti}, {c.nom})
                              </span>
                            </Link>
                          ))}
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {national && <OpenCampaignForm />}
    </>
  );
}

function OpenCampaignForm() {
  const client = useQueryClient();
  const [nom, setNom] = useState('');
  const [ouverture, setOuverture] = useState('');
  const [cloture, setCloture] = useState('');
  const mutation = useMutation({
    mutationFn: () => send<Campagne>('POST', LIST, { nom, ouverture, cloture }),
    onSuccess: () => client.invalidateQueries({ queryKey: [LIST] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <section className="fr-mt-6w" aria-labelledby="ouvrir-campagne">
      <h2 id="ouvrir-campagne">Ouvrir une campagne</h2>
      <p className="fr-text--sm">
        La campagne concerne tous les territoires d’industrie. Des rappels partent 14 et 3 jours avant la date
        de clôture vers les territoires qui n’ont pas signé, puis une relance vers la coordination régionale 1
        et 8 jours après.
      </p>
      <form onSubmit={submit} className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Nom de la campagne"
            nativeInputProps={{ value: nom, onChange: (e) => setNom(e.target.value), required: true }}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label="Date d’ouverture"
            nativeInputProps={{
              type: 'date',
              value: ouverture,
              onChange: (e) => setOuverture(e.target.value),
              required: true,
            }}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label="Date de clôture"
            hintText="Dernier jour pour signer"
            nativeInputProps={{
              type: 'date',
              value: cloture,
              onChange: (e) => setCloture(e.target.value),
              required: true,
            }}
          />
        </div>
        <div className="fr-col-12">
          <Button type="submit" disabled={mutation.isPending}>
            Ouvrir la campagne
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {mutation.isError && (
          <Alert
            severity="error"
            small
            description={(mutation.error as Error).message}
            className="fr-mt-2w"
          />
        )}
        {mutation.isSuccess && (
          <Alert
            severity="success"
            small
            className="fr-mt-2w"
            description={
              <>
                Campagne ouverte : <Link to={`/campagnes/${mutation.data.id}`}>{mutation.data.nom}</Link>.
              </>
            }
          />
        )}
      </div>
    </section>
  );
}
