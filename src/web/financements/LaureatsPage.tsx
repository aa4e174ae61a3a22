/**
 * Funding page: the laureates of the programme's schemes (Fonds vert, Rebond industriel, engineering)
 * with filters kept in the address, their key figures, a clustered map and the same list as a table
 * (paged), the figures per region (or per territory inside a region) and exports.
 */
import { formatInteger } from '../platform/format';
import { filterParams } from '../platform/useUrlFilters';
import { nameColumn, numeric, territoireColumn } from './columns';
import { BarChart, Figure, Figures, formatEuros } from './Figures';
import { options } from './FilterBar';
import { type PointsListConfig, PointsListPage } from './PointsListPage';
import type { BreakdownRow, FinancementsStats, Laureat, LaureatList } from './types';

const DISPOSITIFS = [
  { code: 'fonds-vert', label: 'Fonds vert — TI en transition écologique', colour: '#18753c' },
  { code: 'rebond-industriel', label: 'Rebond industriel', colour: '#b34000' },
  { code: 'ingenierie-anct', label: 'Ingénierie ANCT', colour: '#6a6af4' },
  { code: 'ingenierie-rebond', label: 'Ingénierie Rebond', colour: '#a558a0' },
];
const FILIERES = [
  { code: 'economie-circulaire', label: 'Économie circulaire' },
  { code: 'relocalisation-biens', label: 'Relocalisation de biens de consommation' },
  { code: 'bioeconomie', label: 'Bioéconomie' },
  { code: 'autre', label: 'Autres chaînes de valeur' },
];

type MapProps = {
  id: string;
  beneficiaire: string;
  dispositif: string;
  commune: string;
  subventionEuros: number;
};

function KeyFigures({ s, dispositif }: { s: FinancementsStats; dispositif: string }) {
  const fondsVert = s.parDispositif.find((d) => d.code === 'fonds-vert');
  return (
    <>
      <Figures>
        <Figure value={formatInteger(s.ensemble.laureats)} label="lauréats" />
        <Figure value={formatEuros(s.ensemble.subventionsEuros)} label="de subventions" />
        <Figure value={formatEuros(s.ensemble.investissementsEuros)} label="d’investissements" />
        <Figure value={formatInteger(s.ensemble.emploisPrevus)} label="emplois prévus" />
        <Figure value={formatInteger(s.ensemble.territoires)} label="territoires d’industrie" />
        <Figure value={formatInteger(s.ensemble.departements)} label="départements" />
        {(!dispositif || dispositif === 'fonds-vert') && (
          <>
            <Figure
              value={`${fondsVert?.attenuationClimat.pct ?? 0} %`}
              label="des projets Fonds vert contribuent à l’atténuation du changement climatique"
            />
            <Figure
              value={`${fondsVert?.economieCirculaire.pct ?? 0} %`}
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
            bars={(fondsVert?.filieres ?? []).map((f) => ({
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
  );
}

const LAUREATS: PointsListConfig<Laureat, LaureatList, MapProps, BreakdownRow, FinancementsStats> = {
  pageTitle: 'Financements : lauréats',
  title: 'Financements : les lauréats',
  lead: (
    <>
      Les projets soutenus par les dispositifs du programme : le Fonds vert « Territoires d’industrie en
      transition écologique », Rebond industriel (France 2030) et les missions d’ingénierie, rattachés à leur
      commune, leur territoire d’industrie et leur région.
    </>
  ),
  noun: 'lauréats',
  filterKeys: ['dispositif', 'region', 'territoire', 'filiere', 'q'],
  fields: (region) => [
    { name: 'dispositif', label: 'Dispositif', options: options(DISPOSITIFS) },
    region,
    { name: 'filiere', label: 'Filière (Fonds vert)', options: options(FILIERES) },
    { name: 'q', label: 'Bénéficiaire, projet ou commune', search: true },
  ],
  endpoint: '/api/v1/laureats',
  importWhat: 'lauréats',
  // The figures cover the scheme and the place, whatever the theme or the search.
  statsUrl: ({ dispositif = '', region = '', territoire = '' }) =>
    `/api/v1/financements/stats?${filterParams({ dispositif, region, territoire })}`,
  figures: (s, filters) => <KeyFigures s={s} dispositif={filters.dispositif ?? ''} />,
  map: {
    testId: 'carte-laureats',
    description:
      'Carte des lauréats, regroupés quand ils sont proches ; le tableau qui suit donne la même liste.',
    property: 'dispositif',
    categories: DISPOSITIFS,
    tooltip: (p) => [p.beneficiaire, `${p.commune} — ${formatEuros(p.subventionEuros)}`],
    source: {
      libelle:
        'Lauréats importés dans Pilote TI ; position approchée au point de l’intercommunalité de la commune',
      producteur: 'ADEME, Banque des Territoires, ANCT ; centroïdes EPCI/EPT : ANCT',
      date: '2024',
      licence: 'Licence Ouverte / Etalab 2.0',
    },
    unplaced: (n) => `${n} lauréat(s) sans commune connue ne figurent pas sur la carte.`,
  },
  list: {
    limit: 50,
    paged: true,
    summary: (l) => (
      <>
        {formatInteger(l.total)} lauréats — {formatEuros(l.totaux.subventionsEuros)} de subventions,{' '}
        {formatEuros(l.totaux.investissementsEuros)} d’investissements.
      </>
    ),
    caption: 'Lauréats (la carte ci-dessus montre les mêmes)',
    empty: 'Aucun lauréat ne correspond à ces filtres.',
    columns: [
      nameColumn('beneficiaire', 'Bénéficiaire', (x) => x.beneficiaire),
      { key: 'projet', label: 'Projet' },
      { key: 'dispositif', label: 'Dispositif', render: (x) => x.dispositif.libelle },
      { key: 'commune', label: 'Commune', render: (x) => x.commune?.nom ?? '—' },
      territoireColumn(),
      numeric('subvention', 'Subvention', (x) => formatEuros(x.subventionEuros)),
      numeric('investissement', 'Investissement', (x) => formatEuros(x.investissementEuros)),
      numeric('emplois', 'Emplois prévus', (x) => formatInteger(x.emploisPrevus)),
    ],
  },
  breakdown: {
    caption: 'Lauréats',
    columns: [
      numeric('laureats', 'Lauréats', (r) => formatInteger(r.laureats)),
      numeric('sub', 'Subventions', (r) => formatEuros(r.subventionsEuros)),
      numeric('inv', 'Investissements', (r) => formatEuros(r.investissementsEuros)),
      numeric('emp', 'Emplois prévus', (r) => formatInteger(r.emploisPrevus)),
    ],
  },
};

export default function LaureatsPage() {
  return <PointsListPage config={LAUREATS} />;
}
