/**
 * Small building blocks of the funding, land and governance pages: key-figure tiles and a bar chart
 * drawn in HTML (readable without colour, zoomable) that always comes with its data table.
 */
import type { ReactNode } from 'react';
import { DataTable } from '../platform/DataTable';
import { formatInteger } from '../platform/format';
import './figures.css';

export function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div className="fr-col-6 fr-col-md-4 fr-col-lg-3">
      <div className="pilote-figure">
        <p className="pilote-figure__value">{value}</p>
        <p className="pilote-figure__label">{label}</p>
      </div>
    </div>
  );
}

export function Figures({ children }: { children: ReactNode }) {
  return <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">{children}</div>;
}

export type Bar = { code: string; label: string; value: number; note?: string };

/** Horizontal bars, then the same numbers in a table (the chart is hidden from screen readers). */
export function BarChart({
  title,
  bars,
  unit = '',
  valueLabel,
  format = formatInteger,
}: {
  title: string;
  bars: readonly Bar[];
  unit?: string;
  valueLabel: string;
  format?: (n: number) => string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="pilote-bars fr-mb-2w">
      <figcaption className="fr-text--bold fr-mb-1w">{title}</figcaption>
      <div aria-hidden="true">
        {bars.map((b) => (
          <div key={b.code} className="pilote-bars__row">
            <span className="pilote-bars__label">{b.label}</span>
            <span className="pilote-bars__track">
              <span className="pilote-bars__bar" style={{ width: `${(100 * b.value) / max}%` }} />
            </span>
            <span className="pilote-bars__value">
              {format(b.value)}
              {unit}
              {b.note ? ` (${b.note})` : ''}
            </span>
          </div>
        ))}
      </div>
      <details className="fr-mt-1w">
        <summary className="fr-text--sm">Tableau des données : {title.toLowerCase()}</summary>
        <DataTable
          small
          caption={title}
          rows={bars}
          rowKey={(b) => b.code}
          columns={[
            { key: 'label', label: 'Catégorie', rowHeader: true },
            { key: 'value', label: valueLabel, numeric: true, render: (b) => `${format(b.value)}${unit}` },
            { key: 'note', label: 'Part', numeric: true, render: (b) => b.note ?? '' },
          ]}
        />
      </details>
    </figure>
  );
}

/** « 63,0 M€ ». */
export const formatEuros = (n: number | null | undefined) =>
  n == null
    ? '—'
    : n >= 1_000_000
      ? `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n / 1_000_000)} M€`
      : `${formatInteger(n)} €`;
