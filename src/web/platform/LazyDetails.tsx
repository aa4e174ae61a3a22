import { type ReactNode, useState } from 'react';

/**
 * A disclosure (`<details>`) whose content is built only when first opened, then kept: for long
 * tables that most readers never open (a map's 183 rows), so that the page they sit in is drawn
 * sooner. Closed, its content is hidden from everyone anyway (screen readers included).
 */
export function LazyDetails({
  summary,
  className,
  children,
}: {
  summary: ReactNode;
  className?: string;
  children: () => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}
