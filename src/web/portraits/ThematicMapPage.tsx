/**
 * /cartes — thematic maps: the Territoires d'industrie (or their member intercommunalités) coloured
 * by a chosen indicator, with classes computed by the server (quantiles or natural breaks), the
 * overseas insets, a legend, the same values as a table and the sources. MapLibre draws the project's
 * own layers (no tile server). The map is a picture for assistive technologies: the table is its twin.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { createMap, emptyStyle } from '../platform/maplibre';
import { ErrorAlert, Loading, QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { classColour } from '../tableaux-de-bord/SvgChoropleth';
import type { Choropleth, IndicatorList } from './types';
import '../territoires/maps.css';
import '../tableaux-de-bord/dashboards.css';

const MISSING = '#d9d9d9';
/** Paul Tol's "muted" qualitative colours for categories (distinct for colour-blind readers). */
const CATEGORY_COLOURS = ['#332288', '#88CCEE', '#DDCC77', '#CC6677', '#AA4499', '#44AA99', '#999933'];

const colourOf = (c: Choropleth, classe: number | null) => {
  if (classe === null) return MISSING;
  if (c.categories) return CATEGORY_COLOURS[classe % CATEGORY_COLOURS.length]!;
  return classColour(classe, c.legende.filter((l) => l.classe !== null).length);
};

const FRANCE_BOUNDS: [[number, number], [number, number]] = [
  [-10.8, 40.8],
  [9.8, 51.3],
];

function ChoroplethMap({ c }: { c: Choropleth }) {
  const container = useRef<HTMLDivElement>(null);
  const national = useQuery({
    queryKey: ['/api/v1/carte/territoires'],
    queryFn: apiQuery<Topology>('/api/v1/carte/territoires'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const epciUrl = '/api/v1/cartes/couches/epci';
  const epci = useQuery({
    queryKey: [epciUrl],
    queryFn: apiQuery<Topology>(epciUrl),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: c.niveau.code === 'epci',
  });
  const layers = useMemo(() => {
    if (!national.data) return null;
    const get = (t: Topology, name: string) =>
      feature(t, t.objects[name] as GeometryCollection) as unknown as FeatureCollection<Geometry>;
    return {
      territoires: get(national.data, 'territoires'),
      regions: get(national.data, 'regions'),
      encarts: get(national.data, 'encarts'),
      epci: epci.data ? get(epci.data, 'epci') : null,
    };
  }, [national.data, epci.data]);
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element || !layers || (c.niveau.code === 'epci' && !layers.epci)) return;
    const key = c.niveau.code === 'epci' ? 'siren' : 'id';
    const units = c.niveau.code === 'epci' ? layers.epci! : layers.territoires;
    const byId = new Map(c.lignes.map((l) => [l.id, l]));
    const match: unknown[] = ['match', ['get', key]];
    for (const l of c.lignes) match.push(l.id, colourOf(c, l.classe));
    match.push(MISSING);
    const map = createMap(element, {
      style: emptyStyle('#eef1f6'),
      bounds: FRANCE_BOUNDS,
      fitBoundsOptions: { padding: 8 },
      minZoom: 3,
      maxZoom: 11,
    });
    map.on('load', () => {
      map.addSource('encarts', { type: 'geojson', data: layers.encarts });
      map.addSource('regions', { type: 'geojson', data: layers.regions });
      map.addSource('unites', { type: 'geojson', data: units });
      map.addSource('territoires', { type: 'geojson', data: layers.territoires });
      map.addLayer({
        id: 'encarts-fond',
        type: 'fill',
        source: 'encarts',
        paint: { 'fill-color': '#f9fafc' },
      });
      map.addLayer({
        id: 'regions-fond',
        type: 'fill',
        source: 'regions',
        paint: { 'fill-color': '#ffffff' },
      });
      map.addLayer({
        id: 'unites-fond',
        type: 'fill',
        source: 'unites',
        paint: { 'fill-color': match as never },
      });
      map.addLayer({
        id: 'unites-contour',
        type: 'line',
        source: 'unites',
        paint: { 'line-color': '#ffffff', 'line-width': 0.4 },
      });
      if (c.niveau.code === 'epci') {
        map.addLayer({
          id: 'territoires-contour',
          type: 'line',
          source: 'territoires',
          paint: { 'line-color': '#161616', 'line-width': 0.8 },
        });
      }
      map.addLayer({
        id: 'regions-contour',
        type: 'line',
        source: 'regions',
        paint: { 'line-color': '#53575e', 'line-width': 0.9 },
      });
      map.addLayer({
        id: 'encarts-cadre',
        type: 'line',
        source: 'encarts',
        paint: { 'line-color': '#929292', 'line-width': 1 },
      });
    });
    map.once('idle', () => {
      element.dataset.ready = 'true';
    });
    map.on('mousemove', 'unites-fond', (e) => {
      const id = String(e.features?.[0]?.properties?.[key] ?? '');
      const row = byId.get(id);
      if (!row) return setHover(null);
      setHover({ x: e.point.x, y: e.point.y, text: `${row.nom} : ${row.affichage}` });
    });
    map.on('mouseleave', 'unites-fond', () => setHover(null));
    return () => {
      if (window.__piloteMap === map) window.__piloteMap = undefined;
      delete element.dataset.ready;
      map.remove();
    };
  }, [layers, c]);

  if (national.isError) return <ErrorAlert error={national.error} />;
  if (epci.isError) return <ErrorAlert error={epci.error} />;
  return (
    <div
      className="pilote-map"
      role="img"
      aria-label={`Carte : ${c.indicateur.libelle} par ${c.niveau.libelle.toLowerCase()}. Les valeurs sont dans le tableau qui suit.`}
    >
      <div ref={container} className="pilote-map__canvas" data-testid="carte-thematique" />
      {(!layers || (c.niveau.code === 'epci' && !layers.epci)) && (
        <div className="pilote-map__overlay">
          <Loading label="Chargement de la carte…" />
        </div>
      )}
      {hover && (
        <div className="pilote-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {hover.text}
        </div>
      )}
    </div>
  );
}

export default function ThematicMapPage() {
  usePageTitle('Cartes thématiques');
  const [params, setParams] = useSearchParams();
  const indicators = useQuery({
    queryKey: ['/api/v1/cartes/indicateurs'],
    queryFn: apiQuery<IndicatorList>('/api/v1/cartes/indicateurs'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const indicateur = params.get('indicateur') ?? 'part-industrie-2025';
  const def = indicators.data?.indicateurs.find((i) => i.code === indicateur);
  const niveau = params.get('niveau') ?? 'ti';
  const methode = params.get('methode') ?? def?.classification?.methode ?? '';
  const classes = params.get('classes') ?? String(def?.classification?.classes ?? '');
  const search = new URLSearchParams({ indicateur, niveau });
  if (def?.classification) {
    if (methode) search.set('methode', methode);
    if (classes) search.set('classes', classes);
  }
  const url = `/api/v1/cartes/choropleth?${search}`;
  const choropleth = useQuery({
    queryKey: [url],
    queryFn: apiQuery<Choropleth>(url),
    placeholderData: keepPreviousData,
    enabled: indicators.isSuccess,
  });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <h1>Cartes thématiques</h1>
      <p>
        Les Territoires d’industrie ou leurs intercommunalités, colorés selon un indicateur. Les classes sont
        calculées à partir des valeurs ; le tableau sous la carte donne chaque valeur. Voir aussi le{' '}
        <Link to="/portraits/programme">portrait du programme</Link> et le{' '}
        <Link to="/tableaux-de-bord">tableau de bord national</Link>.
      </p>
      <QueryState query={indicators} loadingLabel="Chargement des indicateurs…">
        {(list) => (
          <form
            className="pilote-filters fr-mb-3w"
            aria-label="Choix de la carte"
            onSubmit={(e) => e.preventDefault()}
          >
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-select-group fr-col-12 fr-col-lg-5">
                <label className="fr-label" htmlFor="carte-indicateur">
                  Indicateur
                </label>
                <select
                  className="fr-select"
                  id="carte-indicateur"
                  value={indicateur}
                  onChange={(e) => {
                    const next = list.indicateurs.find((i) => i.code === e.target.value);
                    set({
                      indicateur: e.target.value,
                      methode: null,
                      classes: null,
                      niveau: next && !next.niveaux.includes(niveau) ? 'ti' : niveau,
                    });
                  }}
                >
                  {list.indicateurs.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.libelle}
                    </option>
                  ))}
                </select>
              </div>
              <div className="fr-select-group fr-col-12 fr-col-md-4 fr-col-lg">
                <label className="fr-label" htmlFor="carte-niveau">
                  Niveau
                </label>
                <select
                  className="fr-select"
                  id="carte-niveau"
                  value={niveau}
                  onChange={(e) => set({ niveau: e.target.value })}
                >
                  {list.niveaux.map((n) => (
                    <option
                      key={n.code}
                      value={n.code}
                      disabled={def ? !def.niveaux.includes(n.code) : false}
                    >
                      {n.libelle}
                    </option>
                  ))}
                </select>
              </div>
              {def?.classification && (
                <>
                  <div className="fr-select-group fr-col-12 fr-col-md-4 fr-col-lg">
                    <label className="fr-label" htmlFor="carte-methode">
                      Classes
                    </label>
                    <select
                      className="fr-select"
                      id="carte-methode"
                      value={methode}
                      onChange={(e) => set({ methode: e.target.value })}
                    >
                      {list.methodes.map((m) => (
                        <option key={m.code} value={m.code}>
                          {m.libelle}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="fr-select-group fr-col-12 fr-col-md-4 fr-col-lg-2">
                    <label className="fr-label" htmlFor="carte-classes">
                      Nombre de classes
                    </label>
                    <select
                      className="fr-select"
                      id="carte-classes"
                      value={classes}
                      onChange={(e) => set({ classes: e.target.value })}
                    >
                      {[3, 4, 5, 6, 7].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </div>
                </>
              )}
            </div>
            {def && <p className="fr-text--sm fr-mb-2w">{def.description}</p>}
          </form>
        )}
      </QueryState>
      {choropleth.isError && <ErrorAlert error={choropleth.error} />}
      {choropleth.data && <MapSection c={choropleth.data} />}
      {choropleth.isPending && indicators.isSuccess && <Loading label="Calcul de la carte…" />}
    </>
  );
}

function MapSection({ c }: { c: Choropleth }) {
  const title = `${c.indicateur.libelle} par ${c.niveau.code === 'ti' ? 'Territoire d’industrie' : 'intercommunalité membre'}`;
  return (
    <section aria-labelledby="carte-titre">
      <h2 id="carte-titre" className="fr-h4">
        {title}
      </h2>
      {c.demo && <DemoNotice />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-8">
          <ChoroplethMap c={c} />
        </div>
        <div className="fr-col-12 fr-col-lg-4">
          <p className="fr-text--sm fr-text--bold fr-mb-1v">
            {c.methode ? `Légende (${c.methode === 'jenks' ? 'seuils naturels' : 'quantiles'})` : 'Légende'}
          </p>
          <ul className="pilote-legend" data-testid="legende">
            {c.legende.map((l) => (
              <li key={String(l.classe)}>
                <span
                  className="pilote-legend__swatch"
                  style={{ background: colourOf(c, l.classe) }}
                  aria-hidden="true"
                />
                <span>
                  {l.libelle} ({l.nombre})
                </span>
              </li>
            ))}
          </ul>
          {c.note && <p className="fr-text--xs fr-mt-1w">{c.note}</p>}
          {c.categories && (
            <dl className="fr-text--xs fr-mt-2w">
              {c.categories.map((k) => (
                <div key={k.code}>
                  <dt className="fr-text--bold">{k.libelle}</dt>
                  <dd className="fr-ml-0 fr-mb-1w">{k.explication}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className="fr-text--xs pilote-sources fr-mt-2w">
            {c.source}. Fond de carte : ANCT, périmètres des Territoires d’industrie, septembre 2024 ; IGN,
            contours des EPCI (COG 2023) — Licence Ouverte 2.0. Outre-mer en encarts, à une autre échelle.
          </p>
        </div>
      </div>
      <DataTable
        small
        id="tableau-carte"
        caption={`${title} — tableau des valeurs (${c.lignes.length} lignes)`}
        rows={[...c.lignes].sort((a, b) => String(a.nom).localeCompare(String(b.nom), 'fr'))}
        rowKey={(r) => r.id}
        columns={[
          {
            key: 'nom',
            label: c.niveau.code === 'ti' ? 'Territoire d’industrie' : 'Intercommunalité',
            rowHeader: true,
            render: (r) => <Link to={`/portraits/territoires/${r.territoire ?? r.id}`}>{r.nom}</Link>,
          },
          { key: 'affichage', label: c.indicateur.libelle, numeric: c.indicateur.type !== 'category' },
          { key: 'libelleClasse', label: 'Classe' },
        ]}
      />
    </section>
  );
}
