/**
 * d3-geo (used by Observable Plot's geo mark) reads polygons on the sphere: an exterior ring must
 * run clockwise, the reverse of the GeoJSON convention (RFC 7946) of our layers; otherwise a
 * territory is read as « the whole world but the territory ». Rings are small, so the planar
 * signed area tells their orientation.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

const signedArea = (ring: Position[]) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[i]![0]! - ring[j]![0]!) * (ring[i]![1]! + ring[j]![1]!);
  }
  return sum / 2; // > 0: clockwise (x right, y up)
};

const orient = (ring: Position[], clockwise: boolean) =>
  signedArea(ring) > 0 === clockwise ? ring : [...ring].reverse();

const polygon = (rings: Position[][]) => rings.map((ring, i) => orient(ring, i === 0));

function rewindGeometry(g: Geometry | null): Geometry | null {
  if (!g) return g;
  if (g.type === 'Polygon') return { ...g, coordinates: polygon(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(polygon) };
  return g;
}

export function rewindForD3<G extends Geometry | null, P>(
  collection: FeatureCollection<G, P>,
): FeatureCollection<G, P> {
  return {
    ...collection,
    features: collection.features.map(
      (f) => ({ ...f, geometry: rewindGeometry(f.geometry) as G }) as Feature<G, P>,
    ),
  };
}
