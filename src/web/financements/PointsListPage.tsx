/**
 * The page shape the laureates and the sites clés en main share: filters kept in the address, the
 * key figures of the filtered scope, a clustered map of the points with the same list as a table
 * (paged or not) and its exports, the figures per region (or per territory inside a region) and the
 * national team's import. Each page gives only what differs, as one constant configuration.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { apiQuery } from '../platform/api';
import { type Column, DataTable } from '../platform/DataTable';
import { DemoNotice } from '../platform/DemoBadge';
import { QueryState } from '../platform/QueryState';
import { usePageTitle } from '../platform/usePageTitle';
import { joinParams, useUrlFilters } from '../platform/useUrlFilters';
import { type BreakdownConfig, BreakdownSection, type BreakdownStats } from './BreakdownSection';
import { type Filter, FilterBar } from './FilterBar';
import { ImportPanel } from './ImportPanel';
import type { PointLayer } from './PointsMap';
import { type PointsMapConfig, PointsMapSection } from './PointsMapSection';
import type { Region } from './types';

type Filters = Record<string, string>;

export type PointsListConfig<I, L, P, R, S> = {
  /** The browser tab's title. */
  pageTitle: string;
  title: string;
  lead: ReactNode;
  /** The plural noun of the rows, as in « Carte des … », « Liste des … », « Filtrer les … ». */
  noun: string;
  /** Address parameters that filter the page, in the order the API receives them. */
  filterKeys: readonly string[];
  /** The filter fields, given the field of regions (loaded from the référentiel). */
  fields: (region: Filter) => Filter[];
  /** The API of the rows: `<endpoint>` lists, `/carte` maps, `/export` exports, `/import` imports. */
  endpoint: string;
  /** What the import panel says it imports. */
  importWhat: string;
  /** The key figures' endpoint for these filters (the figures cover the scope, not the search). */
  statsUrl: (filters: Filters) => string;
  figures: (stats: S, filters: Filters) => ReactNode;
  map: PointsMapConfig<P>;
  list: {
    /** Rows asked at once; `paged` lists go on page by page (`?page=`), others show them all. */
    limit: number;
    paged: boolean;
    /** The status line above the table (count and totals). */
    summary: (list: L) => ReactNode;
    caption: string;
    empty: string;
    columns: Column<I>[];
  };
  breakdown: BreakdownConfig<R>;
};

export function PointsListPage<
  I extends { id: string },
  L extends { total: number; demo: boolean; items: I[] },
  P,
  R extends { code: string; nom: string },
  S extends BreakdownStats<R> & { demo: boolean },
>({ config: c }: { config: PointsListConfig<I, L, P, R, S> }) {
  usePageTitle(c.pageTitle);
  const { filters, query, qs, page: addressPage, setFilters } = useUrlFilters(c.filterKeys);
  const page = c.list.paged ? addressPage : 1;
  const paging = `limit=${c.list.limit}${c.list.paged ? `&offset=${(page - 1) * c.list.limit}` : ''}`;

  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<{ items: Region[] }>('/api/v1/regions'),
  });
  const listUrl = `${c.endpoint}?${joinParams(qs, paging)}`;
  const list = useQuery({
    queryKey: [listUrl],
    queryFn: apiQuery<L>(listUrl),
    placeholderData: keepPreviousData,
  });
  const mapUrl = `${c.endpoint}/carte?${qs}`;
  const layer = useQuery({
    queryKey: [mapUrl],
    queryFn: apiQuery<PointLayer<P>>(mapUrl),
    placeholderData: keepPreviousData,
  });
  const statsUrl = c.statsUrl(filters);
  const stats = useQuery({ queryKey: [statsUrl], queryFn: apiQuery<S>(statsUrl) });
  const region: Filter = {
    name: 'region',
    label: 'Région',
    options: (regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.nom })),
  };

  return (
    <>
      <h1>{c.title}</h1>
      <p className="fr-text--lead">{c.lead}</p>
      {(list.data?.demo || stats.data?.demo) && <DemoNotice />}
      <FilterBar
        legend={`Filtrer les ${c.noun}`}
        fields={c.fields(region)}
        values={filters}
        onChange={setFilters}
      />

      <section aria-labelledby="chiffres" className="fr-mb-4w">
        <h2 id="chiffres" className="fr-h4">
          Chiffres clés {stats.data ? `— ${stats.data.perimetre.nom}` : ''}
        </h2>
        <QueryState query={stats} loadingLabel="Calcul des chiffres…">
          {(s) => c.figures(s, filters)}
        </QueryState>
      </section>

      <PointsMapSection heading={`Carte des ${c.noun}`} layer={layer.data} map={c.map} />

      <section aria-labelledby="liste" className="fr-mb-4w">
        <h2 id="liste" className="fr-h4">
          Liste des {c.noun}
        </h2>
        <QueryState query={list} loadingLabel={`Chargement des ${c.noun}…`}>
          {(l) => (
            <>
              <p className="fr-text--sm" role="status">
                {c.list.summary(l)}
              </p>
              <DataTable
                small
                caption={c.list.caption}
                rows={l.items}
                rowKey={(x) => x.id}
                empty={c.list.empty}
                columns={c.list.columns}
              />
              {c.list.paged && l.total > c.list.limit && (
                <Pagination
                  count={Math.ceil(l.total / c.list.limit)}
                  defaultPage={page}
                  getPageLinkProps={(n) => {
                    const next = new URLSearchParams(query);
                    if (n > 1) next.set('page', String(n));
                    return { to: `?${next.toString()}` };
                  }}
                />
              )}
              <ExportButtons href={`${c.endpoint}/export`} qs={qs} />
            </>
          )}
        </QueryState>
      </section>

      <QueryState query={stats}>{(s) => <BreakdownSection stats={s} breakdown={c.breakdown} />}</QueryState>
      <ImportPanel endpoint={`${c.endpoint}/import`} what={c.importWhat} />
    </>
  );
}

/** The filtered list as a CSV or an Excel file. */
function ExportButtons({ href, qs }: { href: string; qs: string }) {
  return (
    <div className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
      <Button priority="secondary" linkProps={{ href: `${href}?${qs}`, download: true }}>
        Exporter en CSV
      </Button>
      <Button
        priority="secondary"
        linkProps={{ href: `${href}?${joinParams(qs, 'format=xlsx')}`, download: true }}
      >
        Exporter en Excel
      </Button>
    </div>
  );
}
