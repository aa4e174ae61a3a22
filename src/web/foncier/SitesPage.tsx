/**
 * Land page: the sites clés en main France 2030 with filters kept in the address, their key figures
 * (surface, maturity, land recycling, workshops), a clustered map and the same list as a table, the
 * figures per region (or per territory inside a region) and exports.
 */
import { nameColumn, numeric, territoireColumn } from '../financements/columns';
import { BarChart, Figure, Figures } from '../financements/Figures';
import { options } from '../financements/FilterBar';
import { type PointsListConfig, PointsListPage } from '../financements/PointsListPage';
import type { Region } from '../financements/types';
import { formatInteger } from '../platform/format';
import { type FoncierStats, foncierStatsUrl, formatHectares as ha } from './FoncierSummary';

const MATURITES = [
  { code: 'pret', label: 'Prêt à accueillir des industriels', colour: '#18753c' },
  { code: 'court-terme', label: 'Disponible à court terme', colour: '#b34000' },
  { code: 'avant-2030', label: 'Prêt avant 2030', colour: '#6a6af4' },
];

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
/** The land figures the summaries read, with the surfaces' spread and the rows per region or territory. */
type Stats = FoncierStats & {
  sites: { territoires: number; surfaceMoyenneHa: number; surfaceMedianeHa: number };
  parRegion: Row[];
  parTerritoire: Row[];
};
type MapProps = { nom: string; commune: string; surfaceHa: number; maturite: string };

function KeyFigures({ s }: { s: Stats }) {
  return (
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
        <Figure value={`${s.sites.ateliers.pct} %`} label="des ateliers d’accompagnement ont eu lieu" />
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
  );
}

const SITES: PointsListConfig<Site, SiteList, MapProps, Row, Stats> = {
  pageTitle: 'Foncier : sites clés en main',
  title: 'Foncier : les sites clés en main France 2030',
  lead: (
    <>
      Les sites industriels labellisés « clés en main » : surface, maturité, recyclage foncier, atelier
      d’accompagnement et feuille de route, rattachés à leur commune et à leur territoire d’industrie.
    </>
  ),
  noun: 'sites',
  filterKeys: ['maturite', 'region', 'territoire', 'recyclage', 'q'],
  fields: (region) => [
    { name: 'maturite', label: 'Maturité', options: options(MATURITES) },
    region,
    {
      name: 'recyclage',
      label: 'Recyclage foncier',
      options: [
        { value: 'true', label: 'En recyclage foncier' },
        { value: 'false', label: 'Hors recyclage foncier' },
      ],
    },
    { name: 'q', label: 'Nom du site ou commune', search: true },
  ],
  endpoint: '/api/v1/sites-cles-en-main',
  importWhat: 'sites clés en main',
  // The figures cover one place: the territory when one is chosen, else the region, else France.
  statsUrl: ({ territoire, region }) => foncierStatsUrl({ territoire, region }),
  figures: (s) => <KeyFigures s={s} />,
  map: {
    testId: 'carte-sites',
    description:
      'Carte des sites clés en main, regroupés quand ils sont proches ; le tableau qui suit donne la même liste.',
    property: 'maturite',
    categories: MATURITES,
    tooltip: (p) => [p.nom, `${p.commune} — ${ha(p.surfaceHa)}`],
    source: {
      libelle:
        'Sites clés en main France 2030 importés dans Pilote TI ; position approchée au point de l’intercommunalité de la commune',
      producteur: 'DGE, Banque des Territoires ; centroïdes EPCI/EPT : ANCT',
      date: '2024',
      licence: 'Licence Ouverte / Etalab 2.0',
    },
  },
  list: {
    // The 55 labelled sites fit in one table: no paging.
    limit: 500,
    paged: false,
    summary: (l) => `${formatInteger(l.total)} sites — ${ha(l.surfaceHa)}.`,
    caption: 'Sites clés en main (la carte ci-dessus montre les mêmes)',
    empty: 'Aucun site ne correspond à ces filtres.',
    columns: [
      nameColumn('nom', 'Site', (x) => x.nom),
      { key: 'commune', label: 'Commune', render: (x) => x.commune.nom },
      territoireColumn(),
      numeric('surface', 'Surface', (x) => ha(x.surfaceHa)),
      { key: 'maturite', label: 'Maturité', render: (x) => x.maturite.libelle },
      { key: 'recyclage', label: 'Recyclage foncier', render: (x) => (x.recyclageFoncier ? 'Oui' : 'Non') },
      { key: 'atelier', label: 'Atelier', render: (x) => x.atelier.libelle },
      { key: 'fdr', label: 'Feuille de route', render: (x) => (x.feuilleDeRoute ? 'Restituée' : 'Non') },
    ],
  },
  breakdown: {
    caption: 'Sites et besoins fonciers',
    columns: [
      numeric('sites', 'Sites', (r) => formatInteger(r.sites)),
      numeric('surface', 'Surface des sites', (r) => ha(r.surfaceHa)),
      numeric('recyclage', 'En recyclage foncier', (r) => formatInteger(r.recyclageFoncier)),
      numeric('besoins', 'Besoins fonciers', (r) => formatInteger(r.besoins)),
      numeric('besoinsHa', 'Surface recherchée', (r) => ha(r.besoinsSurfaceHa)),
    ],
  },
};

export default function SitesPage() {
  return <PointsListPage config={SITES} />;
}
