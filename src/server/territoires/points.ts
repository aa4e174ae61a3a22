import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { Sql } from '../platform/db/database';
import { readJsonFile } from '../platform/files/csv';
import { loadNames } from './places';
import { referenceFile } from './reference-files';

// Where to draw a laureate or a site placed at its commune. The platform ships no commune contours
// or centres: a commune is drawn at the label point of its intercommunalité (EPT for the communes of
// the Grand Paris, EPCI elsewhere), from the ANCT « centroïdes EPCI/EPT » file. A point outside its
// groupement's contour (the file puts Plaine Commune in La Réunion) is replaced by the centre of the
// contour's bounding box. Overseas points are moved into the insets of the national map with the same
// transform as the territories' layer (scripts/build-map-layers.ts), so that both maps line up.

export const POINT_SOURCE = {
  libelle:
    "Position approchée : point d'étiquette de l'intercommunalité (EPCI, ou EPT dans la Métropole du Grand Paris) de la commune",
  producteur: 'ANCT (centroïdes EPCI/EPT) ; contours IGN Admin Express',
  date: '2023',
  licence: 'Licence Ouverte / Etalab 2.0',
};

/** Same boxes as scripts/build-map-layers.ts (keep in step). */
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

function bboxOf(geometry: Geometry): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = ([x, y]: Position) => {
    b[0] = Math.min(b[0], x!);
    b[1] = Math.min(b[1], y!);
    b[2] = Math.max(b[2], x!);
    b[3] = Math.max(b[3], y!);
  };
  if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) ring.forEach(visit);
  else if (geometry.type === 'MultiPolygon')
    for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(visit);
  return b;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const inverseMercatorY = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

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
    return [round(((ox + k * x) * 180) / Math.PI), round(inverseMercatorY(oy + k * y))];
  };
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;
const inside = ([x, y]: Position, b: Bbox) => x! >= b[0] && x! <= b[2] && y! >= b[1] && y! <= b[3];

export interface CommunePoints {
  /** The map position of a commune (insets for overseas), or null when its groupement is unknown. */
  point(insee: string, region: string): [number, number] | null;
}

type Props = Record<string, string | null>;

async function buildCommunePoints(db: Sql): Promise<CommunePoints> {
  const [centroids, epci, ept, regions] = await Promise.all([
    readJsonFile<FeatureCollection<Point, Props>>(referenceFile('geo/centroides_epci_ept.geojson')),
    readJsonFile<FeatureCollection<Geometry, Props>>(referenceFile('geo/epci_cog2023.geojson')),
    readJsonFile<FeatureCollection<Geometry, Props>>(referenceFile('geo/ept_cog2023.geojson')),
    readJsonFile<FeatureCollection<Geometry, Props>>(referenceFile('geo/regions_2023.geojson')),
  ]);
  const boxes = new Map<string, Bbox>();
  for (const f of epci.features) if (f.properties.siren) boxes.set(f.properties.siren, bboxOf(f.geometry));
  for (const f of ept.features) {
    const siren = f.properties.siren ?? f.properties.siren_ept ?? f.properties.code;
    if (siren) boxes.set(siren, bboxOf(f.geometry));
  }
  const bySiren = new Map<string, Position>();
  for (const f of centroids.features) {
    const siren = f.properties.type === 'ept' ? f.properties.siren_ept : f.properties.siren_epci;
    if (!siren) continue;
    const box = boxes.get(siren);
    const p = f.geometry.coordinates;
    bySiren.set(siren, !box || inside(p, box) ? p : [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
  }
  for (const [siren, box] of boxes)
    if (!bySiren.has(siren)) bySiren.set(siren, [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);

  const transforms = new Map<string, (p: Position) => Position>();
  for (const f of regions.features) {
    const code = f.properties.insee_reg;
    const box = code ? INSETS[code] : undefined;
    if (code && box) transforms.set(code, insetTransform(bboxOf(f.geometry), box));
  }

  // Commune → groupement: EPT before EPCI (the Grand Paris communes are in both), COG 2026 before 2023.
  const { rows } = await db.query<{ insee: string; siren: string; type: string; cog: string }>(
    `SELECT gc.insee, gc.siren, g.type, gc.cog FROM groupement_communes gc
       JOIN groupements g ON g.cog = gc.cog AND g.siren = gc.siren
      ORDER BY gc.cog DESC, g.type DESC`,
  );
  const communeSiren = new Map<string, string>();
  for (const r of rows)
    if (!communeSiren.has(r.insee) && bySiren.has(r.siren)) communeSiren.set(r.insee, r.siren);

  const cache = new Map<string, [number, number] | null>();
  return {
    point(insee, region) {
      const key = `${insee}|${region}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const siren = communeSiren.get(insee);
      const raw = siren ? bySiren.get(siren) : undefined;
      let result: [number, number] | null = null;
      if (raw) {
        const moved = transforms.get(region)?.(raw) ?? raw;
        result = [round(moved[0]!), round(moved[1]!)];
      }
      cache.set(key, result);
      return result;
    },
  };
}

const pointsCache = new WeakMap<object, Promise<CommunePoints>>();
/** One instance per database (built on first use: reading the contours takes a fraction of a second). */
export function communePoints(db: Sql): Promise<CommunePoints> {
  let promise = pointsCache.get(db);
  if (!promise) {
    promise = buildCommunePoints(db);
    promise.catch(() => pointsCache.delete(db));
    pointsCache.set(db, promise);
  }
  return promise;
}

/** A FeatureCollection of points, with the source of the positions. */
export function pointCollection<P>(features: Feature<Point, P>[]): FeatureCollection<Point, P> & {
  source: typeof POINT_SOURCE;
} {
  return { type: 'FeatureCollection', features, source: POINT_SOURCE };
}

/** What a dataset drawn as points (laureates, sites) is served with: names of TI and regions, points. */
export interface MappedNames {
  territoires: Map<string, string>;
  regions: Map<string, string>;
  points: CommunePoints;
}

export async function loadMappedNames(db: Sql): Promise<MappedNames> {
  const [names, points] = await Promise.all([loadNames(db), communePoints(db)]);
  return { ...names, points };
}

/** `list` as a point layer, each item at its commune's point; the items without a point are counted. */
export function pointLayer<T extends { demo: boolean; communeInsee: string | null; reg: string }, P>(
  points: CommunePoints,
  list: readonly T[],
  properties: (item: T) => P,
) {
  const features: Feature<Point, P>[] = [];
  let nonPlaces = 0;
  for (const item of list) {
    const point = item.communeInsee ? points.point(item.communeInsee, item.reg) : null;
    if (!point) {
      nonPlaces++;
      continue;
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: point },
      properties: properties(item),
    });
  }
  return { ...pointCollection(features), nonPlaces, demo: list.some((item) => item.demo) };
}
