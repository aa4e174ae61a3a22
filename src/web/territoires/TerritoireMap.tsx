/**
 * Map of one territory: its outline and its member intercommunalités (true coordinates, from
 * GET /api/v1/territoires/{id}/carte), drawn in SVG. Hover names and highlights a member.
 *
 * Why SVG and not MapLibre: the map is in the page's first screen, and MapLibre with its worker
 * (~350 KB transferred) was more than the rest of the page together; the map has no base tiles and
 * offers no click, only a hover tooltip, which SVG does as well — drawn at once, without WebGL,
 * crisp when printed. Only the Ctrl + wheel zoom is gone: on a single framed territory with no
 * background it showed nothing more. The projection is MapLibre's (Web Mercator), so the shapes
 * are unchanged. For keyboard and screen-reader users the map is an image: the members table
 * below it carries the same content.
 */
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { type MouseEvent, useMemo, useRef, useState } from 'react';
import { apiQuery } from '../platform/api';
import { ErrorAlert, Loading } from '../platform/QueryState';
import './maps.css';

type Props = { kind: 'territoire' | 'groupement'; siren?: string; nom?: string };
/** `key`: the feature's place in the answer, stable for a given territory. */
type Shape = { key: string; kind: Props['kind']; nom: string; d: string };

/** Size of the drawing's longer side, in SVG units: one decimal of it is far below a pixel. */
const SIZE = 1000;
/** Blank margin around the territory, as a share of the drawing (MapLibre's fit padding was 24 px). */
const PADDING = 0.05;

const RAD = Math.PI / 180;
/** Web Mercator, with y growing southwards like the SVG's. */
const mercator = ([lon, lat]: Position): [number, number] => [
  lon! * RAD,
  -Math.log(Math.tan(Math.PI / 4 + (lat! * RAD) / 2)),
];

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** SVG paths of every feature, framed on the territory's outline (on everything if it has none). */
function draw(data: FeatureCollection<Geometry, Props>) {
  const projected = data.features.map((f) => ({
    kind: f.properties.kind,
    nom: f.properties.nom ?? '',
    polygons: polygonsOf(f.geometry).map((rings) => rings.map((ring) => ring.map(mercator))),
  }));
  const framing = projected.some((f) => f.kind === 'territoire')
    ? projected.filter((f) => f.kind === 'territoire')
    : projected;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of framing)
    for (const rings of f.polygons)
      for (const [x, y] of rings[0] ?? []) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  if (!Number.isFinite(x0)) return null;
  const scale = SIZE / Math.max(x1 - x0, y1 - y0, 1e-9);
  const pad = SIZE * PADDING;
  const width = (x1 - x0) * scale + 2 * pad;
  const height = (y1 - y0) * scale + 2 * pad;
  const point = ([x, y]: [number, number]) =>
    `${((x - x0) * scale + pad).toFixed(1)},${((y - y0) * scale + pad).toFixed(1)}`;
  const shapes: Shape[] = projected.map((f, i) => ({
    key: `${f.kind}-${i}`,
    kind: f.kind,
    nom: f.nom,
    d: f.polygons.flatMap((rings) => rings.map((ring) => `M${ring.map(point).join('L')}Z`)).join(''),
  }));
  return { viewBox: `0 0 ${width.toFixed(1)} ${height.toFixed(1)}`, shapes };
}

export default function TerritoireMap({ id, description }: { id: string; description: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ x: number; y: number; index: number } | null>(null);
  const url = `/api/v1/territoires/${encodeURIComponent(id)}/carte`;
  const query = useQuery({ queryKey: [url], queryFn: apiQuery<FeatureCollection<Geometry, Props>>(url) });
  const drawing = useMemo(() => (query.data ? draw(query.data) : null), [query.data]);

  // One listener for the drawing: the member under the pointer carries its index.
  const track = (e: MouseEvent<SVGSVGElement>) => {
    const index = (e.target as SVGElement).dataset.index;
    const box = frame.current?.getBoundingClientRect();
    if (index === undefined || !box) setHover(null);
    else setHover({ x: e.clientX - box.left, y: e.clientY - box.top, index: Number(index) });
  };

  if (query.isError) return <ErrorAlert error={query.error} />;
  const territoire = drawing?.shapes.filter((s) => s.kind === 'territoire') ?? [];
  return (
    <div className="pilote-map pilote-map--territoire" role="img" aria-label={description}>
      <div
        ref={frame}
        className="pilote-map__canvas"
        data-testid="carte-territoire"
        data-ready={drawing ? 'true' : undefined}
      >
        {drawing && (
          <svg
            className="pilote-map__svg"
            viewBox={drawing.viewBox}
            preserveAspectRatio="xMidYMid meet"
            aria-hidden="true"
            focusable="false"
            // Pointer only, on a picture hidden from assistive technologies: the members table names them too.
            onMouseMove={track}
            onMouseLeave={() => setHover(null)}
          >
            {/* The territory itself is shaded too: members that are single communes have no contour of their own. */}
            {territoire.map((s) => (
              <path key={`fond-${s.key}`} d={s.d} data-kind="territoire" fill="#e3e3fd" fillRule="evenodd" />
            ))}
            {drawing.shapes.map((s, i) =>
              s.kind === 'groupement' ? (
                <path
                  key={s.key}
                  d={s.d}
                  data-kind="groupement"
                  fill={hover?.index === i ? '#b1b1f9' : '#e3e3fd'}
                  fillRule="evenodd"
                  stroke="#6a6af4"
                  strokeWidth={1}
                  vectorEffect="non-scaling-stroke"
                  data-index={i}
                />
              ) : null,
            )}
            {/* The outline on top, and transparent to the pointer so that the members under it answer. */}
            {territoire.map((s) => (
              <path
                key={`contour-${s.key}`}
                d={s.d}
                fill="none"
                stroke="#000091"
                strokeWidth={2.5}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                pointerEvents="none"
              />
            ))}
          </svg>
        )}
      </div>
      {query.isPending && (
        <div className="pilote-map__overlay">
          <Loading label="Chargement de la carte…" />
        </div>
      )}
      {hover && drawing && (
        <div className="pilote-map__tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {drawing.shapes[hover.index]?.nom}
        </div>
      )}
    </div>
  );
}
