import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { SearchForm } from './SearchForm';
import type { SearchResponse, SearchResult } from './types';

const TYPES: Record<SearchResult['type'], string> = {
  territoire: 'Territoire d’industrie',
  groupement: 'Intercommunalité',
  commune: 'Commune',
};

/** The server's detail may start with the type already shown above it (« Territoire d'industrie · Auvergne-Rhône-Alpes »). */
function withoutTypePrefix(detail: string, type: string): string {
  const normalized = (text: string) => text.replace(/[’']/g, "'").toLowerCase();
  if (!normalized(detail).startsWith(normalized(type))) return detail;
  return detail.slice(type.length).replace(/^\s*[·:—-]\s*/, '');
}

function ResultItem({ r }: { r: SearchResult }) {
  const target = r.type === 'territoire' ? r.code : r.territoire?.id;
  return (
    <li className="fr-mb-2w">
      <p className="fr-text--xs fr-mb-0 pilote-sources">{TYPES[r.type]}</p>
      <p className="fr-mb-0">
        {target ? (
          <Link to={`/territoires/${target}`}>
            <strong>{r.nom}</strong>
            {r.type !== 'territoire' && r.territoire && ` — Territoire d’industrie ${r.territoire.nom}`}
          </Link>
        ) : (
          <strong>{r.nom}</strong>
        )}
      </p>
      <p className="fr-text--sm fr-mb-0">
        {withoutTypePrefix(r.detail, TYPES[r.type])}
        {!target && ' — hors Territoires d’industrie'}
      </p>
    </li>
  );
}

/** /recherche?q=… — territories, intercommunalités and communes matching a name, an INSEE code or a SIREN. */
export default function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const url = `/api/v1/recherche?q=${encodeURIComponent(q)}&limit=20`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<SearchResponse>(url), enabled: q.length > 0 });
  usePageTitle(q ? `Recherche « ${q} »` : 'Rechercher');

  return (
    <>
      <h1 className="fr-mt-2w">Rechercher</h1>
      <div className="fr-mb-4w">
        <SearchForm key={q} big defaultValue={q} id="recherche-page" />
      </div>
      {q ? (
        <QueryState query={query} loadingLabel="Recherche en cours…">
          {(data) => (
            <section aria-labelledby="resultats-titre">
              <h2 id="resultats-titre" className="fr-h4" role="status">
                {data.items.length === 0
                  ? `Aucun résultat pour « ${q} »`
                  : `${data.items.length} résultat${data.items.length > 1 ? 's' : ''} pour « ${q} »`}
              </h2>
              {data.items.length === 0 ? (
                <p>
                  Vérifiez l’orthographe, ou cherchez un code INSEE de commune ou un SIREN d’intercommunalité.
                </p>
              ) : (
                <ul className="fr-raw-list" aria-labelledby="resultats-titre">
                  {data.items.map((r) => (
                    <ResultItem key={`${r.type}-${r.code}`} r={r} />
                  ))}
                </ul>
              )}
            </section>
          )}
        </QueryState>
      ) : (
        <p>
          Saisissez le nom d’un territoire d’industrie, d’une intercommunalité ou d’une commune, un code INSEE
          ou un numéro SIREN.
        </p>
      )}
    </>
  );
}
