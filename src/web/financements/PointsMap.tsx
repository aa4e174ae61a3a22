/**
 * A national map of points (laureates, sites clés en main) over the 183 Territoires d'industrie,
 * clustered: a cluster is a larger circle whose count shows on hover (the maps carry no font, so no
 * text is drawn on the canvas). Points are placed at their commune's intercommunalité and overseas
 * points sit in the insets, as the server's layer says. For keyboard and screen-reader users the map
 * is an image: every page shows the same points in a table next to it.
 */
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { apiQuery } from '../platform/api';
import { createMap, emptyStyle } from '../platform/maplibre';
import { ErrorAlert, Loading } from '../platform/QueryState';
import '../territoires/maps.css';

const FRANCE_BOUNDS: [[number, number], [number, number]] = [
  [-10.8, 40.8],
  [9.8, 51.3],
];
const BACKGROUND_URL = '/api/v1/carte/territoires';

export type PointLayer<P> = FeatureCollection<Point, P> & { nonPlaces: number };

type Hover = { x: number; y: number; lines: string[] };

export default function PointsMap<P extends Record<string, unknown>>({
  layer,
  description,
  colour,
  tooltip,
  testId,
}: {
  layer: PointLayer<P> | undefined;
  description: string;
  /** MapLibre colour expression of the points (or a plain colour). */
  colour: unknown;
  tooltip: (properties: P) => string[];
  testId: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<ReturnType<typeof createMap> | null>(null);
  const [ready, setReady] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const tooltipRef = useRef(tooltip);
  tooltipRef.current = tooltip;
  const background = useQuery({
    queryKey: [BACKGROUND_URL],
    queryFn: apiQuery<Topology>(BACKGROUND_URL),
    staleTime: Number.POSITIVE_INFINITY,
  });

  useEffect(() => {
    const element = container.current;
    if (!background.data || !element) return;
    const topology = background.data;
    const get = (name: string) =>
      feature(
        topology,
        topology.objects[name] as GeometryCollection,
      ) as unknown as FeatureCollection<Geometry>;
    const map = createMap(element, {
      style: emptyStyle('#eef1f6'),
      bounds: FRANCE_BOUNDS,
      fitBoundsOptions: { padding: 8 },
      minZoom: 3,
      maxZoom: 11,
    });
    mapRef.current = map;
    map.on('load', () => {
      map.addSource('regions', { type: 'geojson', data: get('regions') });
      map.addSource('territoires', { type: 'geojson', data: get('territoires') });
      map.addSource('encarts', { type: 'geojson', data: get('encarts') });
      map.addSource('points', {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        cluster: true,
        clusterRadius: 28,
        clusterMaxZoom: 9,
      });
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
        paint: { 'fill-color': '#dfe5f5' },
      });
      map.addLayer({
        id: 'territoires-contour',
        type: 'line',
        source: 'territoires',
        paint: { 'line-color': '#ffffff', 'line-width': 0.6 },
      });
      map.addLayer({
        id: 'regions-contour',
        type: 'line',
        source: 'regions',
        paint: { 'line-color': '#53575e', 'line-width': 0.8 },
      });
      map.addLayer({
        id: 'encarts-cadre',
        type: 'line',
        source: 'encarts',
        paint: { 'line-color': '#929292', 'line-width': 1 },
      });
      map.addLayer({
        id: 'groupes',
        type: 'circle',
        source: 'points',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#000091',
          'circle-opacity': 0.75,
          'circle-radius': ['step', ['get', 'point_count'], 9, 5, 13, 20, 18],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      map.addLayer({
        id: 'points',
        type: 'circle',
        source: 'points',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': colour as never,
          'circle-radius': 6,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      setReady(true);
    });
    map.on('mousemove', 'groupes', (e) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      if (!f) return;
      map.getCanvas().style.cursor = 'pointer';
      setHover({
        x: e.point.x,
        y: e.point.y,
        lines: [`${f.properties.point_count} éléments`, 'Cliquez pour zoomer'],
      });
    });
    map.on('mousemove', 'points', (e) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      if (!f) return;
      map.getCanvas().style.cursor = 'pointer';
      setHover({ x: e.point.x, y: e.point.y, lines: tooltipRef.current(f.properties as P) });
    });
    for (const id of ['groupes', 'points'])
      map.on('mouseleave', id, () => {
        map.getCanvas().style.cursor = '';
        setHover(null);
      });
    map.on('click', 'groupes', async (e) => {
      const f = e.features?.[0] as MapGeoJSONFeature | undefined;
      if (!f) return;
      const source = map.getSource('points') as GeoJSONSource;
      const zoom = await source.getClusterExpansionZoom(f.properties.cluster_id as number);
      map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom });
    });
    return () => {
      if (window.__piloteMap === map) window.__piloteMap = undefined;
      delete element.dataset.ready;
      mapRef.current = null;
      setReady(false);
      map.remove();
    };
  }, [background.data, colour]);

  // New data (filters): replace the points, then flag the map as drawn for the tests.
  useEffect(() => {
    const map = mapRef.current;
    const element = container.current;
    if (!ready || !map || !layer || !element) return;
    delete element.dataset.ready;
    (map.getSource('points') as GeoJSONSource).setData(layer);
    map.once('idle', () => {
      element.dataset.ready = 'true';
      element.dataset.points = String(layer.features.length);
    });
    map.triggerRepaint();
  }, [ready, layer]);

  if (background.isError) return <ErrorAlert error={background.error} />;
  return (
    <div className="pilote-map" role="img" aria-label={description}>
      <div ref={container} className="pilote-map__canvas" data-testid={testId} />
      {(background.isPending || !layer) && (
        <div className="pilote-map__overlay">
          <Loading label="Chargement de la carte…" />
        </div>
      )}
      {hover && (
        <div className="pilote-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {hover.lines.map((line, i) => (
            <span key={line}>
              {i === 0 ? <strong>{line}</strong> : line}
              <br />
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
