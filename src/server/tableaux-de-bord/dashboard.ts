import {
  AXES,
  axeLabel,
  isAxe,
  isStatut,
  isThematique,
  NON_RENSEIGNE,
  STATUTS_REPORTED,
  statutLabel,
  THEMATIQUES,
  thematiqueLabel,
} from '../../domain/actions/vocabulary';
import { classify } from '../../domain/portraits/classification';
import { formatNumber, formatPercent } from '../../domain/portraits/format';
import type { TerritoryFigures } from '../../domain/portraits/portrait';
import { sourceLine } from '../../domain/portraits/sources';
import { badRequest } from '../platform/http/errors';
import type { ActionLite } from '../portraits/actions-data';
import type { CampaignInfo } from '../portraits/campaign-data';
import type { PortraitData } from '../portraits/data';
import { type CountRow, countByAxe, countByStatut, countByThematique } from '../portraits/plan';

// The dashboards' figures, computed from the action plans in memory: actions by axis, by
// thématique, by status, status by region (or by territory, or by axis) — the stacked bars of
// the programme's bilan — and the key figures of the programme. Each chart carries its own table
// (columns and rows) so that the page, the CSV export and the API give the same numbers.

export type Level = 'national' | 'region' | 'territoire';

export interface Filters {
  campagne?: string;
  region?: string;
  axe?: string;
  thematique?: string;
  statut?: string;
}

export interface Column {
  cle: string;
  libelle: string;
  unite?: string;
}

export interface Chart {
  code: string;
  titre: string;
  description: string;
  type: 'barres' | 'barres-empilees';
  colonnes: Column[];
  lignes: Record<string, string | number | null>[];
  source: string;
}

/** Validates the filters (French message naming the parameter and the expected values). */
export function checkFilters(filters: Filters, data: PortraitData): void {
  const fail = (name: string, value: string, expected: string) => {
    throw badRequest(`Filtre « ${name} » : valeur « ${value} » inconnue ; attendu l'un de : ${expected}.`);
  };
  if (filters.region !== undefined && !data.regions.has(filters.region)) {
    fail('region', filters.region, [...data.regions.keys()].join(', '));
  }
  if (filters.axe !== undefined && !isAxe(filters.axe))
    fail('axe', filters.axe, AXES.map((a) => a.code).join(', '));
  if (filters.thematique !== undefined && !isThematique(filters.thematique)) {
    fail('thematique', filters.thematique, THEMATIQUES.map((t) => t.code).join(', '));
  }
  if (filters.statut !== undefined && !isStatut(filters.statut) && filters.statut !== NON_RENSEIGNE.code) {
    fail('statut', filters.statut, STATUTS_REPORTED.map((s) => s.code).join(', '));
  }
}

export function applyFilters(actions: readonly ActionLite[], f: Filters): ActionLite[] {
  return actions.filter(
    (a) =>
      (f.region === undefined || a.region === f.region) &&
      (f.axe === undefined || a.axe === f.axe) &&
      (f.thematique === undefined || a.thematiques.includes(f.thematique)) &&
      (f.statut === undefined || (a.statut ?? NON_RENSEIGNE.code) === f.statut),
  );
}

const PLAN_SOURCE = (campaign: CampaignInfo | null) =>
  sourceLine('plans_action', campaign ? campaign.libelle : 'état courant des plans');

function countChart(
  code: string,
  titre: string,
  description: string,
  rows: CountRow[],
  source: string,
  extra: Column[] = [],
): Chart {
  return {
    code,
    titre,
    description,
    type: 'barres',
    colonnes: [
      {
        cle: 'libelle',
        libelle: titre.includes('thématique') ? 'Thématique' : titre.includes('axe') ? 'Axe' : 'Statut',
      },
      ...extra,
      { cle: 'nombre', libelle: "Nombre d'actions", unite: 'actions' },
      { cle: 'part', libelle: 'Part des actions', unite: '%' },
    ],
    lignes: rows.map((r) => ({ ...r, part: r.part === null ? null : Math.round(r.part * 10) / 10 })),
    source,
  };
}

/** Status shares of groups of actions (regions, territories, axes): the stacked bars. */
function statusByGroup(
  code: string,
  titre: string,
  description: string,
  groupLabel: string,
  groups: { code: string; libelle: string; actions: readonly ActionLite[] }[],
  source: string,
): Chart {
  return {
    code,
    titre,
    description,
    type: 'barres-empilees',
    colonnes: [
      { cle: 'libelle', libelle: groupLabel },
      { cle: 'total', libelle: "Nombre d'actions", unite: 'actions' },
      ...STATUTS_REPORTED.map((s) => ({ cle: s.code, libelle: `${s.label} (%)`, unite: '%' })),
    ],
    lignes: groups.map((g) => {
      const counts = countByStatut(g.actions);
      return {
        code: g.code,
        libelle: g.libelle,
        total: g.actions.length,
        ...Object.fromEntries(
          counts.map((c) => [c.code, c.part === null ? null : Math.round(c.part * 10) / 10]),
        ),
      };
    }),
    source,
  };
}

const PERIMETER_SOURCE = "Source : ANCT, périmètres des Territoires d'industrie (septembre 2024)";

export interface KeyFigure {
  code: string;
  libelle: string;
  valeur: number | null;
  affichage: string;
  source: string;
}

export function keyFigures(
  scope: { territoires: number; groupements: number; regions: number },
  figures: TerritoryFigures,
  actions: number,
  campaign: CampaignInfo | null,
): KeyFigure[] {
  const e = figures.emploi;
  const num = (v: number | null, unit: string) =>
    v === null ? 'donnée non disponible' : `${formatNumber(v)} ${unit}`.trim();
  return [
    {
      code: 'territoires',
      libelle: "Territoires d'industrie",
      valeur: scope.territoires,
      affichage: formatNumber(scope.territoires),
      source: PERIMETER_SOURCE,
    },
    {
      code: 'groupements',
      libelle: 'Intercommunalités membres',
      valeur: scope.groupements,
      affichage: formatNumber(scope.groupements),
      source: PERIMETER_SOURCE,
    },
    {
      code: 'regions',
      libelle: 'Régions',
      valeur: scope.regions,
      affichage: formatNumber(scope.regions),
      source: PERIMETER_SOURCE,
    },
    {
      code: 'population',
      libelle: 'Habitants',
      valeur: figures.population.value,
      affichage: num(figures.population.value, ''),
      source: sourceLine('insee_population', figures.population.year),
    },
    {
      code: 'salaries',
      libelle: `Emplois salariés privés (${e.salaries.year})`,
      valeur: e.salaries.value,
      affichage: num(e.salaries.value, ''),
      source: sourceLine('urssaf', e.salaries.year),
    },
    {
      code: 'salaries-industrie',
      libelle: `Emplois salariés industriels (${e.salariesIndustrie.year})`,
      valeur: e.salariesIndustrie.value,
      affichage:
        e.salariesIndustrie.value === null
          ? 'donnée non disponible'
          : `${formatNumber(e.salariesIndustrie.value)} (${e.partIndustrie.value === null ? '—' : formatPercent(e.partIndustrie.value)})`,
      source: sourceLine('urssaf', e.salariesIndustrie.year),
    },
    {
      code: 'actions',
      libelle: "Actions des plans d'action",
      valeur: actions,
      affichage: formatNumber(actions),
      source: PLAN_SOURCE(campaign),
    },
  ];
}

export interface DashboardInput {
  level: Level;
  actions: readonly ActionLite[];
  filters: Filters;
  campaign: CampaignInfo | null;
  data: PortraitData;
  /** Territory id (level territoire) or region code (level region). */
  scopeId?: string;
}

export function charts(input: DashboardInput): Chart[] {
  const { actions, data, campaign } = input;
  const source = PLAN_SOURCE(campaign);
  const list: Chart[] = [
    countChart(
      'par-axe',
      'Actions par axe',
      "Nombre d'actions de chaque axe du programme (une action relève d'un seul axe).",
      countByAxe(actions),
      source,
    ),
    countChart(
      'par-statut',
      'Avancement des actions (par statut)',
      "Répartition des actions par statut d'avancement ; « Non renseigné » = aucun statut donné.",
      countByStatut(actions),
      source,
    ),
    countChart(
      'par-thematique',
      'Actions par thématique',
      "Nombre d'actions portant chaque thématique (une action peut en porter plusieurs : la somme dépasse le nombre d'actions).",
      countByThematique(actions).map((r) => ({ ...r, axe: axeLabel(r.axe) })),
      source,
      [{ cle: 'axe', libelle: 'Axe' }],
    ),
  ];
  if (input.level === 'national' && input.filters.region === undefined) {
    list.push(
      statusByGroup(
        'statut-par-region',
        'Avancement des actions par région',
        'Part de chaque statut dans les actions des territoires de chaque région.',
        'Région',
        [...data.regions.values()].map((r) => ({
          code: r.code,
          libelle: r.nom,
          actions: actions.filter((a) => a.region === r.code),
        })),
        source,
      ),
    );
  } else if (input.level !== 'territoire') {
    const region = input.scopeId ?? input.filters.region!;
    list.push(
      statusByGroup(
        'statut-par-territoire',
        'Avancement des actions par territoire',
        'Part de chaque statut dans les actions de chaque Territoire d’industrie de la région.',
        "Territoire d'industrie",
        [...data.territories.values()]
          .filter((t) => t.regionCode === region)
          .map((t) => ({
            code: t.id,
            libelle: t.nom,
            actions: actions.filter((a) => a.territoire === t.id),
          })),
        source,
      ),
    );
  } else {
    list.push(
      statusByGroup(
        'statut-par-axe',
        'Avancement des actions par axe',
        'Part de chaque statut dans les actions de chaque axe.',
        'Axe',
        AXES.map((x) => ({
          code: x.code,
          libelle: x.label,
          actions: actions.filter((a) => a.axe === x.code),
        })),
        source,
      ),
    );
  }
  return list;
}

/** The territories map of a dashboard: number of (filtered) actions per TI, classes computed. */
export function actionsMap(actions: readonly ActionLite[], data: PortraitData, region?: string) {
  const territories = [...data.territories.values()].filter(
    (t) => region === undefined || t.regionCode === region,
  );
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.territoire, (counts.get(a.territoire) ?? 0) + 1);
  const values = territories.map((t) => counts.get(t.id) ?? 0);
  const classified = classify(values, { method: 'quantiles', classes: 5 });
  if (!classified.ok) throw new Error(classified.error);
  const c = classified.value;
  return {
    titre: "Nombre d'actions par Territoire d'industrie",
    methode: 'quantiles',
    legende: c.classes.map((k) => ({ classe: k.index, libelle: k.label, nombre: k.count })),
    lignes: territories.map((t, i) => ({
      id: t.id,
      nom: t.nom,
      valeur: values[i]!,
      classe: c.classOf[i] ?? null,
    })),
    note: c.note,
  };
}

export function filterLabels(f: Filters, data: PortraitData, campaign: CampaignInfo | null) {
  return {
    campagne: campaign ? { code: campaign.code, libelle: campaign.libelle } : null,
    region: f.region ? { code: f.region, libelle: data.regions.get(f.region)!.nom } : null,
    axe: f.axe ? { code: f.axe, libelle: axeLabel(f.axe) } : null,
    thematique: f.thematique ? { code: f.thematique, libelle: thematiqueLabel(f.thematique) } : null,
    statut: f.statut ? { code: f.statut, libelle: statutLabel(f.statut) } : null,
  };
}

export const FILTER_OPTIONS = {
  axes: AXES.map((a) => ({ code: a.code, libelle: a.label })),
  thematiques: THEMATIQUES.map((t) => ({ code: t.code, libelle: t.label, axe: t.axe })),
  statuts: STATUTS_REPORTED.map((s) => ({ code: s.code, libelle: s.label })),
};
