import type { HTMLAttributes } from 'react';

/**
 * Marks an element whose first paint the browser records (Element Timing API): the bench reads when
 * a page became usable (its first rows, its key figures) from navigation start, as a user sees it.
 * React passes the attribute through; its types do not know it yet.
 */
export const elementTiming = (name: string) => ({ elementtiming: name }) as HTMLAttributes<HTMLElement>;
