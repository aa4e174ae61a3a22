/**
 * Progress map of a campaign: each Territoire d'industrie coloured by where its update stands (to do,
 * in progress, reviewed, signed, sent back, validated). Drawn with MapLibre on the national TopoJSON
 * layer (/api/v1/carte/territoires, see territoires/NationalMap.tsx); with `region`, framed on it.
 * For keyboard and screen-reader users it is an image: the page shows the same data in a table.
 */
import { useQuery } from '@tanstack/react-query';
import type { Feature, Geometry } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { apiQuery } from '../platform/api';
import { createMap, emptyStyle } from '../platform/maplibre';
import { ErrorAlert, Loading } from '../platform/QueryState';
import { type Bounds, boundsOf, type Collection } from '../territoires/geo';
import { STATUT_COLOURS } from './format';
import '../territoires/maps.css';

const CARTE = '/api/v1/carte/territoires';
const FRANCE: Bounds = [
  [-10.8, 40.8],
  [9.8, 51.3],
];

type Props = { id: string; nom: string; reg: string };

export default function ProgressMap({
  statuts,
  labels,
  region,
  description,
}: {
  statuts: Record<string, string>;
  labels: Record<string, string>;
  region?: string;
  description: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ x: number; y: number; nom: string; statut: string } | null>(null);
  const query = useQuery({
    queryKey: [CARTE],
    queryFn: apiQuery<Topology>(CARTE),
    staleTime: Number.POSITIVE_INFINITY,
  });

  useEffect(() => {
    const element = container.current;
    if (!query.data || !element) return;
    const get = <P,>(name: string) =>
      feature(query.data, query.data.objects[name] as GeometryCollection) as unknown as Collection<P>;
    const territoires = get<Props>('territoires');
    const regions = get<{ code: string }>('regions');
    const focus = region ? regions.features.filter((f) => f.properties.code === region) : [];
    const map = createMap(element, {
      style: emptyStyle('#eef1f6'),
      bounds: (focus.length > 0 && boundsOf(focus as Feature<Geometry>[])) || FRANCE,
      fitBoundsOptions: { padding: region ? 24 : 8 },
      minZoom: 3,
      maxZoom: 11,
    });
    const colour: unknown[] = ['match', ['get', 'id']];
    for (const [id, statut] of Object.entries(statuts)) colour.push(id, STATUT_COLOURS[statut] ?? '#929292');
    colour.push('#e5e5e5'); // territories outside the campaign
    map.on('load', () => {
      map.addSource('regions', { type: 'geojson', data: regions });
      map.addSource('territoires', { type: 'geojson', data: territoires });
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
          'fill-color': (Object.keys(statuts).length ? colour : '#e5e5e5') as never,
          'fill-opacity': region ? ['case', ['==', ['get', 'reg'], region], 1, 0.25] : 1,
        },
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
    });
    map.once('idle', () => {
      element.dataset.ready = 'true';
    });
    map.on('mousemove', 'territoires-fond', (e) => {
      const p = e.features?.[0]?.properties as Props | undefined;
      if (!p) return;
      const s = statuts[p.id];
      setHover({ x: e.point.x, y: e.point.y, nom: p.nom, statut: s ? (labels[s] ?? s) : 'Hors campagne' });
    });
    map.on('mouseleave', 'territoires-fond', () => setHover(null));
    return () => {
      delete element.dataset.ready;
      map.remove();
    };
  }, [query.data, statuts, labels, region]);

  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <>
      <div className="pilote-map" role="img" aria-label={description}>
        <div ref={container} className="pilote-map__canvas" data-testid="carte-campagne" />
        {query.isPending && (
          <div className="pilote-map__overlay">
            <Loading label="Chargement de la carte…" />
          </div>
        )}
        {hover && (
          <div className="pilote-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
            <strong>{hover.nom}</strong>
            <br />
            {hover.statut}
          </div>
        )}
      </div>
      <ul className="pilote-legend fr-mt-1w" aria-label="Légende de la carte">
        {Object.entries(labels).map(([code, label]) => (
          <li key={code} style={{ '--swatch': STATUT_COLOURS[code] } as React.CSSProperties}>
            {label}
          </li>
        ))}
        <li style={{ '--swatch': '#e5e5e5' } as React.CSSProperties}>Hors campagne</li>
      </ul>
    </>
  );
}
