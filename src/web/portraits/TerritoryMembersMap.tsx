/**
 * The outline of a territory and its member intercommunalités in SVG (Observable Plot, true
 * coordinates from /api/v1/territoires/:id/carte): light, instant, crisp when printed. The members
 * are listed by name below the map for those who do not see it.
 */
import * as Plot from '@observablehq/plot';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef } from 'react';
import { apiQuery } from '../platform/api';
import { ErrorAlert, Loading } from '../platform/QueryState';
import { rewindForD3 } from '../tableaux-de-bord/rewind';

type Props = { kind: 'territoire' | 'groupement'; id?: string; nom?: string; siren?: string };
const FILLS = ['#dfe7fb', '#b1c5f2', '#c9d8f7', '#9bb4ec'];

export function TerritoryMembersMap({
  id,
  width,
  onDrawn,
}: {
  id: string;
  width: number;
  onDrawn?: () => void;
}) {
  const url = `/api/v1/territoires/${id}/carte`;
  const ref = useRef<HTMLDivElement>(null);
  const query = useQuery({
    queryKey: [url],
    queryFn: apiQuery<FeatureCollection<Geometry, Props>>(url),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: onDrawn is a notification, not an input
  useEffect(() => {
    const element = ref.current;
    if (!element || !query.data) return;
    const all = rewindForD3(query.data);
    const members = { ...all, features: all.features.filter((f) => f.properties.kind === 'groupement') };
    const outline = { ...all, features: all.features.filter((f) => f.properties.kind === 'territoire') };
    const frame = outline.features.length ? outline : all;
    const svg = Plot.plot({
      width,
      height: Math.round(width * 0.75),
      margin: 6,
      projection: { type: 'mercator', domain: frame as never },
      marks: [
        Plot.geo(members, {
          fill: (_f: unknown, i: number) => FILLS[i % FILLS.length],
          stroke: '#ffffff',
          strokeWidth: 1,
        }),
        Plot.geo(outline, { stroke: '#000091', strokeWidth: 2 }),
        members.features.length <= 8
          ? Plot.text(
              members.features,
              Plot.centroid({
                text: (f: { properties: Props }) => f.properties.nom ?? '',
                fontSize: 10,
                fill: '#161616',
                stroke: '#ffffff',
                strokeWidth: 3,
                lineWidth: 12,
              }),
            )
          : null,
      ],
    });
    svg.setAttribute('aria-hidden', 'true');
    element.replaceChildren(svg);
    element.dataset.drawn = 'true';
    onDrawn?.();
    return () => svg.remove();
  }, [query.data, width]);
  if (query.isError) return <ErrorAlert error={query.error} />;
  const names =
    query.data?.features.filter((f) => f.properties.kind === 'groupement').map((f) => f.properties.nom) ?? [];
  return (
    <figure className="pilote-svg-map fr-m-0" aria-label="Carte du territoire et de ses intercommunalités">
      {query.isPending && <Loading label="Chargement de la carte…" />}
      <div ref={ref} data-testid="carte-territoire" />
      <figcaption className="fr-text--xs">
        Intercommunalités membres : {names.join(', ') || '—'}. Fond : IGN Admin Express (COG 2023), ANCT
        périmètres septembre 2024 — Licence Ouverte 2.0.
      </figcaption>
    </figure>
  );
}
