import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * DSFR table frame whose container joins the tab order only when it scrolls horizontally (RGAA 7.3,
 * axe « scrollable-region-focusable »), like the platform's DataTable; for tables with custom headers
 * (sort buttons, selection checkboxes).
 */
export function ScrollTable({ children, small = true }: { children: ReactNode; small?: boolean }) {
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
  return (
    <div className={`fr-table fr-table--bordered ${small ? 'fr-table--sm' : ''} fr-mb-2w`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" ref={ref} tabIndex={scrollable ? 0 : undefined}>
          <div className="fr-table__content">
            <table>{children}</table>
          </div>
        </div>
      </div>
    </div>
  );
}
