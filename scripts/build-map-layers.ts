/**
 * Builds the map layers the web application and the server draw, from the shipped reference data:
 *
 * - data/reference/derived/carte-territoires.topojson — the national map: the 183 TI (Temps II,
 *   2024-09 perimeter), the 18 regions and the frames of the overseas insets. The five overseas
 *   regions are moved (one affine transform each) into boxes placed west of metropolitan France so
 *   that a single MapLibre view shows the whole programme; then simplified and quantized.
 * - data/reference/derived/territoires-membres.topojson — the territory-level map, at true
 *   coordinates: the 183 TI outlines and every EPCI and EPT contour (COG 2023), lightly simplified.
 *
 * Run: npx tsx scripts/build-map-layers.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ref = (path: string) => join(root, 'data/reference', path);
const outDir = ref('derived');

type Props = Record<string, unknown>;
type Collection = FeatureCollection<Geometry, Props>;

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Where each overseas region goes: a box [west, south, east, north] in lon/lat, west of Brittany. */
const INSETS: Record<string, { nom: string; box: [number, number, number, number] }> = {
  '01': { nom: 'Guadeloupe', box: [-10.6, 49.0, -7.6, 51.0] },
  '02': { nom: 'Martinique', box: [-10.6, 46.9, -7.6, 48.7] },
  '03': { nom: 'Guyane', box: [-10.6, 44.6, -7.6, 46.6] },
  '04': { nom: 'La Réunion', box: [-10.6, 42.6, -7.6, 44.3] },
  '06': { nom: 'Mayotte', box: [-10.6, 40.9, -7.6, 42.3] },
};
/** Inner margin of a box, in degrees, so that the shapes do not touch the frame. */
const MARGIN = 0.2;
/** Extra room at the top of a box for the inset's name, drawn by the web page. */
const LABEL_ROOM = 0.3;

type Bbox = [number, number, number, number];

function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) ring.forEach(visit);
  else if (geometry.type === 'MultiPolygon')
    for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(visit);
  else throw new Error(`Géométrie inattendue : ${geometry.type}`);
}

function bboxOf(geometries: Geometry[]): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries)
    eachPosition(g, ([x, y]) => {
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    });
  return b;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const inverseMercatorY = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/**
 * The transform that fits `source` (lon/lat) into `box`, keeping the shape as MapLibre (Web
 * Mercator) displays it: both ends work in Mercator x/y, with one uniform scale, centred.
 */
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
    const tx = ox + k * x;
    const ty = oy + k * y;
    return [Math.round(((tx * 180) / Math.PI) * 1e6) / 1e6, Math.round(inverseMercatorY(ty) * 1e6) / 1e6];
  };
}

function mapGeometry(geometry: Geometry, f: (p: Position) => Position): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(f)) };
  if (geometry.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(f))) };
  throw new Error(`Géométrie inattendue : ${geometry.type}`);
}

const collection = (features: Feature<Geometry, Props>[]): Collection => ({
  type: 'FeatureCollection',
  features,
});

/** Keeps the given share of the points (the heaviest by triangle area), then quantizes. */
function simplifyTopology(topo: Topology, keepShare: number, quantization: number): Topology {
  // The three topojson packages type their properties differently; the data is the same.
  type Any = Parameters<typeof presimplify>[0];
  const pre = presimplify(topo as unknown as Any);
  const simplified = simplify(pre, quantile(pre, keepShare));
  return quantize(simplified, quantization) as unknown as Topology;
}

function write(name: string, topo: Topology): void {
  const text = JSON.stringify(topo);
  writeFileSync(join(outDir, name), text);
  const gz = gzipSync(text, { level: 9 }).length;
  console.log(`${name}: ${(text.length / 1024).toFixed(0)} Ko, ${(gz / 1024).toFixed(0)} Ko gzip`);
}

function countFeatures(topo: Topology): Record<string, number> {
  return Object.fromEntries(
    Object.entries(topo.objects).map(([k, o]) => [k, (o as GeometryCollection).geometries.length]),
  );
}

// --- sources -------------------------------------------------------------------------------------
const tiSource = readJson<Collection>(ref('territoires-industrie/ti_temps2_2024-09.geojson'));
const regionSource = readJson<Collection>(ref('geo/regions_2023.geojson'));
const epciTopo = readJson<Topology>(ref('geo/epci_cog2023.topojson'));
const eptSource = readJson<Collection>(ref('geo/ept_cog2023.geojson'));

if (tiSource.features.length !== 183) throw new Error(`183 TI attendus, ${tiSource.features.length} lus`);
if (regionSource.features.length !== 18)
  throw new Error(`18 régions attendues, ${regionSource.features.length} lues`);

const regionOfTi = (id: string) => id.slice(3, 5);

// --- national map with overseas insets -----------------------------------------------------------
const transforms = new Map<string, (p: Position) => Position>();
for (const [code, inset] of Object.entries(INSETS)) {
  const region = regionSource.features.find((f) => f.properties.insee_reg === code);
  if (!region) throw new Error(`Région ${code} absente de regions_2023.geojson`);
  transforms.set(code, insetTransform(bboxOf([region.geometry]), inset.box));
}
const place = (code: string, geometry: Geometry) => {
  const t = transforms.get(code);
  return t ? mapGeometry(geometry, t) : geometry;
};

const territoires = collection(
  tiSource.features.map((f) => {
    const id = String(f.properties.id_territoire);
    return {
      type: 'Feature',
      properties: { id, nom: String(f.properties.lib_territoire), reg: regionOfTi(id) },
      geometry: place(regionOfTi(id), f.geometry),
    };
  }),
);
const regions = collection(
  regionSource.features.map((f) => {
    const code = String(f.properties.insee_reg);
    return {
      type: 'Feature',
      properties: { code, nom: String(f.properties.lib_reg) },
      geometry: place(code, f.geometry),
    };
  }),
);
const encarts = collection(
  Object.values(INSETS).map(({ nom, box: [w, s, e, n] }) => ({
    type: 'Feature',
    properties: { nom },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  })),
);

mkdirSync(outDir, { recursive: true });
const national = simplifyTopology(topology({ territoires, regions, encarts }, 1e6), 0.4, 5e4);
write('carte-territoires.topojson', national);
console.log('  objets :', countFeatures(national));

// --- territory-level map at true coordinates -----------------------------------------------------
const epci = feature(epciTopo, epciTopo.objects.epci_cog2023 as GeometryCollection) as unknown as Collection;
const groupements = collection(
  [...epci.features, ...eptSource.features].map((f) => ({
    type: 'Feature',
    properties: {
      siren: String(f.properties.siren),
      nom: String(f.properties.nom),
      type: String(f.properties.type),
    },
    geometry: f.geometry,
  })),
);
const territoiresVrais = collection(
  tiSource.features.map((f) => ({
    type: 'Feature',
    properties: { id: String(f.properties.id_territoire) },
    geometry: f.geometry,
  })),
);
const members = simplifyTopology(topology({ territoires: territoiresVrais, groupements }, 1e6), 0.45, 1e5);
write('territoires-membres.topojson', members);
console.log('  objets :', countFeatures(members));
