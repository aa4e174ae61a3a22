import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../platform/api';
import { QueryState } from '../platform/QueryState';
import { formatDateTime, formatValue } from './format';
import type { HistoryEntry } from './types';

const KIND: Record<HistoryEntry['type'], string> = {
  created: 'Création de la fiche',
  imported: 'Import',
  updated: 'Modification',
  archived: 'Archivage',
  restored: 'Restauration',
};

/** The sheet's history as a readable timeline: who, when, which field, before → after. */
export function History({ id }: { id: string }) {
  const path = `/api/v1/actions/${id}/historique`;
  const history = useQuery({
    queryKey: [path],
    queryFn: apiQuery<{ items: HistoryEntry[]; demo: boolean }>(path),
  });
  return (
    <section className="fr-mt-6w" aria-labelledby="historique">
      <h2 id="historique">Historique</h2>
      <QueryState query={history}>
        {({ items, demo }) => (
          <ol className="pilote-timeline">
            {items.map((h) => (
              <li key={`${h.le}-${h.version}-${h.champ ?? h.type}`} className="fr-mb-2w">
                <p className="fr-mb-0 fr-text--bold">
                  {formatDateTime(h.le)} —{' '}
                  {h.par ?? (demo ? 'données de démonstration' : 'import ou traitement automatique')}
                </p>
                <p className="fr-mb-0">
                  {h.champ ? (
                    <>
                      {h.type === 'imported' ? 'Import — ' : ''}
                      {h.libelle} : {formatValue(h.champ, h.avant)} →{' '}
                      <strong>{formatValue(h.champ, h.apres)}</strong>
                    </>
                  ) : (
                    KIND[h.type]
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
