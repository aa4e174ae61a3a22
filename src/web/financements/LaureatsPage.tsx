/**
 * Funding page: the laureates of the programme's schemes (Fonds vert, Rebond industriel, engineering)
 * with filters kept in the address, their key figures, a clustered map and the same list as a table,
 * the figures per region (or per territory inside a region) and exports.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge, DemoNotice } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { Loading, QueryState } from '../platform/QueryState';
import { SourceNote } from '../platform/SourceNote';
import { usePageTitle } from '../platform/usePageTitle';
import { BarChart, Figure, Figures, formatEuros } from './Figures';
import { type Filter, FilterBar } from './FilterBar';
import { ImportPanel } from './ImportPanel';
import type { PointLayer } from './PointsMap';
import type { FinancementsStats, LaureatList, Region } from './types';

const PointsMap = lazy(() => import('./PointsMap'));

const DISPOSITIFS = [
  { code: 'fonds-vert', label: 'Fonds vert — TI en transition écologique' },
  { code: 'rebond-industriel', label: 'Rebond industriel' },
  { code: 'ingenierie-anct', label: 'Ingénierie ANCT' },
  { code: 'ingenierie-rebond', label: 'Ingénierie Rebond' },
];
const FILIERES = [
  { code: 'economie-circulaire', label: 'Économie circulaire' },
  { code: 'relocalisation-biens', label: 'Relocalisation de biens de consommation' },
  { code: 'bioeconomie', label: 'Bioéconomie' },
  { code: 'autre', label: 'Autres chaînes de valeur' },
];
const COLOURS: Record<string, string> = {
  'fonds-vert': '#18753c',
  'rebond-industriel': '#b34000',
  'ingenierie-anct': '#6a6af4',
  'ingenierie-rebond': '#a558a0',
};
const colourExpression = ['match', ['get', 'dispositif'], ...Object.entries(COLOURS).flat(), '#000091'];
const PAGE = 50;
const POSITION_SOURCE = {
  libelle:
    'Lauréats importés dans Pilote TI ; position approchée au point de l’intercommunalité de la commune',
  producteur: 'ADEME, Banque des Territoires, ANCT ; centroïdes EPCI/EPT : ANCT',
  date: '2024',
  licence: 'Licence Ouverte / Etalab 2.0',
};

type MapProps = {
  id: string;
  beneficiaire: string;
  dispositif: string;
  commune: string;
  subventionEuros: number;
};

export default function LaureatsPage() {
  usePageTitle('Financements : lauréats');
  const [params, setParams] = useSearchParams();
  const filters = {
    dispositif: params.get('dispositif') ?? '',
    region: params.get('region') ?? '',
    territoire: params.get('territoire') ?? '',
    filiere: params.get('filiere') ?? '',
    q: params.get('q') ?? '',
  };
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const qs = query.toString();
  const scope = new URLSearchParams(
    Object.entries({
      dispositif: filters.dispositif,
      region: filters.region,
      territoire: filters.territoire,
    }).filter(([, v]) => v !== ''),
  ).toString();

  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<{ items: Region[] }>('/api/v1/regions'),
  });
  const listUrl = `/api/v1/laureats?${qs}${qs ? '&' : ''}limit=${PAGE}&offset=${(page - 1) * PAGE}`;
  const list = useQuery({
    queryKey: [listUrl],
    queryFn: apiQuery<LaureatList>(listUrl),
    placeholderData: keepPreviousData,
  });
  const mapUrl = `/api/v1/laureats/carte?${qs}`;
  const layer = useQuery({
    queryKey: [mapUrl],
    queryFn: apiQuery<PointLayer<MapProps>>(mapUrl),
    placeholderData: keepPreviousData,
  });
  const statsUrl = `/api/v1/financements/stats?${scope}`;
  const stats = useQuery({ queryKey: [statsUrl], queryFn: apiQuery<FinancementsStats>(statsUrl) });

  const fields: Filter[] = [
    {
      name: 'dispositif',
      label: 'Dispositif',
      options: DISPOSITIFS.map((d) => ({ value: d.code, label: d.label })),
    },
    {
      name: 'region',
      label: 'Région',
      options: (regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.nom })),
    },
    {
      name: 'filiere',
      label: 'Filière (Fonds vert)',
      options: FILIERES.map((f) => ({ value: f.code, label: f.label })),
    },
    { name: 'q', label: 'Bénéficiaire, projet ou commune', search: true },
  ];

  return (
    <>
      <h1>Financements : les lauréats</h1>
      <p className="fr-text--lead">
        Les projets soutenus par les dispositifs du programme : le Fonds vert « Territoires d’industrie en
        transition écologique », Rebond industriel (France 2030) et les missions d’ingénierie, rattachés à
        leur commune, leur territoire d’industrie et leur région.
      </p>
      {(list.data?.demo || stats.data?.demo) && <DemoNotice />}
      <FilterBar
        legend="Filtrer les lauréats"
        fields={fields}
        values={filters}
        onChange={(next) => setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v !== '')))}
      />

      <section aria-labelledby="chiffres" className="fr-mb-4w">
        <h2 id="chiffres" className="fr-h4">
          Chiffres clés {stats.data ? `— ${stats.data.perimetre.nom}` : ''}
        </h2>
        <QueryState query={stats} loadingLabel="Calcul des chiffres…">
          {(s) => (
            <>
              <Figures>
                <Figure value={formatInteger(s.ensemble.laureats)} label="lauréats" />
                <Figure value={formatEuros(s.ensemble.subventionsEuros)} label="de subventions" />
                <Figure value={formatEuros(s.ensemble.investissementsEuros)} label="d’investissements" />
                <Figure value={formatInteger(s.ensemble.emploisPrevus)} label="emplois prévus" />
                <Figure value={formatInteger(s.ensemble.territoires)} label="territoires d’industrie" />
                <Figure value={formatInteger(s.ensemble.departements)} label="départements" />
                {(!filters.dispositif || filters.dispositif === 'fonds-vert') && (
                  <>
                    <Figure
                      value={`${s.parDispositif.find((d) => d.code === 'fonds-vert')?.attenuationClimat.pct ?? 0} %`}
                      label="des projets Fonds vert contribuent à l’atténuation du changement climatique"
                    />
                    <Figure
                      value={`${s.parDispositif.find((d) => d.code === 'fonds-vert')?.economieCirculaire.pct ?? 0} %`}
                      label="des projets Fonds vert contribuent à l’économie circulaire"
                    />
                  </>
                )}
              </Figures>
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-12 fr-col-lg-6">
                  <BarChart
                    title="Subventions par dispositif"
                    valueLabel="Subventions"
                    format={formatEuros}
                    bars={s.parDispositif.map((d) => ({
                      code: d.code,
                      label: d.court,
                      value: d.subventionsEuros,
                      note: `${formatInteger(d.laureats)} lauréats`,
                    }))}
                  />
                </div>
                <div className="fr-col-12 fr-col-lg-6">
                  <BarChart
                    title="Lauréats du Fonds vert par filière"
                    valueLabel="Lauréats"
                    bars={(s.parDispositif.find((d) => d.code === 'fonds-vert')?.filieres ?? []).map((f) => ({
                      code: f.code,
                      label: f.short,
                      value: f.count,
                      note: `${f.pct} %`,
                    }))}
                  />
                </div>
              </div>
              {s.missionsRebond.missions > 0 && (
                <p className="fr-text--sm">
                  Rebond industriel : {formatInteger(s.missionsRebond.missions)} missions,{' '}
                  {formatEuros(s.missionsRebond.enveloppeEuros)} de subventions pour{' '}
                  {formatInteger(s.missionsRebond.entreprisesSoutenues)} entreprises soutenues,{' '}
                  {formatInteger(s.missionsRebond.entretiens)} entretiens menés.
                </p>
              )}
            </>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="carte" className="fr-mb-4w">
        <h2 id="carte" className="fr-h4">
          Carte des lauréats
        </h2>
        <Suspense fallback={<Loading label="Chargement de la carte…" />}>
          <PointsMap
            testId="carte-laureats"
            layer={layer.data}
            colour={colourExpression}
            description="Carte des lauréats, regroupés quand ils sont proches ; le tableau qui suit donne la même liste."
            tooltip={(props) => {
              const p = props as unknown as MapProps;
              return [p.beneficiaire, `${p.commune} — ${formatEuros(p.subventionEuros)}`];
            }}
          />
        </Suspense>
        <ul className="pilote-legend fr-mt-1w" aria-label="Légende de la carte">
          {DISPOSITIFS.map((d) => (
            <li key={d.code}>
              <span
                className="pilote-legend__swatch"
                style={{ background: COLOURS[d.code], borderRadius: '50%' }}
              />
              {d.label}
            </li>
          ))}
        </ul>
        {layer.data && layer.data.nonPlaces > 0 && (
          <p className="fr-text--sm">
            {formatInteger(layer.data.nonPlaces)} lauréat(s) sans commune connue ne figurent pas sur la carte.
          </p>
        )}
        <SourceNote sources={[POSITION_SOURCE]} className="fr-mt-1w" />
      </section>

      <section aria-labelledby="liste" className="fr-mb-4w">
        <h2 id="liste" className="fr-h4">
          Liste des lauréats
        </h2>
        <QueryState query={list} loadingLabel="Chargement des lauréats…">
          {(l) => (
            <>
              <p className="fr-text--sm" role="status">
                {formatInteger(l.total)} lauréats — {formatEuros(l.totaux.subventionsEuros)} de subventions,{' '}
                {formatEuros(l.totaux.investissementsEuros)} d’investissements.
              </p>
              <DataTable
                small
                caption="Lauréats (la carte ci-dessus montre les mêmes)"
                rows={l.items}
                rowKey={(x) => x.id}
                empty="Aucun lauréat ne correspond à ces filtres."
                columns={[
                  {
                    key: 'beneficiaire',
                    label: 'Bénéficiaire',
                    rowHeader: true,
                    render: (x) => (
                      <>
                        {x.beneficiaire} {x.demo && <DemoBadge />}
                      </>
                    ),
                  },
                  { key: 'projet', label: 'Projet' },
                  { key: 'dispositif', label: 'Dispositif', render: (x) => x.dispositif.libelle },
                  { key: 'commune', label: 'Commune', render: (x) => x.commune?.nom ?? '—' },
                  {
                    key: 'territoire',
                    label: 'Territoire d’industrie',
                    render: (x) =>
                      x.territoire ? (
                        <Link to={`/territoires/${x.territoire.id}`}>{x.territoire.nom}</Link>
                      ) : (
                        'Hors TI'
                      ),
                  },
                  {
                    key: 'subvention',
                    label: 'Subvention',
                    numeric: true,
                    render: (x) => formatEuros(x.subventionEuros),
                  },
                  {
                    key: 'investissement',
                    label: 'Investissement',
                    numeric: true,
                    render: (x) => formatEuros(x.investissementEuros),
                  },
                  {
                    key: 'emplois',
                    label: 'Emplois prévus',
                    numeric: true,
                    render: (x) => formatInteger(x.emploisPrevus),
                  },
                ]}
              />
              {l.total > PAGE && (
                <Pagination
                  count={Math.ceil(l.total / PAGE)}
                  defaultPage={page}
                  getPageLinkProps={(n) => {
                    const next = new URLSearchParams(query);
                    if (n > 1) next.set('page', String(n));
                    return { to: `?${next.toString()}` };
                  }}
                />
              )}
              <div className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
                <Button
                  priority="secondary"
                  linkProps={{ href: `/api/v1/laureats/export?${qs}`, download: true }}
                >
                  Exporter en CSV
                </Button>
                <Button
                  priority="secondary"
                  linkProps={{
                    href: `/api/v1/laureats/export?${qs}${qs ? '&' : ''}format=xlsx`,
                    download: true,
                  }}
                >
                  Exporter en Excel
                </Button>
              </div>
            </>
          )}
        </QueryState>
      </section>

      <QueryState query={stats}>
        {(s) => {
          if (s.perimetre.niveau === 'territoire') return null;
          const rows = s.perimetre.niveau === 'national' ? s.parRegion : s.parTerritoire;
          return (
            <section aria-labelledby="repartition" className="fr-mb-4w">
              <h2 id="repartition" className="fr-h4">
                {s.perimetre.niveau === 'national'
                  ? 'Par région'
                  : `Par territoire d’industrie — ${s.perimetre.nom}`}
              </h2>
              <DataTable
                small
                caption={
                  s.perimetre.niveau === 'national'
                    ? 'Lauréats par région'
                    : 'Lauréats par territoire d’industrie'
                }
                rows={rows}
                rowKey={(r) => r.code}
                columns={[
                  {
                    key: 'nom',
                    label: s.perimetre.niveau === 'national' ? 'Région' : 'Territoire',
                    rowHeader: true,
                    render: (r) =>
                      s.perimetre.niveau === 'national' ? (
                        r.nom
                      ) : (
                        <Link to={`/territoires/${r.code}`}>{r.nom}</Link>
                      ),
                  },
                  {
                    key: 'laureats',
                    label: 'Lauréats',
                    numeric: true,
                    render: (r) => formatInteger(r.laureats),
                  },
                  {
                    key: 'sub',
                    label: 'Subventions',
                    numeric: true,
                    render: (r) => formatEuros(r.subventionsEuros),
                  },
                  {
                    key: 'inv',
                    label: 'Investissements',
                    numeric: true,
                    render: (r) => formatEuros(r.investissementsEuros),
                  },
                  {
                    key: 'emp',
                    label: 'Emplois prévus',
                    numeric: true,
                    render: (r) => formatInteger(r.emploisPrevus),
                  },
                ]}
              />
            </section>
          );
        }}
      </QueryState>
      <ImportPanel endpoint="/api/v1/laureats/import" what="lauréats" />
    </>
  );
}
