import type { Source } from './api';

function SourceLine({ source: s }: { source: Source }) {
  return (
    <>
      {`${s.producteur}, `}
      {s.url ? (
        <a href={s.url} target="_blank" rel="noopener noreferrer" title={`${s.libelle} — nouvelle fenêtre`}>
          {s.libelle}
        </a>
      ) : (
        s.libelle
      )}
      {`, ${s.date} — ${s.licence}`}
    </>
  );
}

/**
 * The sources of a map, table or figure, printed under it (the Licence Ouverte requires naming the
 * source and its date): « Source : ANCT, périmètres des Territoires d’industrie, septembre 2024 — Licence Ouverte 2.0 ».
 */
export function SourceNote({ sources, className }: { sources: readonly Source[]; className?: string }) {
  const classes = ['fr-text--xs', 'fr-mb-2w', 'pilote-sources', className].filter(Boolean).join(' ');
  const unique = sources.filter(
    (s, i) => sources.findIndex((o) => o.libelle === s.libelle && o.producteur === s.producteur) === i,
  );
  if (unique.length === 0) return null;
  if (unique.length === 1)
    return (
      <p className={classes}>
        Source : <SourceLine source={unique[0]!} />
      </p>
    );
  return (
    <div className={classes}>
      <p className="fr-text--xs fr-mb-0">Sources :</p>
      <ul className="fr-text--xs fr-mb-0">
        {unique.map((s) => (
          <li key={`${s.producteur}-${s.libelle}`}>
            <SourceLine source={s} />
          </li>
        ))}
      </ul>
    </div>
  );
}
