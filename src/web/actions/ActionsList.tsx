import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  AXES,
  STATUTS,
  STATUTS_REPORTED,
  THEMATIQUES,
  thematiqueLabel,
} from '../../domain/actions/vocabulary';
import { apiQuery } from '../platform/api';
import { DemoNotice } from '../platform/DemoBadge';
import { elementTiming } from '../platform/elementTiming';
import { formatDate } from '../platform/format';
import { ErrorAlert, Loading } from '../platform/QueryState';
import { formatEuros } from './format';
import { actionFilters, actionListUrl, type FILTER_KEYS, PAGE_SIZE, pageOf } from './listPath';
import { ScrollTable } from './ScrollTable';
import { canWrite, send, useMe } from './session';
import type { ActionItem, ActionList } from './types';
import './actions.css';

// The action list shared by the territory plan, the regional and the national pages: filters,
// French full-text search, sort, column choice, server-side paging (the browser only ever receives
// one page), exports of the filtered list, and bulk status change for those who may edit.

type ColumnKey =
  | 'territoire'
  | 'region'
  | 'axe'
  | 'thematiques'
  | 'statut'
  | 'porteur'
  | 'budgetPrevisionnel'
  | 'financementsObtenus'
  | 'dateDebut'
  | 'dateFin'
  | 'modifieLe';

const COLUMNS: {
  key: ColumnKey;
  label: string;
  sort?: string;
  numeric?: boolean;
  render: (a: ActionItem) => React.ReactNode;
}[] = [
  { key: 'territoire', label: 'Territoire', sort: 'territoire', render: (a) => a.territoire.nom },
  { key: 'region', label: 'Région', sort: 'region', render: (a) => a.region.nom },
  { key: 'axe', label: 'Axe', sort: 'axe', render: (a) => a.axeLibelle },
  {
    key: 'thematiques',
    label: 'Thématiques',
    render: (a) => a.thematiques.map(thematiqueLabel).join(', ') || '—',
  },
  { key: 'statut', label: 'Statut', sort: 'statut', render: (a) => a.statutLibelle },
  { key: 'porteur', label: 'Porteur', sort: 'porteur', render: (a) => a.porteur ?? '—' },
  {
    key: 'budgetPrevisionnel',
    label: 'Budget prévisionnel',
    sort: 'budgetPrevisionnel',
    numeric: true,
    render: (a) => formatEuros(a.budgetPrevisionnel),
  },
  {
    key: 'financementsObtenus',
    label: 'Financements obtenus',
    sort: 'financementsObtenus',
    numeric: true,
    render: (a) => formatEuros(a.financementsObtenus),
  },
  { key: 'dateDebut', label: 'Début', sort: 'dateDebut', render: (a) => formatDate(a.dateDebut) },
  { key: 'dateFin', label: 'Fin', sort: 'dateFin', render: (a) => formatDate(a.dateFin) },
  { key: 'modifieLe', label: 'Modifiée le', sort: 'modifieLe', render: (a) => formatDate(a.modifieLe) },
];

const DEFAULT_COLUMNS: ColumnKey[] = [
  'territoire',
  'axe',
  'thematiques',
  'statut',
  'porteur',
  'budgetPrevisionnel',
];
const STORAGE_KEY = 'pilote.actions.colonnes';

function loadColumns(scope: 'ti' | 'other'): ColumnKey[] {
  try {
    const saved = JSON.parse(localStorage.getItem(`${STORAGE_KEY}.${scope}`) ?? 'null');
    if (Array.isArray(saved)) return saved.filter((k) => COLUMNS.some((c) => c.key === k));
  } catch {
    /* default below */
  }
  return scope === 'ti' ? DEFAULT_COLUMNS.filter((k) => k !== 'territoire') : DEFAULT_COLUMNS;
}

export type ActionsListProps = {
  /** A territory's plan: the list is limited to it. */
  ti?: string;
  /** A region's actions. */
  region?: string;
  /** Regions offered in the filter (national list). */
  regions?: { code: string; nom: string }[];
  caption: string;
};

/**
 * A select filter kept in the address as `name`: `all` is the label of the empty choice (no filter);
 * a filter without it shows `fallback` when absent, and choosing `fallback` removes the parameter.
 */
type SelectFilter = {
  name: (typeof FILTER_KEYS)[number];
  label: string;
  all?: string;
  fallback?: string;
  options: readonly { code: string; label: string }[];
};

const SELECT_FILTERS: SelectFilter[] = [
  { name: 'axe', label: 'Axe', all: 'Tous les axes', options: AXES },
  { name: 'thematique', label: 'Thématique', all: 'Toutes les thématiques', options: THEMATIQUES },
  { name: 'statut', label: 'Statut', all: 'Tous les statuts', options: STATUTS_REPORTED },
  {
    name: 'archivee',
    label: 'Actions archivées',
    fallback: 'non',
    options: [
      { code: 'non', label: 'Masquées' },
      { code: 'oui', label: 'Seulement les archivées' },
      { code: 'tous', label: 'Affichées avec les autres' },
    ],
  },
];

const regionFilter = (regions: { code: string; nom: string }[]): SelectFilter => ({
  name: 'region',
  label: 'Région',
  all: 'Toutes les régions',
  options: regions.map((r) => ({ code: r.code, label: r.nom })),
});

/** The exports of the filtered list (all pages). */
const EXPORTS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
] as const;

export function ActionsList({ ti, region, regions, caption }: ActionsListProps) {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const page = pageOf(params);
  const sort = params.get('tri') ?? undefined;
  const [columns, setColumns] = useState<ColumnKey[]>(() => loadColumns(ti ? 'ti' : 'other'));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkStatut, setBulkStatut] = useState('');
  const [bulkMessage, setBulkMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const ids = { cols: useId(), bulk: useId() };

  const filters = actionFilters(params, { ti, region });
  const path = actionListUrl(params, { ti, region });
  const list = useQuery({
    queryKey: [path],
    queryFn: apiQuery<ActionList>(path),
    placeholderData: keepPreviousData,
  });
  const writable = canWrite(me.data, ti);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: false });
    setSelected(new Set());
  };

  const toggleColumn = (key: ColumnKey) => {
    const next = columns.includes(key)
      ? columns.filter((k) => k !== key)
      : COLUMNS.map((c) => c.key).filter((k) => k === key || columns.includes(k));
    setColumns(next);
    localStorage.setItem(`${STORAGE_KEY}.${ti ? 'ti' : 'other'}`, JSON.stringify(next));
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim() || null });
  };

  const applyBulk = async () => {
    setBulkMessage(null);
    try {
      const result = await send<{ modifiees: number }>('POST', '/api/v1/actions/lot', {
        ids: [...selected],
        statut: bulkStatut === 'non-renseigne' ? null : bulkStatut,
      });
      setBulkMessage({ ok: true, text: `${result.modifiees} action(s) modifiée(s).` });
      setSelected(new Set());
      await queryClient.invalidateQueries();
    } catch (error) {
      setBulkMessage({ ok: false, text: (error as Error).message });
    }
  };

  // The region filter only where the list spans several regions (national list).
  const selects = [...(regions && !region ? [regionFilter(regions)] : []), ...SELECT_FILTERS];
  const shown = COLUMNS.filter((c) => columns.includes(c.key) && !(ti && c.key === 'territoire'));
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const sortKey = sort?.replace(/^-/, '');
  const descending = sort?.startsWith('-') ?? false;

  return (
    <div>
      {data?.items.some((a) => a.demo) && (
        <DemoNotice detail="Ces actions sont générées pour la démonstration, calibrées sur les chiffres publiés du programme (bilan de novembre 2024) : elles ne décrivent pas les plans d'action réels." />
      )}
      <form
        onSubmit={onSearch}
        className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom"
        aria-label="Filtrer les actions"
      >
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Rechercher (intitulé, description, porteur…)"
            nativeInputProps={{
              type: 'search',
              value: search,
              onChange: (e) => setSearch(e.target.value),
              name: 'q',
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-2 fr-mb-3w">
          <Button type="submit" iconId="fr-icon-search-line">
            Rechercher
          </Button>
        </div>
        {selects.map((f) => (
          <div key={f.name} className="fr-col-12 fr-col-md-3">
            <Select
              label={f.label}
              nativeSelectProps={{
                value: params.get(f.name) ?? f.fallback ?? '',
                onChange: (e) => update({ [f.name]: e.target.value === f.fallback ? null : e.target.value }),
              }}
            >
              {f.all !== undefined && <option value="">{f.all}</option>}
              <CodeOptions options={f.options} />
            </Select>
          </div>
        ))}
      </form>

      <details className="fr-mb-2w">
        <summary>Choisir les colonnes</summary>
        <Checkbox
          id={ids.cols}
          legend="Colonnes affichées"
          orientation="horizontal"
          small
          options={COLUMNS.filter((c) => !(ti && c.key === 'territoire')).map((c) => ({
            label: c.label,
            nativeInputProps: { checked: columns.includes(c.key), onChange: () => toggleColumn(c.key) },
          }))}
        />
      </details>

      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        {EXPORTS.map((x) => (
          <li key={x.format}>
            <a
              className="fr-btn fr-btn--secondary fr-icon-download-line"
              href={`/api/v1/actions/export.${x.format}?${filters}`}
              download
            >
              Exporter en {x.label}
            </a>
          </li>
        ))}
        {writable && (
          <li>
            <Link
              className="fr-btn fr-btn--tertiary fr-icon-upload-line"
              to={`/actions/import${ti ? `?ti=${ti}` : ''}`}
            >
              Importer un fichier
            </Link>
          </li>
        )}
      </ul>

      {list.isError && <ErrorAlert error={list.error} />}
      {list.isPending && <Loading label="Chargement des actions…" />}
      {data && (
        <>
          <p className="fr-mb-1w" role="status" {...elementTiming('liste-actions')}>
            {data.total === 0
              ? 'Aucune action ne correspond.'
              : `${data.total.toLocaleString('fr-FR')} action${data.total > 1 ? 's' : ''} — page ${data.page} sur ${pages}`}
          </p>
          <ScrollTable>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {writable && (
                  <th scope="col">
                    <span className="fr-sr-only">Sélection</span>
                  </th>
                )}
                <SortHeader
                  label="Intitulé"
                  sortKey="intitule"
                  current={sortKey}
                  descending={descending}
                  onSort={(s) => update({ tri: s })}
                />
                {shown.map((c) =>
                  c.sort ? (
                    <SortHeader
                      key={c.key}
                      label={c.label}
                      sortKey={c.sort}
                      current={sortKey}
                      descending={descending}
                      onSort={(s) => update({ tri: s })}
                      numeric={c.numeric}
                    />
                  ) : (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id}>
                  {writable && (
                    <td>
                      <div className="fr-checkbox-group fr-checkbox-group--sm">
                        <input
                          type="checkbox"
                          id={`sel-${a.id}`}
                          checked={selected.has(a.id)}
                          onChange={() => {
                            const next = new Set(selected);
                            if (next.has(a.id)) next.delete(a.id);
                            else next.add(a.id);
                            setSelected(next);
                          }}
                        />
                        <label className="fr-label" htmlFor={`sel-${a.id}`}>
                          <span className="fr-sr-only">Sélectionner « {a.intitule} »</span>
                        </label>
                      </div>
                    </td>
                  )}
                  <th scope="row">
                    <Link to={`/actions/${a.id}`}>{a.intitule}</Link>
                    {a.archivee && <span className="fr-badge fr-badge--sm fr-ml-1w">Archivée</span>}
                  </th>
                  {shown.map((c) => (
                    <td key={c.key} className={c.numeric ? 'pilote-num' : undefined}>
                      {c.render(a)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {pages > 1 && (
            <Pagination
              count={pages}
              defaultPage={page}
              showFirstLast
              getPageLinkProps={(n) => {
                const next = new URLSearchParams(params);
                next.set('page', String(n));
                return { to: `?${next}` };
              }}
            />
          )}
          {writable && (
            <fieldset className="fr-fieldset fr-mt-3w" aria-labelledby={ids.bulk}>
              <legend className="fr-fieldset__legend" id={ids.bulk}>
                Modifier le statut des actions sélectionnées ({selected.size})
              </legend>
              <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
                <Select
                  label="Nouveau statut"
                  nativeSelectProps={{ value: bulkStatut, onChange: (e) => setBulkStatut(e.target.value) }}
                >
                  <option value="">Choisir un statut</option>
                  <CodeOptions options={[...STATUTS, { code: 'non-renseigne', label: 'Non renseigné' }]} />
                </Select>
              </div>
              <div className="fr-fieldset__element">
                <Button onClick={applyBulk} disabled={selected.size === 0 || bulkStatut === ''}>
                  Appliquer aux {selected.size} action(s) sélectionnée(s)
                </Button>
              </div>
              {bulkMessage && (
                <p className={bulkMessage.ok ? 'fr-valid-text' : 'fr-error-text'} role="status">
                  {bulkMessage.text}
                </p>
              )}
            </fieldset>
          )}
        </>
      )}
    </div>
  );
}

/** The choices of a select, from a vocabulary list (`code`, `label`). */
function CodeOptions({ options }: { options: readonly { code: string; label: string }[] }) {
  return options.map((o) => (
    <option key={o.code} value={o.code}>
      {o.label}
    </option>
  ));
}

function SortHeader({
  label,
  sortKey,
  current,
  descending,
  onSort,
  numeric,
}: {
  label: string;
  sortKey: string;
  current?: string;
  descending: boolean;
  onSort: (sort: string) => void;
  numeric?: boolean;
}) {
  const active = current === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
      className={numeric ? 'pilote-num' : undefined}
    >
      <button
        type="button"
        className="pilote-sort"
        onClick={() => onSort(active && !descending ? `-${sortKey}` : sortKey)}
      >
        {label}
        <span aria-hidden="true">{active ? (descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        <span className="fr-sr-only">
          {active ? (descending ? ' (tri décroissant)' : ' (tri croissant)') : ' (trier)'}
        </span>
      </button>
    </th>
  );
}
