/** One person of the governance: name, role, organisation; contact details only when the API sent them. */
import { formatDate } from '../platform/format';
import type { Personne } from './types';

export function PersonCard({ person: p }: { person: Personne }) {
  const details = [
    p.mandat,
    p.type === 'membre' && p.entreprise
      ? [p.fonction, p.entreprise, p.taille?.libelle].filter(Boolean).join(', ')
      : null,
    p.type !== 'membre' ? p.organisation : null,
    p.enPosteDepuis ? `En poste depuis le ${formatDate(p.enPosteDepuis)}` : null,
    p.cofinance ? 'Poste cofinancé par l’État' : null,
  ].filter(Boolean);
  return (
    <div className="pilote-person">
      <p className="fr-text--bold">{p.nomComplet}</p>
      {details.map((d) => (
        <p key={d} className="fr-text--sm">
          {d}
        </p>
      ))}
      {p.email && (
        <p className="fr-text--sm">
          Courriel : <a href={`mailto:${p.email}`}>{p.email}</a>
        </p>
      )}
      {p.telephone && <p className="fr-text--sm">Téléphone : {p.telephone}</p>}
    </div>
  );
}
