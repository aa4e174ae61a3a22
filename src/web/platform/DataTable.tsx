import { type ReactNode, useEffect, useRef, useState } from 'react';

export type Column<Row> = {
  /** Stable key of the column. */
  key: string;
  /** Header text. */
  label: ReactNode;
  /** Cell content; defaults to `String(row[key])`. */
  render?: (row: Row) => ReactNode;
  /** Numbers are right-aligned. */
  numeric?: boolean;
  /** The cell of this column is the row header (<th scope="row">), e.g. the name. */
  rowHeader?: boolean;
};

export type DataTableProps<Row> = {
  /** Required: what the table shows (RGAA 5.4), read first by screen readers. */
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Message when there is no row. */
  empty?: ReactNode;
  /** Smaller rows for long lists. */
  small?: boolean;
  id?: string;
  className?: string;
};

/** Accessible DSFR table with a caption, column headers and row headers. Every chart and map has one. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  small,
  id,
  className,
}: DataTableProps<Row>) {
  const scroller = useScrollableFocus();
  const classes = ['fr-table', 'fr-table--bordered', small ? 'fr-table--sm' : '', 'fr-mb-2w', className]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} id={id}>
      <div className="fr-table__wrapper">
        <div
          className="fr-table__container"
          ref={scroller.ref}
          tabIndex={scroller.scrollable ? 0 : undefined}
        >
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={c.numeric ? 'pilote-num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={columns.length}>{empty ?? 'Aucune ligne.'}</td>
                  </tr>
                ) : (
                  rows.map((row) => (
                    <tr key={rowKey(row)}>
                      {columns.map((c) => {
                        const content = c.render
                          ? c.render(row)
                          : String((row as Record<string, unknown>)[c.key] ?? '');
                        const className = c.numeric ? 'pilote-num' : undefined;
                        return c.rowHeader ? (
                          <th key={c.key} scope="row" className={className}>
                            {content}
                          </th>
                        ) : (
                          <td key={c.key} className={className}>
                            {content}
                          </td>
                        );
                      })}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * A table wider than the screen scrolls horizontally: its container must then be reachable with the
 * keyboard (RGAA 7.3, axe « scrollable-region-focusable »). Only then is it put in the tab order.
 */
function useScrollableFocus() {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setScrollable(element.scrollWidth > element.clientWidth + 1);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, scrollable };
}
