import './offres.css';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { formatDate } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { OfferStatusBadge } from './OfferStatusBadge';
import type { OfferDetail } from './types';

/** One offer: what it gives, for whom, conditions, how to apply, the matching rules in words, sources. */
export default function OffrePage() {
  const { slug = '' } = useParams();
  const path = `/api/v1/offres/${encodeURIComponent(slug)}`;
  const offer = useQuery({ queryKey: [path], queryFn: apiQuery<OfferDetail>(path) });
  usePageTitle(offer.data?.titre ?? 'Offre');
  return (
    <div className="fr-pb-2w">
      <QueryState query={offer}>
        {(o) => (
          <>
            <Breadcrumb
              currentPageLabel={o.titre}
              segments={[{ label: 'Offre de services', linkProps: { to: '/offres' } }]}
            />
            <h1>{o.titre}</h1>
            <p className="fr-mb-1w">
              <OfferStatusBadge statut={o.statut} libelle={o.statutLibelle} />{' '}
              {o.statutPrecision && <span className="fr-text--sm">{o.statutPrecision}</span>}
            </p>
            <p className="fr-text--lead">{o.resume}</p>
            <dl className="pilote-offre-facts">
              <dt>Opérateur</dt>
              <dd>
                {o.operateurLibelle}
                {o.partenairesLibelles.length > 0 && ` (avec ${o.partenairesLibelles.join(', ')})`}
              </dd>
              <dt>Nature de l’appui</dt>
              <dd>{o.natureLibelles.join(', ')}</dd>
              <dt>Pour qui</dt>
              <dd>{o.beneficiaires}</dd>
              <dt>Montants</dt>
              <dd>{o.montants.texte}</dd>
              {(o.ouverture || o.cloture) && (
                <>
                  <dt>Calendrier</dt>
                  <dd>
                    {o.ouverture && `Ouverture le ${formatDate(o.ouverture)}. `}
                    {o.cloture && `Clôture le ${formatDate(o.cloture)}.`}
                  </dd>
                </>
              )}
            </dl>
            <h2 className="fr-h4">Description</h2>
            <p>{o.description}</p>
            <h2 className="fr-h4">Conditions</h2>
            <p>{o.conditions}</p>
            <h2 className="fr-h4">Comment candidater</h2>
            <p>{o.candidater}</p>
            <h2 className="fr-h4">À quelles actions elle correspond</h2>
            <ul>
              {o.regles.thematiques.length > 0 && (
                <li>Thématiques : {o.regles.thematiques.map((t) => t.libelle).join(', ')}</li>
              )}
              {o.regles.axes.length > 0 && <li>Axes : {o.regles.axes.map((t) => t.libelle).join(', ')}</li>}
              <li>
                Stades :{' '}
                {o.regles.statuts.length > 0
                  ? o.regles.statuts.map((t) => t.libelle).join(', ')
                  : 'tous les stades'}
              </li>
              {o.regles.porteurs.length > 0 && (
                <li>Porteurs : {o.regles.porteurs.map((t) => t.libelle).join(', ')}</li>
              )}
              {o.regles.territoires.length > 0 && (
                <li>Territoires : {o.regles.territoires.map((t) => t.libelle).join(', ')}</li>
              )}
            </ul>
            <h2 className="fr-h4">Sources</h2>
            <ul>
              {o.sources.map((s) => (
                <li key={`${s.publication}-${s.passage ?? ''}`}>
                  {s.url ? (
                    <a
                      href={s.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      title={`${s.publication} — nouvelle fenêtre`}
                    >
                      {s.publication}
                    </a>
                  ) : (
                    s.publication
                  )}
                  {s.passage && <span className="fr-text--sm"> — {s.passage}</span>}
                </li>
              ))}
            </ul>
            <p className="fr-text--xs">Fiche revue le {formatDate(o.miseAJour)}.</p>
          </>
        )}
      </QueryState>
    </div>
  );
}
