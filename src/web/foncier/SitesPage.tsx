/**
 * Land page: the sites clés en main France 2030 with filters kept in the address, their key figures
 * (surface, maturity, land recycling, workshops), a clustered map and the same list as a table, the
 * figures per region (or per territory inside a region) and exports.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { BarChart, Figure, Figures } from '../financements/Figures';
import { type Filter, FilterBar } from '../financements/FilterBar';
import { ImportPanel } from '../financements/ImportPanel';
import type { PointLayer } from '../financements/PointsMap';
import type { Region } from '../financements/types';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge, DemoNotice } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { Loading, QueryState } from '../platform/QueryState';
import { SourceNote } from '../platform/SourceNote';
import { usePageTitle } from '../platform/usePageTitle';

const PointsMap = lazy(() => import('../financements/PointsMap'));

const MATURITES = [
  { code: 'pret', label: 'Prêt à accueillir des industriels', colour: '#18753c' },
  { code: 'court-terme', label: 'Disponible à court terme', colour: '#b34000' },
  { code: 'avant-2030', label: 'Prêt avant 2030', colour: '#6a6af4' },
];
const colourExpression = [
  'match',
  ['get', 'maturite'],
  ...MATURITES.flatMap((m) => [m.code, m.colour]),
  '#000091',
];
const ha = (n: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n)} ha`;
const SITE_SOURCE = {
  libelle:
    'Sites clés en main France 2030 importés dans Pilote TI ; position approchée au point de l’intercommunalité de la commune',
  producteur: 'DGE, Banque des Territoires ; centroïdes EPCI/EPT : ANCT',
  date: '2024',
  licence: 'Licence Ouverte / Etalab 2.0',
};

type Site = {
  id: string;
  nom: string;
  commune: { insee: string; nom: string };
  region: Region;
  territoire: { id: string; nom: string } | null;
  surfaceHa: number;
  maturite: { code: string; libelle: string };
  recyclageFoncier: boolean;
  atelier: { code: string; libelle: string };
  feuilleDeRoute: boolean;
  demo: boolean;
};
type SiteList = { total: number; surfaceHa: number; demo: boolean; items: Site[] };
type Row = {
  code: string;
  nom: string;
  sites: number;
  surfaceHa: number;
  recyclageFoncier: number;
  besoins: number;
  besoinsSurfaceHa: number;
};
type Stats = {
  perimetre: { niveau: string; code: string; nom: string };
  sites: {
    sites: number;
    territoires: number;
    surfaceHa: number;
    surfaceMoyenneHa: number;
    surfaceMedianeHa: number;
    maturites: { code: string; label: string; short: string; count: number }[];
    recyclageFoncier: { sites: number; surfaceHa: number };
    ateliers: { tenus: number; concernes: number; pct: number };
    feuillesDeRoute: number;
  };
  besoins: { besoins: number; territoires: number; surfaceHa: number };
  parRegion: Row[];
  parTerritoire: Row[];
  demo: boolean;
};
type MapProps = { nom: string; commune: string; surfaceHa: number; maturite: string };

export default function SitesPage() {
  usePageTitle('Foncier : sites clés en main');
  const [params, setParams] = useSearchParams();
  const filters = {
    maturite: params.get('maturite') ?? '',
    region: params.get('region') ?? '',
    territoire: params.get('territoire') ?? '',
    recyclage: params.get('recyclage') ?? '',
    q: params.get('q') ?? '',
  };
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
  const regions = useQuery({
    queryKey: ['/api/v1/regions'],
    queryFn: apiQuery<{ items: Region[] }>('/api/v1/regions'),
  });
  const listUrl = `/api/v1/sites-cles-en-main?${qs}${qs ? '&' : ''}limit=500`;
  const list = useQuery({
    queryKey: [listUrl],
    queryFn: apiQuery<SiteList>(listUrl),
    placeholderData: keepPreviousData,
  });
  const mapUrl = `/api/v1/sites-cles-en-main/carte?${qs}`;
  const layer = useQuery({
    queryKey: [mapUrl],
    queryFn: apiQuery<PointLayer<MapProps>>(mapUrl),
    placeholderData: keepPreviousData,
  });
  const statsUrl = `/api/v1/foncier/stats${filters.territoire ? `?territoire=${filters.territoire}` : filters.region ? `?region=${filters.region}` : ''}`;
  const stats = useQuery({ queryKey: [statsUrl], queryFn: apiQuery<Stats>(statsUrl) });

  const fields: Filter[] = [
    {
      name: 'maturite',
      label: 'Maturité',
      options: MATURITES.map((m) => ({ value: m.code, label: m.label })),
    },
    {
      name: 'region',
      label: 'Région',
      options: (regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.nom })),
    },
    {
      name: 'recyclage',
      label: 'Recyclage foncier',
      options: [
        { value: 'true', label: 'En recyclage foncier' },
        { value: 'false', label: 'Hors recyclage foncier' },
      ],
    },
    { name: 'q', label: 'Nom du site ou commune', search: true },
  ];

  return (
    <>
      <h1>Foncier : les sites clés en main France 2030</h1>
      <p className="fr-text--lead">
        Les sites industriels labellisés « clés en main » : surface, maturité, recyclage foncier, atelier
        d’accompagnement et feuille de route, rattachés à leur commune et à leur territoire d’industrie.
      </p>
      {(list.data?.demo || stats.data?.demo) && <DemoNotice />}
      <FilterBar
        legend="Filtrer les sites"
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
                <Figure value={formatInteger(s.sites.sites)} label="sites clés en main" />
                <Figure value={ha(s.sites.surfaceHa)} label="de surface labellisée" />
                <Figure value={ha(s.sites.surfaceMoyenneHa)} label="de surface moyenne" />
                <Figure value={ha(s.sites.surfaceMedianeHa)} label="de surface médiane" />
                <Figure
                  value={formatInteger(s.sites.recyclageFoncier.sites)}
                  label={`sites en recyclage foncier (${ha(s.sites.recyclageFoncier.surfaceHa)})`}
                />
                <Figure
                  value={`${s.sites.ateliers.pct} %`}
                  label="des ateliers d’accompagnement ont eu lieu"
                />
                <Figure value={formatInteger(s.sites.feuillesDeRoute)} label="feuilles de route restituées" />
                <Figure
                  value={formatInteger(s.besoins.besoins)}
                  label={`besoins fonciers inscrits dans les plans (${ha(s.besoins.surfaceHa)})`}
                />
              </Figures>
              <BarChart
                title="Sites par niveau de maturité"
                valueLabel="Sites"
                bars={s.sites.maturites.map((m) => ({ code: m.code, label: m.label, value: m.count }))}
              />
            </>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="carte" className="fr-mb-4w">
        <h2 id="carte" className="fr-h4">
          Carte des sites
        </h2>
        <Suspense fallback={<Loading label="Chargement de la carte…" />}>
          <PointsMap
            testId="carte-sites"
            layer={layer.data}
            colour={colourExpression}
            description="Carte des sites clés en main, regroupés quand ils sont proches ; le tableau qui suit donne la même liste."
            tooltip={(props) => {
              const p = props as unknown as MapProps;
              return [p.nom, `${p.commune} — ${ha(p.surfaceHa)}`];
            }}
          />
        </Suspense>
        <ul className="pilote-legend fr-mt-1w" aria-label="Légende de la carte">
          {MATURITES.map((m) => (
            <li key={m.code}>
              <span className="pilote-legend__swatch" style={{ background: m.colour, borderRadius: '50%' }} />
              {m.label}
            </li>
          ))}
        </ul>
        <SourceNote sources={[SITE_SOURCE]} className="fr-mt-1w" />
      </section>

      <section aria-labelledby="liste" className="fr-mb-4w">
        <h2 id="liste" className="fr-h4">
          Liste des sites
        </h2>
        <QueryState query={list} loadingLabel="Chargement des sites…">
          {(l) => (
            <>
              <p className="fr-text--sm" role="status">
                {formatInteger(l.total)} sites — {ha(l.surfaceHa)}.
              </p>
              <DataTable
                small
                caption="Sites clés en main (la carte ci-dessus montre les mêmes)"
                rows={l.items}
                rowKey={(x) => x.id}
                empty="Aucun site ne correspond à ces filtres."
                columns={[
                  {
                    key: 'nom',
                    label: 'Site',
                    rowHeader: true,
                    render: (x) => (
                      <>
                        {x.nom} {x.demo && <DemoBadge />}
                      </>
                    ),
                  },
                  { key: 'commune', label: 'Commune', render: (x) => x.commune.nom },
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
                  { key: 'surface', label: 'Surface', numeric: true, render: (x) => ha(x.surfaceHa) },
                  { key: 'maturite', label: 'Maturité', render: (x) => x.maturite.libelle },
                  {
                    key: 'recyclage',
                    label: 'Recyclage foncier',
                    render: (x) => (x.recyclageFoncier ? 'Oui' : 'Non'),
                  },
                  { key: 'atelier', label: 'Atelier', render: (x) => x.atelier.libelle },
                  {
                    key: 'fdr',
                    label: 'Feuille de route',
                    render: (x) => (x.feuilleDeRoute ? 'Restituée' : 'Non'),
                  },
                ]}
              />
              <div className="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
                <Button
                  priority="secondary"
                  linkProps={{ href: `/api/v1/sites-cles-en-main/export?${qs}`, download: true }}
                >
                  Exporter en CSV
                </Button>
                <Button
                  priority="secondary"
                  linkProps={{
                    href: `/api/v1/sites-cles-en-main/export?${qs}${qs ? '&' : ''}format=xlsx`,
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
          const national = s.perimetre.niveau === 'national';
          return (
            <section aria-labelledby="repartition" className="fr-mb-4w">
              <h2 id="repartition" className="fr-h4">
                {national ? 'Par région' : `Par territoire d’industrie — ${s.perimetre.nom}`}
              </h2>
              <DataTable
                small
                caption={
                  national
                    ? 'Sites et besoins fonciers par région'
                    : 'Sites et besoins fonciers par territoire d’industrie'
                }
                rows={national ? s.parRegion : s.parTerritoire}
                rowKey={(r) => r.code}
                columns={[
                  {
                    key: 'nom',
                    label: national ? 'Région' : 'Territoire',
                    rowHeader: true,
                    render: (r) => (national ? r.nom : <Link to={`/territoires/${r.code}`}>{r.nom}</Link>),
                  },
                  { key: 'sites', label: 'Sites', numeric: true, render: (r) => formatInteger(r.sites) },
                  {
                    key: 'surface',
                    label: 'Surface des sites',
                    numeric: true,
                    render: (r) => ha(r.surfaceHa),
                  },
                  {
                    key: 'recyclage',
                    label: 'En recyclage foncier',
                    numeric: true,
                    render: (r) => formatInteger(r.recyclageFoncier),
                  },
                  {
                    key: 'besoins',
                    label: 'Besoins fonciers',
                    numeric: true,
                    render: (r) => formatInteger(r.besoins),
                  },
                  {
                    key: 'besoinsHa',
                    label: 'Surface recherchée',
                    numeric: true,
                    render: (r) => ha(r.besoinsSurfaceHa),
                  },
                ]}
              />
            </section>
          );
        }}
      </QueryState>
      <ImportPanel endpoint="/api/v1/sites-cles-en-main/import" what="sites clés en main" />
    </>
  );
}
