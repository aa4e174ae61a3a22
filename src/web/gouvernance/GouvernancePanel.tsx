/**
 * The governance panel of a territory page: its binôme (élus and industriels), its chef de projet,
 * the regional coordination and its COPIL. Everyone sees names, roles and organisations; e-mails and
 * phone numbers come only to signed-in users entitled to them (the server decides).
 */
import { useQuery } from '@tanstack/react-query';
import TerritoireFinancements from '../financements/TerritoireFinancements';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge } from '../platform/DemoBadge';
import { formatDate, formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { PersonCard } from './Person';
import type { GouvernanceTerritoire, Personne } from './types';
import '../financements/figures.css';

function Group({ title, people, empty }: { title: string; people: Personne[]; empty: string }) {
  return (
    <div className="fr-col-12 fr-col-md-6 fr-col-lg-3">
      <h3 className="fr-h6 fr-mb-1w">{title}</h3>
      {people.length === 0 ? (
        <p className="fr-text--sm">{empty}</p>
      ) : (
        people.map((p) => <PersonCard key={p.id} person={p} />)
      )}
    </div>
  );
}

/**
 * What the territory page shows of issue 8 with its one line: the governance, then the territory's
 * funding and land figures.
 */
export default function GouvernancePanel({ territoireId }: { territoireId: string }) {
  return (
    <>
      <Gouvernance territoireId={territoireId} />
      <TerritoireFinancements territoireId={territoireId} />
    </>
  );
}

function Gouvernance({ territoireId }: { territoireId: string }) {
  const url = `/api/v1/territoires/${encodeURIComponent(territoireId)}/gouvernance`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<GouvernanceTerritoire>(url) });
  return (
    <section aria-labelledby="gouvernance" className="fr-mb-4w" data-testid="gouvernance">
      <h2 id="gouvernance" className="fr-h4">
        Gouvernance {query.data?.demo && <DemoBadge />}
      </h2>
      <QueryState query={query} loadingLabel="Chargement de la gouvernance…">
        {(g) => (
          <>
            <div className="fr-grid-row fr-grid-row--gutters">
              <Group title="Élus du binôme" people={g.binome.elus} empty="Aucun élu renseigné." />
              <Group
                title="Industriels du binôme"
                people={g.binome.industriels}
                empty="Aucun industriel renseigné."
              />
              <Group
                title="Chef de projet"
                people={g.chefsDeProjet}
                empty="Aucun chef de projet renseigné."
              />
              <Group
                title={`Coordination régionale (${g.region.nom})`}
                people={g.coordinateurs}
                empty="Aucun coordinateur renseigné."
              />
            </div>
            {!g.contactsVisibles && (
              <p className="fr-text--sm fr-mt-1w">
                Les adresses électroniques et numéros de téléphone sont réservés aux personnes connectées
                habilitées.
              </p>
            )}
            <DataTable
              small
              caption="Comités de pilotage et réunions du territoire et de sa région"
              rows={g.copil}
              rowKey={(e) => e.id}
              empty="Aucune réunion enregistrée."
              columns={[
                { key: 'date', label: 'Date', rowHeader: true, render: (e) => formatDate(e.date) },
                { key: 'type', label: 'Instance', render: (e) => e.type.libelle },
                { key: 'titre', label: 'Intitulé' },
                {
                  key: 'participants',
                  label: 'Participants',
                  numeric: true,
                  render: (e) => formatInteger(e.participants),
                },
                {
                  key: 'organisations',
                  label: 'Organisations représentées',
                  render: (e) => e.organisations.join(', '),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
