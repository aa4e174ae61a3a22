/**
 * Charts of the dashboards and portraits, drawn with Observable Plot as static SVG. Each chart is an
 * image for assistive technologies (role="img" with a text alternative) and always comes with its
 * data table next to it. Readable in grey: values are written on the bars and the stacked bars carry
 * a pattern per status besides their colour.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { formatFrNumber } from './format';
import './dashboards.css';

/** Renders a Plot figure into a div; `onDrawn` once it is in the page. */
function PlotFigure({
  make,
  label,
  deps,
  testId,
}: {
  make: () => SVGSVGElement | HTMLElement;
  label: string;
  deps: unknown[];
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for what the figure is drawn from
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const figure = make();
    figure.setAttribute('aria-hidden', 'true');
    element.replaceChildren(figure);
    element.dataset.drawn = 'true';
    return () => {
      figure.remove();
      delete element.dataset.drawn;
    };
  }, [key]);
  return <div ref={ref} className="pilote-chart" role="img" aria-label={label} data-testid={testId} />;
}

export type Bar = { code: string; libelle: string; valeur: number; etiquette?: string };

const BAR_COLOUR = '#000091';

/** Horizontal bars, one per row, the value written at the end of each bar. */
export function BarChart({
  bars,
  label,
  unit,
  width = 640,
  rowHeight = 28,
  testId,
}: {
  bars: readonly Bar[];
  label: string;
  unit: string;
  width?: number;
  /** Height of one bar's row, in pixels (smaller when printed). */
  rowHeight?: number;
  testId?: string;
}) {
  const longest = Math.max(10, ...bars.map((b) => b.libelle.length));
  return (
    <PlotFigure
      label={label}
      testId={testId}
      deps={[JSON.stringify(bars), width, unit, rowHeight]}
      make={() =>
        Plot.plot({
          width,
          height: rowHeight * bars.length + 40,
          marginLeft: Math.min(300, longest * 6.4),
          marginRight: 70,
          style: { fontSize: '12px', fontFamily: 'Marianne, arial, sans-serif', color: '#161616' },
          x: { label: unit, grid: true, tickFormat: (d: number) => formatFrNumber(d) },
          y: { label: null, domain: bars.map((b) => b.libelle) },
          marks: [
            Plot.barX(bars, { x: 'valeur', y: 'libelle', fill: BAR_COLOUR }),
            Plot.text(bars, {
              x: 'valeur',
              y: 'libelle',
              text: (b: Bar) => b.etiquette ?? formatFrNumber(b.valeur),
              textAnchor: 'start',
              dx: 4,
              fill: '#161616',
            }),
            Plot.ruleX([0]),
          ],
        })
      }
    />
  );
}

/** Colour and pattern of each status, in the order of the vocabulary (« Non renseigné » last). */
export const STATUS_STYLES: Record<string, { colour: string; pattern: string }> = {
  amont: { colour: '#c3d6f5', pattern: 'points' },
  etude: { colour: '#7fa4e0', pattern: 'diagonales' },
  'en-cours': { colour: '#3558a2', pattern: 'plein' },
  'en-pause': { colour: '#e4794a', pattern: 'croisillons' },
  realise: { colour: '#18753c', pattern: 'horizontales' },
  abandonne: { colour: '#3a3a3a', pattern: 'verticales' },
  'non-renseigne': { colour: '#e5e5e5', pattern: 'vide' },
};

/** SVG pattern definitions (white strokes over the colour), shared by the stacked bars and their legend. */
export function PatternDefs() {
  const patterns = Object.entries(STATUS_STYLES).map(([code, s]) => {
    const stroke = code === 'non-renseigne' || code === 'amont' ? '#3a3a3a' : '#ffffff';
    let lines = null;
    switch (s.pattern) {
      case 'points':
        lines = <circle cx="3" cy="3" r="1.2" fill={stroke} />;
        break;
      case 'diagonales':
        lines = <path d="M0,6 L6,0" stroke={stroke} strokeWidth="1.2" />;
        break;
      case 'croisillons':
        lines = <path d="M0,6 L6,0 M0,0 L6,6" stroke={stroke} strokeWidth="1" />;
        break;
      case 'horizontales':
        lines = <path d="M0,3 L6,3" stroke={stroke} strokeWidth="1.2" />;
        break;
      case 'verticales':
        lines = <path d="M3,0 L3,6" stroke={stroke} strokeWidth="1.2" />;
        break;
      default:
        lines = null;
    }
    return (
      <pattern key={code} id={`motif-${code}`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={s.colour} />
        {lines}
      </pattern>
    );
  });
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>{patterns}</defs>
    </svg>
  );
}

export type StackRow = { code: string; libelle: string; total: number; parts: Record<string, number | null> };

/** 100 % stacked horizontal bars (status shares per group), the share written in each wide enough part. */
export function StackedBarChart({
  rows,
  statuses,
  label,
  width = 760,
  rowHeight = 30,
  testId,
}: {
  rows: readonly StackRow[];
  statuses: readonly { code: string; libelle: string }[];
  label: string;
  width?: number;
  rowHeight?: number;
  testId?: string;
}) {
  const longest = Math.max(10, ...rows.map((r) => r.libelle.length));
  const data = rows.flatMap((r) =>
    statuses.map((s) => ({
      groupe: r.libelle,
      statut: s.code,
      libelle: s.libelle,
      part: r.parts[s.code] ?? 0,
    })),
  );
  return (
    <>
      <ul className="pilote-chart-legend" aria-hidden="true">
        {statuses.map((s) => (
          <li key={s.code}>
            <svg width="16" height="16" aria-hidden="true">
              <rect width="16" height="16" fill={`url(#motif-${s.code})`} stroke="#53575e" />
            </svg>
            {s.libelle}
          </li>
        ))}
      </ul>
      <PlotFigure
        label={label}
        testId={testId}
        deps={[JSON.stringify(data), width, rowHeight]}
        make={() =>
          Plot.plot({
            width,
            height: rowHeight * rows.length + 40,
            marginLeft: Math.min(320, longest * 6.4),
            marginRight: 20,
            style: { fontSize: '12px', fontFamily: 'Marianne, arial, sans-serif', color: '#161616' },
            x: { label: 'part des actions (%)', domain: [0, 100], tickFormat: (d: number) => `${d} %` },
            y: { label: null, domain: rows.map((r) => r.libelle) },
            color: {
              type: 'ordinal',
              domain: statuses.map((x) => x.code),
              range: statuses.map((x) => `url(#motif-${x.code})`),
            },
            marks: [
              Plot.barX(
                data,
                Plot.stackX({
                  x: 'part',
                  y: 'groupe',
                  z: 'statut',
                  order: statuses.map((x) => x.code),
                  fill: 'statut',
                  stroke: '#ffffff',
                  strokeWidth: 0.5,
                }),
              ),
              Plot.text(
                data,
                Plot.stackX({
                  x: 'part',
                  y: 'groupe',
                  z: 'statut',
                  order: statuses.map((x) => x.code),
                  text: (d: { part: number }) => (d.part >= 7 ? `${Math.round(d.part)}` : ''),
                  fill: (d: { statut: string }) =>
                    ['en-cours', 'realise', 'abandonne', 'en-pause'].includes(d.statut)
                      ? '#ffffff'
                      : '#161616',
                  stroke: (d: { statut: string }) =>
                    ['en-cours', 'realise', 'abandonne', 'en-pause'].includes(d.statut)
                      ? '#161616'
                      : '#ffffff',
                  strokeWidth: 2.5,
                  paintOrder: 'stroke',
                }),
              ),
            ],
          })
        }
      />
    </>
  );
}

export type Point = { annee: number; valeur: number | null };

/** A yearly series as a line with its points, the first and last values written. */
export function LineChart({
  points,
  label,
  unit,
  width = 640,
  height = 240,
  testId,
}: {
  points: readonly Point[];
  label: string;
  unit: string;
  width?: number;
  height?: number;
  testId?: string;
}) {
  const present = points.filter((p): p is { annee: number; valeur: number } => p.valeur !== null);
  const ends = present.length ? [present[0]!, present[present.length - 1]!] : [];
  return (
    <PlotFigure
      label={label}
      testId={testId}
      deps={[JSON.stringify(points), width, height]}
      make={() =>
        Plot.plot({
          width,
          height,
          marginLeft: 70,
          marginRight: 30,
          style: { fontSize: '12px', fontFamily: 'Marianne, arial, sans-serif', color: '#161616' },
          x: { label: null, tickFormat: (d: number) => String(d), ticks: present.map((p) => p.annee) },
          y: { label: unit, grid: true, tickFormat: (d: number) => formatFrNumber(d) },
          marks: [
            Plot.ruleX([2019.5], { stroke: '#929292', strokeDasharray: '4,3' }),
            Plot.text([{ x: 2019.5 }], {
              x: 'x',
              frameAnchor: 'top',
              text: () => '2020',
              dy: -2,
              fill: '#3a3a3a',
            }),
            Plot.lineY(present, { x: 'annee', y: 'valeur', stroke: BAR_COLOUR, strokeWidth: 2 }),
            Plot.dot(present, { x: 'annee', y: 'valeur', fill: BAR_COLOUR, r: 3 }),
            Plot.text(ends, {
              x: 'annee',
              y: 'valeur',
              text: (p: { valeur: number }) => formatFrNumber(p.valeur),
              dy: -10,
              fill: '#161616',
            }),
          ],
        })
      }
    />
  );
}
