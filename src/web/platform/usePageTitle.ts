import { useEffect } from 'react';

/** Sets document.title to « <title> — Pilote TI » (RGAA: each page has a relevant title). */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — Pilote TI` : 'Pilote TI — Territoires d’industrie';
  }, [title]);
}
