import { useQuery } from '@tanstack/react-query';
import { TEMPS1_PUBLISHED, TEMPS1_RULE } from '../../domain/territoires/temps1';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { formatInteger, formatMillions, formatPercent } from '../platform/format';
import { QueryState } from '../platform/QueryState';
import { SourceNote } from '../platform/SourceNote';
import type { ProgrammeStats } from './types';

const PROGRAMMES = ['acv', 'pvd', 'qpv', 'massifs'] as const;

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div className="fr-col-6 fr-col-md-4 fr-col-lg-2">
      <div className="pilote-figure">
        <p className="pilote-figure__value">{value}</p>
        <p className="pilote-figure__label">{label}</p>
      </div>
    </div>
  );
}

const TEMPS_I_ORDER = ['nouveau', 'inchange', 'reconfigure'] as const;

/** The figures' query, shared with the home page (which waits for them before placing the map). */
export const programmeStatsQuery = {
  queryKey: ['/api/v1/stats/programme'],
  queryFn: apiQuery<ProgrammeStats>('/api/v1/stats/programme'),
};

/** The programme's key figures (territories, groupements, regions, population) and its overlap with the other ANCT programmes. */
export function KeyFigures() {
  const query = useQuery(programmeStatsQuery);
  return (
    <section aria-labelledby="chiffres-cles" className="fr-mb-4w">
      <h2 id="chiffres-cles" className="fr-h4">
        Chiffres clés du programme
      </h2>
      <QueryState query={query} loadingLabel="Chargement des chiffres clés…">
        {(s) => {
          const programmes = PROGRAMMES.flatMap((k) => (s.programmes[k] ? [s.programmes[k]] : []));
          return (
            <>
              <div className="fr-grid-row fr-grid-row--gutters fr-mb-1w">
                <Figure value={formatInteger(s.territoires)} label="territoires d’industrie" />
                <Figure value={formatInteger(s.groupements)} label="intercommunalités membres" />
                <Figure value={formatInteger(s.regions)} label="régions" />
                <Figure value={formatInteger(s.departements)} label="départements" />
                <Figure value={formatInteger(s.communes)} label="communes" />
                <Figure value={formatMillions(s.population)} label="habitants" />
              </div>
              {programmes.length > 0 && (
                <DataTable
                  small
                  caption="Part des communes des autres programmes de l’ANCT situées dans un territoire d’industrie"
                  rows={programmes}
                  rowKey={(p) => p.libelle}
                  columns={[
                    { key: 'libelle', label: 'Programme', rowHeader: true },
                    {
                      key: 'communes',
                      label: 'Communes du programme',
                      numeric: true,
                      render: (p) => formatInteger(p.communes),
                    },
                    {
                      key: 'communesEnTi',
                      label: 'dont dans un territoire d’industrie',
                      numeric: true,
                      render: (p) => formatInteger(p.communesEnTi),
                    },
                    { key: 'part', label: 'Part', numeric: true, render: (p) => formatPercent(p.part) },
                    {
                      key: 'publie',
                      label: 'Part publiée',
                      numeric: true,
                      render: (p) => (p.publie == null ? '—' : formatPercent(p.publie)),
                    },
                  ]}
                />
              )}
              <DataTable
                small
                caption="Du Temps I au Temps II : les 183 territoires selon leur périmètre du Temps I"
                rows={TEMPS_I_ORDER.map((k) => ({ code: k, ...s.tempsI[k], publie: TEMPS1_PUBLISHED[k] }))}
                rowKey={(r) => r.code}
                columns={[
                  { key: 'libelle', label: 'Territoires', rowHeader: true },
                  { key: 'nombre', label: 'Calculé', numeric: true, render: (r) => formatInteger(r.nombre) },
                  { key: 'publie', label: 'Publié', numeric: true, render: (r) => formatInteger(r.publie) },
                ]}
              />
              <p className="fr-text--xs">{TEMPS1_RULE}</p>
              <SourceNote sources={[...s.sources, ...programmes.map((p) => p.source)]} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
