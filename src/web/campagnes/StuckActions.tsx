import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import type { Bloquees } from './types';

/** The coordinators' to-do list: actions in « En pause » or « Amont » for two campaigns or more, by territory. */
export function StuckActions({ campagne, region }: { campagne: string; region?: string }) {
  const url = `/api/v1/campagnes/${campagne}/bloquees?limite=500${region ? `&region=${region}` : ''}`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<Bloquees>(url) });
  return (
    <section className="fr-mt-4w" aria-labelledby="bloquees">
      <h2 id="bloquees">Actions bloquées depuis deux campagnes ou plus</h2>
      <QueryState query={query} loadingLabel="Recherche des actions bloquées…">
        {(b) => (
          <>
            <p>
              {formatInteger(b.total)} actions restées « En pause / à débloquer » ({formatInteger(b.enPause)})
              ou « Amont / action à initier » ({formatInteger(b.amont)}) sur les campagnes{' '}
              {b.campagnes.map((c) => c.nom).join(', ')}.
            </p>
            <DataTable
              small
              caption="Actions bloquées par territoire"
              rows={b.territoires}
              rowKey={(t) => t.territoire}
              empty="Aucune action bloquée."
              columns={[
                { key: 'nom', label: 'Territoire', rowHeader: true, render: (t) => t.nom },
                { key: 'region', label: 'Région', render: (t) => t.region.nom },
                { key: 'enPause', label: 'En pause', numeric: true },
                { key: 'amont', label: 'Amont', numeric: true },
                {
                  key: 'actions',
                  label: 'Actions',
                  render: (t) =>
                    t.actions.length === 0 ? (
                      '—'
                    ) : (
                      <details>
                        <summary>
                          Voir les {t.actions.length}
                          <span className="fr-sr-only"> actions bloquées de {t.nom}</span>
                        </summary>
                        <ul className="fr-text--sm">
                          {t.actions.map((a) => (
                            <li key={a.id}>
                              <Link to={`/actions/${a.id}`}>{a.titre}</Link> — {a.statutLibelle},{' '}
                              {a.campagnes} campagnes
                            </li>
                          ))}
                        </ul>
                      </details>
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
