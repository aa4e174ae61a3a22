/** /portraits/territoires/:id, /portraits/regions/:code, /portraits/programme */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { usePrefetchLevers } from '../tableaux-de-bord/LeviersSection';
import { PortraitView } from './PortraitView';
import type { Portrait } from './types';

export function usePortraitPath(): {
  api: string;
  level: 'territoire' | 'region' | 'programme';
  id?: string;
} {
  const { id, code } = useParams();
  const path = id
    ? ({ api: `/api/v1/portraits/territoires/${id}`, level: 'territoire', id } as const)
    : code
      ? ({ api: `/api/v1/portraits/regions/${code}`, level: 'region', id: code } as const)
      : ({ api: '/api/v1/portraits/programme', level: 'programme' } as const);
  // The funding, land and governance figures at the end of the portrait load alongside it.
  usePrefetchLevers(id ? { territoire: id } : code ? { region: code } : {});
  return path;
}

export const portraitTitle = (p: Portrait | undefined, level: string) =>
  p
    ? level === 'programme'
      ? 'Portrait du programme Territoires d’industrie'
      : `Portrait — ${p.nom}`
    : 'Portrait';

export default function PortraitPage() {
  const { api, level, id } = usePortraitPath();
  const query = useQuery({ queryKey: [api], queryFn: apiQuery<Portrait>(api) });
  const title = portraitTitle(query.data, level);
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <QueryState query={query} loadingLabel="Chargement du portrait…">
        {(p) => (
          <>
            <p className="fr-text--sm">
              {p.region && level === 'territoire' && (
                <>
                  Région <Link to={`/regions/${p.region.code}`}>{p.region.nom}</Link> ·{' '}
                </>
              )}
              Périmètre : {p.perimetre.libelle}
              {p.tempsI && ` · Temps I : ${p.tempsI.libelle}`}
            </p>
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
              {level === 'territoire' && (
                <li>
                  <a className="fr-btn fr-icon-download-line fr-btn--icon-left" href={`${api}.pdf`}>
                    Télécharger le portrait (PDF)
                  </a>
                </li>
              )}
              <li>
                <button
                  type="button"
                  className="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left"
                  onClick={() => window.print()}
                >
                  Imprimer
                </button>
              </li>
              <li>
                <Link
                  className="fr-btn fr-btn--tertiary"
                  to={
                    level === 'territoire'
                      ? `/tableaux-de-bord/territoires/${id}`
                      : level === 'region'
                        ? `/tableaux-de-bord/regions/${id}`
                        : '/tableaux-de-bord'
                  }
                >
                  Tableau de bord
                </Link>
              </li>
              {level === 'territoire' && (
                <li>
                  <Link className="fr-btn fr-btn--tertiary" to={`/territoires/${id}`}>
                    Page du territoire
                  </Link>
                </li>
              )}
            </ul>
            <PortraitView p={p} />
          </>
        )}
      </QueryState>
    </>
  );
}
