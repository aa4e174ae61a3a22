import './offres.css';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { formatDate, plural } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { OfferStatusBadge, RequestStatusBadge } from './OfferStatusBadge';
import { RequestForm } from './RequestForm';
import { useMe } from './session';
import type { MatchItem, Parcours, Sollicitation } from './types';
import { UsageSection } from './UsageSection';

/**
 * The « parcours » of one action: the offers that fit it, best first, each with the reason in
 * French, and a button to ask for support (territory of the action and national team). Made to sit
 * on the action sheet; also shown on its own page (/actions/:id/parcours).
 */
export function ParcoursPanel({ actionId, headingLevel = 2 }: { actionId: string; headingLevel?: 2 | 3 }) {
  const [closed, setClosed] = useState(false);
  const [asking, setAsking] = useState<MatchItem | 'cellule' | null>(null);
  const path = `/api/v1/actions/${actionId}/parcours${closed ? '?fermees=true' : ''}`;
  const parcours = useQuery({ queryKey: [path], queryFn: apiQuery<Parcours>(path) });
  const requestsPath = `/api/v1/actions/${actionId}/sollicitations`;
  const requests = useQuery({
    queryKey: [requestsPath],
    queryFn: apiQuery<{ items: Sollicitation[] }>(requestsPath),
  });
  const me = useMe().data;
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';

  return (
    <section
      className="pilote-parcours"
      aria-labelledby={`parcours-${actionId}`}
      data-testid="parcours-panel"
    >
      <Heading id={`parcours-${actionId}`} className="fr-h4">
        Parcours : les offres pour cette action
      </Heading>
      <QueryState query={parcours} loadingLabel="Recherche des offres correspondantes…">
        {({ action, offres }) => {
          const mayAsk =
            me?.connecte &&
            !action.archivee &&
            me.roles.some(
              (r) =>
                r.role === 'national' || (r.role === 'territorial' && r.territoire === action.territoire),
            );
          return (
            <>
              <p className="fr-text--sm">
                Selon l’axe, les thématiques et le stade de l’action ({action.statutLibelle}).{' '}
                {plural(offres.length, 'offre correspondante', 'offres correspondantes')}.
              </p>
              <Checkbox
                small
                options={[
                  {
                    label: 'Montrer aussi les offres fermées',
                    nativeInputProps: { checked: closed, onChange: (e) => setClosed(e.target.checked) },
                  },
                ]}
              />
              {asking !== null && (
                <RequestForm
                  actionId={action.id}
                  actionTitre={action.titre}
                  offer={asking === 'cellule' ? null : asking}
                  onCancel={() => setAsking(null)}
                />
              )}
              {offres.length === 0 ? (
                <p>Aucune offre du catalogue ne correspond à cette action pour l’instant.</p>
              ) : (
                <ol className="pilote-parcours-list">
                  {offres.map((offer) => (
                    <li key={offer.slug} className="fr-mb-2w">
                      <Sub className="fr-h6 fr-mb-1v">
                        <Link to={`/offres/${offer.slug}`}>{offer.titre}</Link>
                      </Sub>
                      <p className="fr-text--sm fr-mb-1v">
                        {offer.operateurCourt} · {offer.natureLibelles.join(', ')}{' '}
                        {offer.statut !== 'ouverte' && (
                          <OfferStatusBadge statut={offer.statut} libelle={offer.statutLibelle} />
                        )}
                      </p>
                      <p className="fr-text--sm fr-mb-1v">
                        <strong>Pourquoi :</strong> {offer.raisons.join(' ; ')}
                      </p>
                      {mayAsk && !offer.fermee && (
                        <button
                          type="button"
                          className="fr-btn fr-btn--sm fr-btn--tertiary"
                          onClick={() => setAsking(offer)}
                          aria-label={`Solliciter un appui : ${offer.titre}`}
                        >
                          Solliciter un appui
                        </button>
                      )}
                    </li>
                  ))}
                </ol>
              )}
              {mayAsk && (
                <button
                  type="button"
                  className="fr-btn fr-btn--secondary fr-btn--sm"
                  onClick={() => setAsking('cellule')}
                >
                  Demander à la cellule régionale de m’orienter
                </button>
              )}
              <UsageSection actionId={action.id} offers={offres} mayWrite={Boolean(mayAsk)} Heading={Sub} />
            </>
          );
        }}
      </QueryState>
      {requests.data && requests.data.items.length > 0 && (
        <>
          <Sub className="fr-h6 fr-mt-3w">Sollicitations pour cette action</Sub>
          <ul>
            {requests.data.items.map((s) => (
              <li key={s.id}>
                <Link to={`/sollicitations/${s.id}`}>
                  {s.reference} — {s.objet}
                </Link>{' '}
                <RequestStatusBadge statut={s.statut} libelle={s.statutLibelle} /> · {s.adresseeA} · le{' '}
                {formatDate(s.creeLe)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
