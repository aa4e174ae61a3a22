/**
 * Map of one territory: its outline and its member intercommunalités (true coordinates, from
 * GET /api/v1/territoires/{id}/carte). Hover names a member. For keyboard and screen-reader users
 * the map is an image: the members table beside it carries the same content.
 */
import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { apiQuery } from '../platform/api';
import { createMap, emptyStyle } from '../platform/maplibre';
import { ErrorAlert, Loading } from '../platform/QueryState';
import { boundsOf } from './geo';
import './maps.css';

type Props = { kind: 'territoire' | 'groupement'; siren?: string; nom?: string };

export default function TerritoireMap({ id, description }: { id: string; description: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ x: number; y: number; nom: string } | null>(null);
  const url = `/api/v1/territoires/${encodeURIComponent(id)}/carte`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<FeatureCollection<Geometry, Props>>(url) });

  useEffect(() => {
    const element = container.current;
    if (!query.data || !element) return;
    const data = query.data;
    const territoire = data.features.filter((f) => f.properties.kind === 'territoire');
    const bounds = boundsOf((territoire.length > 0 ? territoire : data.features) as Feature<Geometry>[]);
    const map = createMap(element, {
      style: emptyStyle('#f6f6f6'),
      ...(bounds ? { bounds, fitBoundsOptions: { padding: 24 } } : { center: [2.5, 46.5], zoom: 4 }),
      maxZoom: 13,
    });
    map.on('load', () => {
      map.addSource('carte', { type: 'geojson', data, generateId: true });
      // The territory itself is shaded too: members that are single communes have no contour of their own.
      map.addLayer({
        id: 'territoire-fond',
        type: 'fill',
        source: 'carte',
        filter: ['==', ['get', 'kind'], 'territoire'],
        paint: { 'fill-color': '#e3e3fd' },
      });
      map.addLayer({
        id: 'groupements-fond',
        type: 'fill',
        source: 'carte',
        filter: ['==', ['get', 'kind'], 'groupement'],
        paint: {
          'fill-color': ['case', ['boolean', ['feature-state', 'survol'], false], '#b1b1f9', '#e3e3fd'],
        },
      });
      map.addLayer({
        id: 'groupements-contour',
        type: 'line',
        source: 'carte',
        filter: ['==', ['get', 'kind'], 'groupement'],
        paint: { 'line-color': '#6a6af4', 'line-width': 1 },
      });
      map.addLayer({
        id: 'territoire-contour',
        type: 'line',
        source: 'carte',
        filter: ['==', ['get', 'kind'], 'territoire'],
        paint: { 'line-color': '#000091', 'line-width': 2.5 },
      });
    });
    map.once('idle', () => {
      element.dataset.ready = 'true';
    });
    let hovered: string | number | undefined;
    const setHovered = (fid: string | number | undefined) => {
      if (hovered !== undefined) map.setFeatureState({ source: 'carte', id: hovered }, { survol: false });
      hovered = fid;
      if (fid !== undefined) map.setFeatureState({ source: 'carte', id: fid }, { survol: true });
    };
    map.on('mousemove', 'groupements-fond', (e) => {
      const f = e.features?.[0];
      if (!f) return;
      setHovered(f.id);
      setHover({ x: e.point.x, y: e.point.y, nom: String(f.properties.nom ?? '') });
    });
    map.on('mouseleave', 'groupements-fond', () => {
      setHovered(undefined);
      setHover(null);
    });
    return () => {
      if (window.__piloteMap === map) window.__piloteMap = undefined;
      delete element.dataset.ready;
      map.remove();
    };
  }, [query.data]);

  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <div className="pilote-map pilote-map--territoire" role="img" aria-label={description}>
      <div ref={container} className="pilote-map__canvas" data-testid="carte-territoire" />
      {query.isPending && (
        <div className="pilote-map__overlay">
          <Loading label="Chargement de la carte…" />
        </div>
      )}
      {hover && (
        <div className="pilote-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {hover.nom}
        </div>
      )}
    </div>
  );
}
