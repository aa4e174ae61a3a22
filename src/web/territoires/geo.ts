import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export type Bounds = [[number, number], [number, number]];

/** Bounding box of a set of features, as MapLibre's `[[west, south], [east, north]]`. */
export function boundsOf(features: readonly Feature<Geometry | null>[]): Bounds | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as Position;
      w = Math.min(w, x!);
      s = Math.min(s, y!);
      e = Math.max(e, x!);
      n = Math.max(n, y!);
    } else if (Array.isArray(c)) for (const child of c) visit(child);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(w)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}

export type Collection<P> = FeatureCollection<Geometry, P>;
