/** /impression/portraits/territoires/:id — the portrait laid out on two A4 pages, printed to PDF by the server. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { apiQuery } from '../platform/api';
import { usePageTitle } from '../platform/usePageTitle';
import { portraitTitle, usePortraitPath } from './PortraitPage';
import { PortraitView } from './PortraitView';
import type { Portrait } from './types';

export default function PrintPortraitPage() {
  const { api, level } = usePortraitPath();
  const query = useQuery({ queryKey: [api], queryFn: apiQuery<Portrait>(api) });
  const [mapDrawn, setMapDrawn] = useState(level !== 'territoire');
  const title = portraitTitle(query.data, level);
  usePageTitle(title);
  const [leversSettled, setLeversSettled] = useState(false);
  const onLeversSettled = useCallback(() => setLeversSettled(true), []);
  const ready = query.isSuccess && mapDrawn && leversSettled;
  return (
    <div className="pilote-print" data-print-ready={query.isError ? 'false' : ready ? 'true' : undefined}>
      <h1>{title}</h1>
      {query.isError && <p data-print-error>{(query.error as Error).message}</p>}
      {query.data && (
        <>
          <p className="fr-text--sm">
            {query.data.region ? `${query.data.region.nom} · ` : ''}
            {query.data.perimetre.libelle} · édité le {new Date().toLocaleDateString('fr-FR')} sur Pilote TI
          </p>
          <PortraitView
            p={query.data}
            print
            onMapDrawn={() => setMapDrawn(true)}
            onLeversSettled={onLeversSettled}
          />
        </>
      )}
    </div>
  );
}
