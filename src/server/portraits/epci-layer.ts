import { readFile } from 'node:fs/promises';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { type CachedBody, prepareBody } from '../platform/http/cached-response';
import { referenceFile } from '../territoires/reference-files';

// The EPCI layer of the thematic maps: the contours of the intercommunalités (and EPT) that are
// members of a current Territoire d'industrie, cut from data/reference/derived/territoires-membres
// .topojson (true coordinates), with the overseas ones moved into the same insets as the national
// layer (/api/v1/carte/territoires) so that both draw together, then simplified for a national view.
// The inset boxes and transform are those of scripts/build-map-layers.ts (same source bounding
// boxes from geo/regions_2023.geojson): keep them in step.

const INSETS: Record<string, [number, number, number, number]> = {
  '01': [-10.6, 49.0, -7.6, 51.0],
  '02': [-10.6, 46.9, -7.6, 48.7],
  '03': [-10.6, 44.6, -7.6, 46.6],
  '04': [-10.6, 42.6, -7.6, 44.3],
  '06': [-10.6, 40.9, -7.6, 42.3],
};
const MARGIN = 0.2;
const LABEL_ROOM = 0.3;

type Bbox = [number, number, number, number];
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const inverseMercatorY = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

function eachPosition(geometry: Geometry, visit: (p: Position) => void) {
  if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) ring.forEach(visit);
  else if (geometry.type === 'MultiPolygon')
    for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(visit);
}

function bboxOf(geometry: Geometry): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  eachPosition(geometry, ([x, y]) => {
    b[0] = Math.min(b[0], x!);
    b[1] = Math.min(b[1], y!);
    b[2] = Math.max(b[2], x!);
    b[3] = Math.max(b[3], y!);
  });
  return b;
}

function insetTransform(source: Bbox, box: Bbox): (p: Position) => Position {
  const toXY = (lon: number, lat: number) => [(lon * Math.PI) / 180, mercatorY(lat)] as const;
  const [sx0, sy0] = toXY(source[0], source[1]);
  const [sx1, sy1] = toXY(source[2], source[3]);
  const [bx0, by0] = toXY(box[0] + MARGIN, box[1] + MARGIN);
  const [bx1, by1] = toXY(box[2] - MARGIN, box[3] - MARGIN - LABEL_ROOM);
  const k = Math.min((bx1 - bx0) / (sx1 - sx0), (by1 - by0) / (sy1 - sy0));
  const ox = (bx0 + bx1) / 2 - (k * (sx0 + sx1)) / 2;
  const oy = (by0 + by1) / 2 - (k * (sy0 + sy1)) / 2;
  return ([lon, lat]) => {
    const [x, y] = toXY(lon!, lat!);
    return [((ox + k * x) * 180) / Math.PI, inverseMercatorY(oy + k * y)];
  };
}

function mapGeometry(geometry: Geometry, f: (p: Position) => Position): Geometry {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(f)) } as Polygon;
  if (geometry.type === 'MultiPolygon')
    return {
      type: 'MultiPolygon',
      coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(f))),
    } as MultiPolygon;
  return geometry;
}

export interface EpciMember {
  siren: string;
  nom: string;
  territoire: string;
}

const layers = new Map<string, Promise<CachedBody>>();

/** TopoJSON with one object `epci` (props siren, nom, ti), overseas members in the insets. */
export function epciLayer(members: readonly EpciMember[]): Promise<CachedBody> {
  const key = members.map((m) => `${m.siren}:${m.territoire}`).join(',');
  let layer = layers.get(key);
  if (!layer) {
    layer = buildLayer(members).catch((error) => {
      layers.delete(key);
      throw error;
    });
    layers.clear();
    layers.set(key, layer);
  }
  return layer;
}

async function buildLayer(members: readonly EpciMember[]): Promise<CachedBody> {
  const source = JSON.parse(
    await readFile(referenceFile('derived/territoires-membres.topojson'), 'utf8'),
  ) as Topology;
  const regions = JSON.parse(
    await readFile(referenceFile('geo/regions_2023.geojson'), 'utf8'),
  ) as FeatureCollection<Geometry, Record<string, unknown>>;
  const transforms = new Map<string, (p: Position) => Position>();
  for (const [code, box] of Object.entries(INSETS)) {
    const region = regions.features.find((f) => String(f.properties.insee_reg) === code);
    if (region) transforms.set(code, insetTransform(bboxOf(region.geometry), box));
  }
  const groupements = feature(
    source,
    source.objects.groupements as GeometryCollection,
  ) as unknown as FeatureCollection<Geometry, Record<string, unknown>>;
  const bySiren = new Map(groupements.features.map((f) => [String(f.properties.siren), f]));
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  for (const m of members) {
    const f = bySiren.get(m.siren);
    if (!f?.geometry) continue;
    const t = transforms.get(m.territoire.slice(3, 5));
    features.push({
      type: 'Feature',
      properties: { siren: m.siren, nom: m.nom, ti: m.territoire },
      geometry: t ? mapGeometry(f.geometry, t) : f.geometry,
    });
  }
  type Any = Parameters<typeof presimplify>[0];
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ epci: collection } as never, 1e6) as unknown as Any;
  const pre = presimplify(topo);
  const simplified = quantize(simplify(pre, quantile(pre, 0.35)), 2e4);
  return prepareBody(simplified, 'application/json; charset=utf-8');
}
