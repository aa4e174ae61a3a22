/**
 * « Financements, foncier et gouvernance » of a dashboard or a portrait: the laureates, the sites clés
 * en main and the governance of the same perimeter (France, a region, a territory), read from the
 * public stats endpoints of those modules — the figures are computed by the server from the rows. For
 * France, the figures are set beside the ones the programme published. `onSettled` tells a print page
 * when the three answers are in (or failed), so that the PDF waits for them.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { formatEuros } from '../financements/Figures';
import {
  FinancementsSummary,
  FinancementsTable,
  financementsStatsUrl,
  type LeverScope,
} from '../financements/FinancementsSummary';
import type { FinancementsStats } from '../financements/types';
import {
  type FoncierStats,
  FoncierSummary,
  foncierStatsUrl,
  formatHectares,
} from '../foncier/FoncierSummary';
import { GouvernanceSummary, gouvernanceStatsUrl } from '../gouvernance/GouvernanceSummary';
import type { GouvernanceStats } from '../gouvernance/types';
import { apiQuery } from '../platform/api';
import { DataTable } from '../platform/DataTable';
import { DemoBadge } from '../platform/DemoBadge';
import { formatInteger } from '../platform/format';
import { QueryState } from '../platform/QueryState';

type PublishedFunding = {
  fondsVert: {
    laureats: number;
    territoires: number;
    departements: number;
    subventionsEuros: number;
    investissementsEuros: number;
    emploisPrevus: number;
  };
  rebond: { missions: number; subventionsEuros: number };
};

const STALE_MS = 60_000;
const useStats = <T,>(url: string) =>
  useQuery({ queryKey: [url], queryFn: apiQuery<T>(url), staleTime: STALE_MS });

/**
 * Starts the three requests as soon as a page knows its perimeter, alongside its own request, rather
 * than after it (the section only mounts once the page's data is in): one round trip instead of two.
 */
export function usePrefetchLevers(scope: LeverScope | null) {
  const client = useQueryClient();
  const key = scope ? JSON.stringify(scope) : null;
  useEffect(() => {
    if (key === null) return;
    const s = JSON.parse(key) as LeverScope;
    for (const url of [financementsStatsUrl(s), foncierStatsUrl(s), gouvernanceStatsUrl(s)]) {
      void client.prefetchQuery({ queryKey: [url], queryFn: apiQuery(url), staleTime: STALE_MS });
    }
  }, [client, key]);
}

export function LeviersSection({
  scope,
  print = false,
  note,
  onSettled,
}: {
  scope: LeverScope;
  print?: boolean;
  /** A sentence under the title (e.g. that the dashboard's action filters do not apply here). */
  note?: string;
  onSettled?: () => void;
}) {
  const money = useStats<FinancementsStats & { publie: PublishedFunding | null }>(
    financementsStatsUrl(scope),
  );
  const land = useStats<FoncierStats>(foncierStatsUrl(scope));
  const governance = useStats<GouvernanceStats>(gouvernanceStatsUrl(scope));
  const settled = !money.isPending && !land.isPending && !governance.isPending;
  useEffect(() => {
    if (settled) onSettled?.();
  }, [settled, onSettled]);
  const demo = money.data?.demo || land.data?.demo || governance.data?.demo;
  return (
    <section aria-labelledby="leviers" className="fr-mb-6w pilote-leviers" data-testid="leviers">
      <h2 id="leviers" className="fr-h4">
        Financements, foncier et gouvernance {demo && <DemoBadge />}
      </h2>
      {note && <p className="fr-text--sm">{note}</p>}
      <div className="pilote-leviers__grid">
        <QueryState query={money} loadingLabel="Chargement des financements…">
          {(s) => <FinancementsSummary stats={s} scope={scope} print={print} />}
        </QueryState>
        <QueryState query={land} loadingLabel="Chargement du foncier…">
          {(s) => <FoncierSummary stats={s} scope={scope} print={print} />}
        </QueryState>
        <QueryState query={governance} loadingLabel="Chargement de la gouvernance…">
          {(s) => <GouvernanceSummary stats={s} scope={scope} print={print} />}
        </QueryState>
      </div>
      {!print && money.data && (
        <div className="fr-mt-3w">
          <FinancementsTable stats={money.data} />
        </div>
      )}
      {!print && money.data?.publie && land.data?.publie && governance.data?.publie && (
        <details className="fr-mb-2w">
          <summary>Chiffres calculés et chiffres publiés par le programme</summary>
          <PublishedTable money={money.data} land={land.data} governance={governance.data} />
        </details>
      )}
      <p className="fr-text--xs pilote-sources">
        Source : lauréats des dispositifs du programme, sites clés en main France 2030 et gouvernance des
        Territoires d’industrie enregistrés dans Pilote TI ; chiffres publiés : bilan à un an du Temps II
        (novembre 2024).
        {demo ? ' Données de démonstration calibrées sur les chiffres publiés.' : ''}
      </p>
    </section>
  );
}

function PublishedTable({
  money,
  land,
  governance,
}: {
  money: FinancementsStats & { publie: PublishedFunding | null };
  land: FoncierStats;
  governance: GouvernanceStats;
}) {
  const fv = money.parDispositif.find((d) => d.code === 'fonds-vert');
  const rebond = money.parDispositif.find((d) => d.code === 'rebond-industriel');
  const pf = money.publie!;
  const ps = land.publie!;
  const pg = governance.publie!;
  const g = governance.chiffres;
  const rows: { libelle: string; calcule: string; publie: string }[] = [
    ['Lauréats du Fonds vert', formatInteger(fv?.laureats), formatInteger(pf.fondsVert.laureats)],
    [
      'Territoires d’industrie lauréats du Fonds vert',
      formatInteger(fv?.territoires),
      formatInteger(pf.fondsVert.territoires),
    ],
    [
      'Départements lauréats du Fonds vert',
      formatInteger(fv?.departements),
      formatInteger(pf.fondsVert.departements),
    ],
    [
      'Subventions du Fonds vert',
      formatEuros(fv?.subventionsEuros),
      formatEuros(pf.fondsVert.subventionsEuros),
    ],
    [
      'Investissements du Fonds vert',
      formatEuros(fv?.investissementsEuros),
      formatEuros(pf.fondsVert.investissementsEuros),
    ],
    [
      'Emplois prévus (Fonds vert)',
      formatInteger(fv?.emploisPrevus),
      formatInteger(pf.fondsVert.emploisPrevus),
    ],
    [
      'Missions Rebond industriel',
      formatInteger(money.missionsRebond.missions),
      formatInteger(pf.rebond.missions),
    ],
    [
      'Subventions Rebond industriel',
      formatEuros(rebond?.subventionsEuros),
      formatEuros(pf.rebond.subventionsEuros),
    ],
    ['Sites clés en main', formatInteger(land.sites.sites), formatInteger(ps.sites)],
    ['Surface des sites clés en main', formatHectares(land.sites.surfaceHa), formatHectares(ps.surfaceHa)],
    [
      'Sites en recyclage foncier',
      formatInteger(land.sites.recyclageFoncier.sites),
      formatInteger(ps.recyclageFoncier),
    ],
    ['Élus dans les binômes', formatInteger(g.elus), formatInteger(pg.elus)],
    ['Industriels dans les binômes', formatInteger(g.industriels), formatInteger(pg.industriels)],
    ['Chefs de projet', formatInteger(g.chefsDeProjet), formatInteger(pg.chefsDeProjet)],
    ['dont cofinancés par l’État', formatInteger(g.chefsCofinances), formatInteger(pg.chefsCofinances)],
    ['Coordinateurs régionaux', formatInteger(g.coordinateurs), formatInteger(pg.coordinateurs)],
    [
      'COPIL de lancement tenus',
      formatInteger(g.territoiresCopilLancement),
      formatInteger(pg.copilLancement),
    ],
  ].map(([libelle, calcule, publie]) => ({ libelle: libelle!, calcule: calcule!, publie: publie! }));
  return (
    <DataTable
      small
      caption="Chiffres calculés à partir des lignes enregistrées et chiffres publiés (bilan à un an du Temps II)"
      rows={rows}
      rowKey={(r) => r.libelle}
      columns={[
        { key: 'libelle', label: 'Chiffre', rowHeader: true },
        { key: 'calcule', label: 'Calculé', numeric: true },
        { key: 'publie', label: 'Publié', numeric: true },
      ]}
    />
  );
}
