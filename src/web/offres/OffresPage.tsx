import './offres.css';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { AXES, THEMATIQUES } from '../../domain/actions/vocabulary';
import { NATURES, OFFRE_STATUTS, OPERATEURS } from '../../domain/offres/vocabulary';
import { apiQuery } from '../platform/api';
import { plural } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { OfferStatusBadge } from './OfferStatusBadge';
import type { OfferSummary } from './types';

const FILTERS = [
  {
    key: 'operateur',
    label: 'Opérateur',
    options: OPERATEURS.map((o) => ({ code: o.code, label: o.short })),
  },
  { key: 'nature', label: 'Nature de l’appui', options: NATURES },
  { key: 'axe', label: 'Axe', options: AXES },
  { key: 'thematique', label: 'Thématique', options: THEMATIQUES },
  { key: 'statut', label: 'Statut de l’offre', options: OFFRE_STATUTS },
] as const;

/** The catalogue of offers: search words and filters kept in the address, results as cards. */
export default function OffresPage() {
  usePageTitle('Offre de services');
  const [params, setParams] = useSearchParams();
  const query = new URLSearchParams();
  for (const key of ['q', ...FILTERS.map((f) => f.key)]) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const path = `/api/v1/offres${query.size ? `?${query}` : ''}`;
  const offers = useQuery({
    queryKey: [path],
    queryFn: apiQuery<{ total: number; totalCatalogue: number; items: OfferSummary[] }>(path),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="fr-pb-2w">
      <h1>Offre de services</h1>
      <p className="fr-text--lead">
        Les appuis de l’État, de ses opérateurs et des partenaires du programme : ingénierie, subventions,
        prêts, réseaux, formations. Chaque offre dit pour qui, à quel stade et comment candidater.
      </p>
      <p>
        <Link className="fr-link fr-icon-bar-chart-box-line fr-link--icon-left" to="/offres/recours">
          Recours aux offres et sollicitations : les chiffres
        </Link>
      </p>
      <form
        className="fr-mb-3w"
        aria-label="Rechercher dans le catalogue"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          set('q', String(data.get('q') ?? '').trim());
        }}
      >
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Mots recherchés"
              hintText="Par exemple : friche, apprentissage, hydrogène"
              nativeInputProps={{ name: 'q', type: 'search', defaultValue: params.get('q') ?? '' }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-2 pilote-offres-submit">
            <button className="fr-btn" type="submit">
              Rechercher
            </button>
          </div>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters">
          {FILTERS.map((filter) => (
            <div key={filter.key} className="fr-col-12 fr-col-sm-6 fr-col-md">
              <Select
                label={filter.label}
                nativeSelectProps={{
                  value: params.get(filter.key) ?? '',
                  onChange: (e) => set(filter.key, e.target.value),
                }}
              >
                <option value="">Tous</option>
                {filter.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
      </form>
      <QueryState query={offers}>
        {(data) => (
          <>
            <p role="status" aria-live="polite">
              {plural(data.total, 'offre')} sur {data.totalCatalogue}
            </p>
            {data.items.length === 0 ? (
              <p>Aucune offre ne correspond à ces critères.</p>
            ) : (
              <ul className="fr-grid-row fr-grid-row--gutters pilote-offres-list">
                {data.items.map((offer) => (
                  <li key={offer.slug} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
                    <OfferCard offer={offer} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function OfferCard({ offer }: { offer: OfferSummary }) {
  return (
    <div className="fr-card fr-enlarge-link">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h2 className="fr-card__title fr-h6">
            <Link to={`/offres/${offer.slug}`}>{offer.titre}</Link>
          </h2>
          <p className="fr-card__desc">{offer.resume}</p>
          <div className="fr-card__start">
            <ul className="fr-badges-group">
              <li>
                <OfferStatusBadge statut={offer.statut} libelle={offer.statutLibelle} />
              </li>
              {offer.natureLibelles.map((label) => (
                <li key={label}>
                  <span className="fr-badge fr-badge--sm">{label}</span>
                </li>
              ))}
            </ul>
            <p className="fr-card__detail">{offer.operateurCourt}</p>
          </div>
        </div>
      </div>
    </div>
  );
}
