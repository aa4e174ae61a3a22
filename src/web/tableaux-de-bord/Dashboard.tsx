/**
 * A dashboard of the action plans at one level (national, region, territory), filtered by campaign,
 * region, axis, thématique and status through the URL, so that a filtered view can be shared,
 * printed and exported. Every chart has its data table and a CSV export of the same numbers.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useCallback, useDeferredValue, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DemoNotice } from '../platform/DemoBadge';
import { elementTiming } from '../platform/elementTiming';
import { Loading, QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { apiPath, dashboardFilters, dashboardUrl, type Level } from './dataPath';
import { formatFrNumber } from './format';
import { LeviersSection } from './LeviersSection';
import { usePrefetchMapLayer } from './mapLayer';
import type { Dashboard as DashboardData } from './types';
import './dashboards.css';

// Asked for as soon as this file runs, so that it downloads while the data does; evaluated when first drawn.
const visuals = import('./DashboardVisuals');
const DashboardVisuals = lazy(() => visuals);

export function pagePath(level: Level): string {
  if (level.niveau === 'region') return `/tableaux-de-bord/regions/${level.code}`;
  if (level.niveau === 'territoire') return `/tableaux-de-bord/territoires/${level.id}`;
  return '/tableaux-de-bord';
}

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = dashboardFilters(params);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return {
    filters,
    set,
    reset: () => setParams(new URLSearchParams(), { replace: true }),
    search: new URLSearchParams(filters).toString(),
  };
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
  all,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly { code: string; libelle: string }[];
  onChange: (v: string) => void;
  all: string;
}) {
  return (
    <div className="fr-select-group fr-col-12 fr-col-md-6 fr-col-lg">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.libelle}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Dashboard({ level, print = false }: { level: Level; print?: boolean }) {
  const { filters, set, reset, search } = useFilters();
  const path = apiPath(level);
  const url = dashboardUrl(level, new URLSearchParams(search));
  const query = useQuery({
    queryKey: [url],
    queryFn: apiQuery<DashboardData>(url),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  // The map's layer loads with the data; the funding, land and governance figures at the bottom load
  // after (browsers open few connections per host: they must not delay the charts and the map).
  usePrefetchMapLayer(level.niveau !== 'territoire');
  const [mapDrawn, setMapDrawn] = useState(false);
  const [leversSettled, setLeversSettled] = useState(false);
  const onLeversSettled = useCallback(() => setLeversSettled(true), []);
  const onMapDrawn = useCallback(() => setMapDrawn(true), []);
  const data = query.data;
  // The key figures first; the map and the charts (hundreds of SVG shapes, their tables, and the
  // charting library's file) in a second, interruptible render: the page is readable as soon as its
  // data arrives. `null` at first, even when the data is already there (asked for at start): were the
  // charts in the first render, React would hold the whole page until their file arrived. Afterwards,
  // a new filter's charts replace the previous ones when drawn, the filters and figures answering at once.
  const h = useDeferredValue<DashboardData | null | undefined>(data, null);
  const title =
    !data || level.niveau === 'national'
      ? 'Tableau de bord national'
      : `Tableau de bord — ${data.perimetre.nom}`;
  usePageTitle(title);
  const ready = query.isSuccess && (data?.carte === null || mapDrawn);
  return (
    <div
      className={print ? 'pilote-print' : undefined}
      data-dashboard-ready={ready ? 'true' : undefined}
      data-print-ready={
        print && ready && leversSettled ? 'true' : query.isError && print ? 'false' : undefined
      }
    >
      <h1>{title}</h1>
      <QueryState query={query} loadingLabel="Chargement du tableau de bord…">
        {(d) => (
          <>
            {d.demo && <DemoNotice />}
            {print ? (
              <ActiveFilters d={d} />
            ) : (
              <>
                <form
                  className="pilote-filters fr-mb-3w"
                  aria-label="Filtres du tableau de bord"
                  onSubmit={(e) => e.preventDefault()}
                >
                  <div className="fr-grid-row fr-grid-row--gutters">
                    {d.options.campagnes.length > 0 && (
                      <Select
                        id="filtre-campagne"
                        label="Campagne"
                        value={filters.campagne ?? ''}
                        options={d.options.campagnes}
                        onChange={(v) => set('campagne', v)}
                        all="Plans d’action à jour"
                      />
                    )}
                    {level.niveau === 'national' && (
                      <Select
                        id="filtre-region"
                        label="Région"
                        value={filters.region ?? ''}
                        options={d.options.regions}
                        onChange={(v) => set('region', v)}
                        all="Toutes les régions"
                      />
                    )}
                    <Select
                      id="filtre-axe"
                      label="Axe"
                      value={filters.axe ?? ''}
                      options={d.options.axes}
                      onChange={(v) => set('axe', v)}
                      all="Tous les axes"
                    />
                    <Select
                      id="filtre-thematique"
                      label="Thématique"
                      value={filters.thematique ?? ''}
                      options={d.options.thematiques}
                      onChange={(v) => set('thematique', v)}
                      all="Toutes les thématiques"
                    />
                    <Select
                      id="filtre-statut"
                      label="Statut"
                      value={filters.statut ?? ''}
                      options={d.options.statuts}
                      onChange={(v) => set('statut', v)}
                      all="Tous les statuts"
                    />
                  </div>
                  <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mt-1w">
                    <li>
                      <button
                        type="button"
                        className="fr-btn fr-btn--secondary"
                        onClick={reset}
                        disabled={search === ''}
                      >
                        Réinitialiser les filtres
                      </button>
                    </li>
                    <li>
                      <a
                        className="fr-btn fr-btn--tertiary fr-icon-download-line fr-btn--icon-left"
                        href={`${path}.pdf${search ? `?${search}` : ''}`}
                      >
                        Télécharger en PDF
                      </a>
                    </li>
                    <li>
                      <button
                        type="button"
                        className="fr-btn fr-btn--tertiary fr-icon-printer-line fr-btn--icon-left"
                        onClick={() => window.print()}
                      >
                        Imprimer
                      </button>
                    </li>
                  </ul>
                </form>
                <p className="fr-text--sm" role="status">
                  {formatFrNumber(d.total)} action{d.total > 1 ? 's' : ''} retenue{d.total > 1 ? 's' : ''}
                  {search ? ' avec ces filtres' : ''}.
                </p>
                <LevelLinks level={level} d={d} />
              </>
            )}
            {d.absence && <p className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">{d.absence}</p>}
            <KeyFigures d={d} />
            {h ? (
              <Suspense fallback={<Loading label="Chargement des graphiques…" />}>
                <DashboardVisuals
                  d={h}
                  level={level}
                  filters={filters}
                  print={print}
                  onMapDrawn={onMapDrawn}
                />
              </Suspense>
            ) : (
              <Loading label="Dessin de la carte et des graphiques…" />
            )}
            <LeviersSection
              scope={leverScope(level, filters.region)}
              print={print}
              onSettled={onLeversSettled}
              note={
                search
                  ? 'Ces chiffres portent sur le périmètre choisi ; les filtres des actions (campagne, axe, thématique, statut) ne s’y appliquent pas.'
                  : undefined
              }
            />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The perimeter of the funding, land and governance figures: the dashboard's, or the region chosen. */
function leverScope(level: Level, region: string | undefined): { region?: string; territoire?: string } {
  if (level.niveau === 'territoire') return { territoire: level.id };
  if (level.niveau === 'region') return { region: level.code };
  return region ? { region } : {};
}

function KeyFigures({ d }: { d: DashboardData }) {
  return (
    <section aria-labelledby="chiffres-cles" className="fr-mb-4w">
      <h2 id="chiffres-cles" className="fr-h4">
        Chiffres clés
      </h2>
      <ul className="fr-grid-row fr-grid-row--gutters pilote-key-figures">
        {d.chiffresCles.map((f, i) => (
          <li key={f.code} className="fr-col-6 fr-col-md-4 fr-col-lg-3">
            <div className="pilote-kf">
              <p className="pilote-kf__value" {...(i === 0 ? elementTiming('chiffres-cles') : {})}>
                {f.affichage}
              </p>
              <p className="pilote-kf__label">{f.libelle}</p>
              <p className="pilote-kf__source">{f.source}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActiveFilters({ d }: { d: DashboardData }) {
  const active = Object.entries(d.filtres).filter(([, v]) => v) as [string, { libelle: string }][];
  const names: Record<string, string> = {
    campagne: 'Campagne',
    region: 'Région',
    axe: 'Axe',
    thematique: 'Thématique',
    statut: 'Statut',
  };
  return (
    <p className="fr-text--sm">
      {active.length === 0
        ? `Toutes les actions des plans d’action (${formatFrNumber(d.total)}).`
        : `Filtres : ${active.map(([k, v]) => `${names[k]} = ${v.libelle}`).join(' ; ')} — ${formatFrNumber(d.total)} actions.`}
    </p>
  );
}

function LevelLinks({ level, d }: { level: Level; d: DashboardData }): ReactNode {
  if (level.niveau === 'national') {
    return (
      <p className="fr-text--sm">
        Voir aussi : <Link to="/portraits/programme">le portrait du programme</Link> ·{' '}
        <Link to="/cartes">les cartes thématiques</Link>
      </p>
    );
  }
  if (level.niveau === 'region') {
    return (
      <p className="fr-text--sm">
        <Link to="/tableaux-de-bord">Tableau de bord national</Link> ·{' '}
        <Link to={`/portraits/regions/${level.code}`}>Portrait des territoires de la région</Link> ·{' '}
        <Link to={`/regions/${level.code}`}>Page de la région</Link>
      </p>
    );
  }
  const region = d.perimetre.region;
  return (
    <p className="fr-text--sm">
      <Link to="/tableaux-de-bord">Tableau de bord national</Link>
      {region && (
        <>
          {' · '}
          <Link to={`/tableaux-de-bord/regions/${region.code}`}>Tableau de bord {region.nom}</Link>
        </>
      )}
      {' · '}
      <Link to={`/portraits/territoires/${level.id}`}>Portrait du territoire</Link> ·{' '}
      <Link to={`/territoires/${level.id}`}>Page du territoire</Link>
    </p>
  );
}
