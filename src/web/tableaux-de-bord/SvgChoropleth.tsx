/**
 * A light, printable choropleth of the Territoires d'industrie in SVG (Observable Plot's geo mark on
 * the national TopoJSON layer with its overseas insets), for dashboards and print pages: no WebGL,
 * drawn at once, crisp in a PDF. Classes come from the server; the legend writes them out and the
 * page gives the same values as a table. Missing values are hatched, never shown as zero.
 */
import * as Plot from '@observablehq/plot';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { apiQuery } from '../platform/api';
import { ErrorAlert, Loading } from '../platform/QueryState';
import { LAYER_URL } from './dataPath';
import { rewindForD3 } from './rewind';

export const CLASS_COLOURS = [
  '#e8edff',
  '#b1c5f2',
  '#6f93de',
  '#2f5bb7',
  '#0b2a78',
  '#061a4d',
  '#030d26',
  '#000000',
  '#000000',
];
export const MISSING_FILL = 'url(#motif-manquant)';

export type MapValue = { id: string; classe: number | null };
export type LegendEntry = { classe: number | null; libelle: string; nombre: number };

type Props = { id: string; nom: string; reg: string };

export function classColour(classe: number | null, classes: number) {
  if (classe === null) return MISSING_FILL;
  // Spread the palette over the classes actually used so that 3 classes are as distinct as 5.
  const index = classes <= 1 ? 2 : Math.round((classe * 4) / (classes - 1));
  return CLASS_COLOURS[index]!;
}

export function MissingPattern() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern id="motif-manquant" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#ffffff" />
          <path d="M0,6 L6,0" stroke="#929292" strokeWidth="1" />
        </pattern>
      </defs>
    </svg>
  );
}

export function ChoroplethLegend({ legend, title }: { legend: readonly LegendEntry[]; title: string }) {
  const classes = legend.filter((l) => l.classe !== null).length;
  return (
    <div className="pilote-map-legend">
      <p className="fr-text--sm fr-text--bold fr-mb-1v">{title}</p>
      <ul className="pilote-legend">
        {legend.map((l) => (
          <li key={`${l.classe}`}>
            <svg width="16" height="16" aria-hidden="true">
              <rect width="16" height="16" fill={classColour(l.classe, classes)} stroke="#53575e" />
            </svg>
            <span>
              {l.libelle} ({l.nombre})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SvgChoropleth({
  values,
  legend,
  region,
  label,
  width = 640,
  onDrawn,
}: {
  onDrawn?: () => void;
  values: readonly MapValue[];
  legend: readonly LegendEntry[];
  region?: string;
  label: string;
  width?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const query = useQuery({
    queryKey: [LAYER_URL],
    queryFn: apiQuery<Topology>(LAYER_URL),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: onDrawn is a notification, not an input
  useEffect(() => {
    const element = ref.current;
    if (!element || !query.data) return;
    const topo = query.data;
    const get = (name: string) =>
      rewindForD3(
        feature(topo, topo.objects[name] as GeometryCollection) as unknown as FeatureCollection<
          Geometry,
          Props
        >,
      );
    const territoires = get('territoires');
    const regions = get('regions');
    const encarts = get('encarts');
    const classes = legend.filter((l) => l.classe !== null).length;
    const byId = new Map(values.map((v) => [v.id, v.classe]));
    const shown = region
      ? { ...territoires, features: territoires.features.filter((f) => f.properties.reg === region) }
      : territoires;
    const frame = region
      ? {
          ...regions,
          features: regions.features.filter(
            (f) => (f.properties as unknown as { code: string }).code === region,
          ),
        }
      : { type: 'FeatureCollection' as const, features: [...regions.features, ...encarts.features] };
    const height = Math.round(width * (region ? 0.8 : 0.78));
    const svg = Plot.plot({
      width,
      height,
      margin: 4,
      projection: { type: 'mercator', domain: frame as never },
      marks: [
        region ? null : Plot.geo(encarts, { fill: '#f9fafc', stroke: '#929292' }),
        Plot.geo(region ? frame : regions, { fill: '#ffffff', stroke: 'none' }),
        Plot.geo(shown, {
          fill: (f: { properties: Props }) => classColour(byId.get(f.properties.id) ?? null, classes),
          stroke: '#ffffff',
          strokeWidth: 0.5,
        }),
        Plot.geo(region ? frame : regions, { stroke: '#53575e', strokeWidth: 0.8 }),
      ],
    });
    svg.setAttribute('aria-hidden', 'true');
    element.replaceChildren(svg);
    element.dataset.drawn = 'true';
    onDrawn?.();
    return () => {
      svg.remove();
      delete element.dataset.drawn;
    };
  }, [query.data, values, legend, region, width]);
  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <div className="pilote-svg-map" role="img" aria-label={label}>
      <MissingPattern />
      {query.isPending && <Loading label="Chargement de la carte…" />}
      <div ref={ref} data-testid="carte-svg" />
    </div>
  );
}
