/**
 * The map and the charts of a dashboard, with their data tables: a separate file, loaded beside the
 * dashboard's own code, because it brings the charting and mapping libraries (Observable Plot, d3,
 * about 250 KB before compression): the dashboard's key figures are drawn without waiting for them.
 */
import { Link } from 'react-router-dom';
import { DataTable } from '../platform/DataTable';
import { LazyDetails } from '../platform/LazyDetails';
import { BarChart, PatternDefs, StackedBarChart } from './charts';
import { apiPath, type Level } from './dataPath';
import { formatFrNumber, formatFrPercent } from './format';
import { ChoroplethLegend, SvgChoropleth } from './SvgChoropleth';
import type { Chart, Dashboard as DashboardData } from './types';

export default function DashboardVisuals({
  d: h,
  level,
  filters,
  print,
  onMapDrawn,
}: {
  d: DashboardData;
  level: Level;
  filters: Record<string, string>;
  print: boolean;
  onMapDrawn: () => void;
}) {
  const path = apiPath(level);
  return (
    <>
      <PatternDefs />
      {h.carte && (
        <section aria-labelledby="carte-actions" className="fr-mb-6w pilote-chart-section">
          <h2 id="carte-actions" className="fr-h4">
            {h.carte.titre}
          </h2>
          <div className="pilote-map-block">
            <MapWithReady
              d={h}
              region={level.niveau === 'region' ? level.code : (filters.region ?? undefined)}
              onDrawn={onMapDrawn}
              width={print ? 330 : 560}
            />
            <ChoroplethLegend legend={h.carte.legende} title="Nombre d’actions (quantiles)" />
          </div>
          {h.carte.note && <p className="fr-text--xs">{h.carte.note}</p>}
          {!print && (
            <LazyDetails
              className="fr-mb-2w"
              summary={`Tableau des données de la carte (${h.carte.lignes.length} territoires)`}
            >
              {() => (
                <DataTable
                  small
                  caption={`${h.carte!.titre} — tableau des données`}
                  rows={h.carte!.lignes}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      key: 'nom',
                      label: 'Territoire d’industrie',
                      rowHeader: true,
                      render: (r) => <Link to={`/tableaux-de-bord/territoires/${r.id}`}>{r.nom}</Link>,
                    },
                    {
                      key: 'valeur',
                      label: 'Nombre d’actions',
                      numeric: true,
                      render: (r) => formatFrNumber(r.valeur),
                    },
                    {
                      key: 'classe',
                      label: 'Classe',
                      render: (r) =>
                        r.classe === null
                          ? 'donnée manquante'
                          : (h.carte!.legende.find((l) => l.classe === r.classe)?.libelle ?? ''),
                    },
                  ]}
                />
              )}
            </LazyDetails>
          )}
          <p className="fr-text--xs pilote-sources">
            Source : plans d’action des Territoires d’industrie ; fond de carte : ANCT, périmètres des
            Territoires d’industrie, septembre 2024 — Licence Ouverte 2.0.
          </p>
        </section>
      )}
      <div className="pilote-charts">
        {h.graphiques.map((g) => (
          <ChartSection
            key={g.code}
            chart={g}
            statuses={h.options.statuts}
            print={print}
            csvHref={`${path}.csv?${new URLSearchParams({ ...filters, graphique: g.code }).toString()}`}
          />
        ))}
      </div>
    </>
  );
}

function ChartSection({
  chart,
  csvHref,
  statuses,
  print,
}: {
  chart: Chart;
  csvHref: string;
  statuses: DashboardData['options']['statuts'];
  print: boolean;
}) {
  const titleId = `graphique-${chart.code}`;
  const numberColumns = chart.colonnes.filter((c) => c.unite);
  const stacked = chart.type === 'barres-empilees';
  return (
    <section aria-labelledby={titleId} className="fr-mb-6w pilote-chart-section" data-chart={chart.code}>
      <h2 id={titleId} className="fr-h4">
        {chart.titre}
      </h2>
      <p className="fr-text--sm">{chart.description}</p>
      <div className={stacked ? undefined : 'pilote-chart-pair'}>
        {stacked ? (
          <StackedBarChart
            testId={`graphique-${chart.code}`}
            rows={chart.lignes.map((l) => ({
              code: String(l.code),
              libelle: String(l.libelle),
              total: Number(l.total),
              parts: Object.fromEntries(statuses.map((s) => [s.code, l[s.code] as number | null])),
            }))}
            statuses={statuses}
            label={`${chart.titre} : barres empilées, une par ligne du tableau qui suit.`}
            width={print ? 700 : 760}
            rowHeight={print ? 12 : 30}
          />
        ) : (
          <BarChart
            testId={`graphique-${chart.code}`}
            bars={chart.lignes.map((l) => ({
              code: String(l.code),
              libelle: String(l.libelle),
              valeur: Number(l.nombre ?? 0),
              etiquette: `${formatFrNumber(Number(l.nombre ?? 0))}${l.part == null ? '' : ` (${formatFrPercent(Number(l.part))})`}`,
            }))}
            unit="actions"
            label={`${chart.titre} : diagramme en barres, valeurs dans le tableau qui suit.`}
            width={print ? 360 : 760}
            rowHeight={print ? 16 : 28}
          />
        )}
        <DataTable
          small
          caption={`${chart.titre} — tableau des données`}
          rows={chart.lignes}
          rowKey={(r) => String(r.code)}
          className={print ? 'pilote-print-table' : undefined}
          columns={chart.colonnes
            .filter((c) => !(print && c.cle === 'axe'))
            .map((c, i) => ({
              key: c.cle,
              label: c.libelle,
              rowHeader: i === 0,
              numeric: numberColumns.includes(c),
              render: (r: Record<string, string | number | null>) =>
                c.unite === '%'
                  ? formatFrPercent(r[c.cle] as number | null)
                  : c.unite
                    ? formatFrNumber(r[c.cle] as number)
                    : String(r[c.cle] ?? ''),
            }))}
        />
      </div>
      <p className="fr-text--xs pilote-sources fr-mb-1w">{chart.source}</p>
      {!print && (
        <a className="fr-link fr-icon-download-line fr-link--icon-left fr-text--sm" href={csvHref} download>
          Télécharger les données (CSV)<span className="fr-sr-only"> : {chart.titre}</span>
        </a>
      )}
    </section>
  );
}

function MapWithReady({
  d,
  region,
  onDrawn,
  width,
}: {
  d: DashboardData;
  region?: string;
  onDrawn: () => void;
  width: number;
}) {
  return (
    <SvgChoropleth
      values={d.carte!.lignes}
      legend={d.carte!.legende}
      region={region}
      width={width}
      onDrawn={onDrawn}
      label={`Carte : ${d.carte!.titre}. Les valeurs sont dans le tableau des données de la carte.`}
    />
  );
}
