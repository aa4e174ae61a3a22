/**
 * The map section of a points list page: the clustered map (loaded lazily: MapLibre is heavy), its
 * legend of categories, how many rows have no place on it and the source of the positions.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { Source } from '../platform/api';
import { formatInteger } from '../platform/format';
import { Loading } from '../platform/QueryState';
import { SourceNote } from '../platform/SourceNote';
import type { PointLayer } from './PointsMap';

const PointsMap = lazy(() => import('./PointsMap'));

/** A category of points: its code in the layer, its label in the filter and the legend, its colour. */
export type PointCategory = { code: string; label: string; colour: string };

export type PointsMapConfig<P> = {
  testId: string;
  /** What the map shows, read by screen readers (the map is an image; the table is its twin). */
  description: string;
  /** The point property that holds the category code, and the categories (coloured, in the legend). */
  property: string;
  categories: readonly PointCategory[];
  tooltip: (properties: P) => string[];
  source: Source;
  /** The note under the map when rows have no known place, e.g. `12 lauréat(s) sans commune…`. */
  unplaced?: (count: string) => string;
};

export function PointsMapSection<P>({
  heading,
  layer,
  map,
}: {
  heading: string;
  layer: PointLayer<P> | undefined;
  map: PointsMapConfig<P>;
}) {
  const { property, categories, tooltip } = map;
  // The map is rebuilt when its colour expression changes: keep it stable across renders.
  const colour = useMemo(
    () => ['match', ['get', property], ...categories.flatMap((c) => [c.code, c.colour]), '#000091'],
    [property, categories],
  );
  return (
    <section aria-labelledby="carte" className="fr-mb-4w">
      <h2 id="carte" className="fr-h4">
        {heading}
      </h2>
      <Suspense fallback={<Loading label="Chargement de la carte…" />}>
        <PointsMap
          testId={map.testId}
          layer={layer as PointLayer<Record<string, unknown>> | undefined}
          colour={colour}
          description={map.description}
          tooltip={(props) => tooltip(props as P)}
        />
      </Suspense>
      <ul className="pilote-legend fr-mt-1w" aria-label="Légende de la carte">
        {categories.map((c) => (
          <li key={c.code}>
            <span className="pilote-legend__swatch" style={{ background: c.colour, borderRadius: '50%' }} />
            {c.label}
          </li>
        ))}
      </ul>
      {map.unplaced && layer && layer.nonPlaces > 0 && (
        <p className="fr-text--sm">{map.unplaced(formatInteger(layer.nonPlaces))}</p>
      )}
      <SourceNote sources={[map.source]} className="fr-mt-1w" />
    </section>
  );
}
