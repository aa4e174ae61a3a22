/**
 * The national map of the 183 Territoires d'industrie, coloured by region, overseas regions in
 * insets (see scripts/build-map-layers.ts). Loaded lazily with MapLibre. With `region`, the map
 * zooms on that region and fades the others. Hover shows the territory's name; click opens its page.
 * For keyboard and screen-reader users the map is an image: the page shows the same list as a table.
 */
import { useQuery } from '@tanstack/react-query';
import type { Feature, Geometry } from 'geojson';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { createMap, emptyStyle } from '../platform/maplibre';
import { ErrorAlert, Loading } from '../platform/QueryState';
import { carteTerritoiresQuery } from './carteQuery';
import { type Bounds, boundsOf, type Collection } from './geo';
import { regionColourExpression } from './palette';
import './maps.css';

type TerritoireProps = { id: string; nom: string; reg: string };
type RegionProps = { code: string; nom: string };
type EncartProps = { nom: string };

/** Metropolitan France and the column of insets on its west. */
const FRANCE_BOUNDS: Bounds = [
  [-10.8, 40.8],
  [9.8, 51.3],
];

function layers(topology: Topology) {
  const get = <P,>(name: string) =>
    feature(topology, topology.objects[name] as GeometryCollection) as unknown as Collection<P>;
  return {
    territoires: get<TerritoireProps>('territoires'),
    regions: get<RegionProps>('regions'),
    encarts: get<EncartProps>('encarts'),
  };
}

type Hover = { x: number; y: number; nom: string; region: string };
type InsetLabel = { nom: string; x: number; y: number; small: boolean };

export default function NationalMap({ region, description }: { region?: string; description: string }) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const [hover, setHover] = useState<Hover | null>(null);
  const [insetLabels, setInsetLabels] = useState<InsetLabel[]>([]);
  const query = useQuery(carteTerritoiresQuery);

  useEffect(() => {
    const element = container.current;
    if (!query.data || !element) return;
    const data = layers(query.data);
    const regionNames = new Map(data.regions.features.map((f) => [f.properties.code, f.properties.nom]));
    // A region page frames the whole region (its territories with their surroundings).
    const focus = region ? data.regions.features.filter((f) => f.properties.code === region) : [];
    const bounds = (focus.length > 0 && boundsOf(focus as Feature<Geometry>[])) || FRANCE_BOUNDS;

    performance.mark('pilote:carte-nationale:creation');
    const map = createMap(element, {
      style: emptyStyle('#eef1f6'),
      bounds,
      fitBoundsOptions: { padding: region ? 32 : 8 },
      minZoom: 3,
      maxZoom: 11,
    });

    const placeInsetLabels = () =>
      setInsetLabels(
        data.encarts.features.map((f) => {
          const [[w, s], [, n]] = boundsOf([f])!;
          const p = map.project([w, n]);
          return { nom: f.properties.nom, x: p.x, y: p.y, small: map.project([w, s]).y - p.y < 80 };
        }),
      );

    map.on('load', () => {
      performance.mark('pilote:carte-nationale:style');
      // The layers are already simplified for this scale: no further tiling detail, small tile buffers.
      const tiling = { maxzoom: 9, buffer: 32, tolerance: 0.5 };
      map.addSource('regions', { type: 'geojson', data: data.regions, ...tiling });
      map.addSource('territoires', { type: 'geojson', data: data.territoires, promoteId: 'id', ...tiling });
      map.addSource('encarts', { type: 'geojson', data: data.encarts, ...tiling });
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
        id: 'territoires-fond',
        type: 'fill',
        source: 'territoires',
        paint: {
          'fill-color': regionColourExpression() as never,
          'fill-opacity': region ? ['case', ['==', ['get', 'reg'], region], 1, 0.2] : 1,
        },
      });
      map.addLayer({
        id: 'territoires-contour',
        type: 'line',
        source: 'territoires',
        paint: { 'line-color': '#ffffff', 'line-width': 0.7 },
      });
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
      map.addLayer({
        id: 'territoires-survol',
        type: 'line',
        source: 'territoires',
        paint: {
          'line-color': '#000091',
          'line-width': ['case', ['boolean', ['feature-state', 'survol'], false], 2.5, 0],
        },
      });
      placeInsetLabels();
    });
    // First complete drawing: marked for the benchmark, flagged for the tests.
    map.once('idle', () => {
      performance.mark('pilote:carte-nationale:prete');
      element.dataset.ready = 'true';
    });
    map.on('move', placeInsetLabels);
    map.on('resize', placeInsetLabels);

    let hovered: string | null = null;
    const setHovered = (id: string | null) => {
      if (hovered) map.setFeatureState({ source: 'territoires', id: hovered }, { survol: false });
      hovered = id;
      if (id) map.setFeatureState({ source: 'territoires', id }, { survol: true });
    };
    map.on('mousemove', 'territoires-fond', (e) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      if (!f) return;
      const props = f.properties as TerritoireProps;
      setHovered(props.id);
      map.getCanvas().style.cursor = 'pointer';
      setHover({ x: e.point.x, y: e.point.y, nom: props.nom, region: regionNames.get(props.reg) ?? '' });
    });
    map.on('mouseleave', 'territoires-fond', () => {
      setHovered(null);
      map.getCanvas().style.cursor = '';
      setHover(null);
    });
    map.on('click', 'territoires-fond', (e) => {
      const id = (e.features?.[0]?.properties as TerritoireProps | undefined)?.id;
      if (id) navigate(`/territoires/${id}`);
    });

    return () => {
      if (window.__piloteMap === map) window.__piloteMap = undefined;
      delete element.dataset.ready;
      map.remove();
    };
  }, [query.data, region, navigate]);

  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <div className="pilote-map" role="img" aria-label={description}>
      <div ref={container} className="pilote-map__canvas" data-testid="carte-nationale" />
      {query.isPending && (
        <div className="pilote-map__overlay">
          <Loading label="Chargement de la carte…" />
        </div>
      )}
      {insetLabels.map((l) => (
        <span
          key={l.nom}
          className={
            l.small ? 'pilote-map__inset-label pilote-map__inset-label--small' : 'pilote-map__inset-label'
          }
          style={{ left: l.x + 3, top: l.y + 1 }}
        >
          {l.nom}
        </span>
      ))}
      {hover && (
        <div className="pilote-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          <strong>{hover.nom}</strong>
          <br />
          {hover.region}
        </div>
      )}
    </div>
  );
}
