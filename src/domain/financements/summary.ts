// The figures the funding dashboards show, computed from laureate and mission rows, for the nation,
// each region and each TI. Percentages are rounded to the unit as the programme publishes them.

import { percent } from '../shared/calibration';
import { groupBy, mapValues } from '../shared/collections';
import type { Laureate, RebondMission } from './types';
import { type DispositifCode, FILIERES, type FiliereCode } from './vocabulary';

export interface ShareFigure {
  count: number;
  /** Rounded percentage of the projects for which the information is known. */
  pct: number;
}

export interface LaureateFigures {
  laureats: number;
  /** Distinct TI, départements and regions with at least one laureate. */
  territoires: number;
  departements: number;
  regions: number;
  /** Laureates whose commune lies outside every TI. */
  horsTi: number;
  subventionsEuros: number;
  investissementsEuros: number;
  emploisPrevus: number;
  emploisConditionnes: number;
  attenuationClimat: ShareFigure;
  economieCirculaire: ShareFigure;
  filieres: ({ code: FiliereCode; label: string; short: string } & ShareFigure)[];
}

export interface LaureateSummary {
  national: LaureateFigures;
  parRegion: Record<string, LaureateFigures>;
  parTi: Record<string, LaureateFigures>;
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** Share of `true` among the rows where the flag is known. */
function share(list: readonly Laureate[], pick: (l: Laureate) => boolean | null): ShareFigure {
  const known = list.filter((l) => pick(l) !== null);
  const count = known.filter((l) => pick(l) === true).length;
  return { count, pct: percent(count, known.length) };
}

export function laureateFigures(list: readonly Laureate[]): LaureateFigures {
  const distinct = (pick: (l: Laureate) => string | null) =>
    new Set(list.map(pick).filter((v): v is string => v !== null && v !== '')).size;
  const withFiliere = list.filter((l) => l.filiere !== null);
  return {
    laureats: list.length,
    territoires: distinct((l) => l.tiId),
    departements: distinct((l) => l.dep),
    regions: distinct((l) => l.reg),
    horsTi: list.filter((l) => l.horsTi).length,
    subventionsEuros: sum(list.map((l) => l.subventionEuros)),
    investissementsEuros: sum(list.map((l) => l.investissementEuros)),
    emploisPrevus: sum(list.map((l) => l.emploisPrevus)),
    emploisConditionnes: sum(list.map((l) => l.emploisConditionnes)),
    attenuationClimat: share(list, (l) => l.attenuationClimat),
    economieCirculaire: share(list, (l) => l.economieCirculaire),
    filieres: FILIERES.map((f) => {
      const count = withFiliere.filter((l) => l.filiere === f.code).length;
      return { code: f.code, label: f.label, short: f.short, count, pct: percent(count, withFiliere.length) };
    }),
  };
}

/**
 * Figures for the nation, each region and each TI. With `dispositif`, only that scheme's laureates
 * count (the published Fonds vert figures are `summarizeLaureates(list, { dispositif: 'fonds-vert' })`).
 */
export function summarizeLaureates(
  list: readonly Laureate[],
  options: { dispositif?: DispositifCode } = {},
): LaureateSummary {
  const selected = options.dispositif ? list.filter((l) => l.dispositif === options.dispositif) : list;
  return {
    national: laureateFigures(selected),
    parRegion: mapValues(
      groupBy(selected, (l) => l.reg),
      laureateFigures,
    ),
    parTi: mapValues(
      groupBy(selected, (l) => l.tiId),
      laureateFigures,
    ),
  };
}

export interface MissionFigures {
  missions: number;
  territoires: number;
  enveloppeEuros: number;
  ingenierieEuros: number;
  entretiens: number;
  projetsRecenses: number;
  investissementsRecensesEuros: number;
  emploisRecenses: number;
  entreprisesSoutenues: number;
}

export function missionFigures(list: readonly RebondMission[]): MissionFigures {
  return {
    missions: list.length,
    territoires: new Set(list.map((m) => m.tiId)).size,
    enveloppeEuros: sum(list.map((m) => m.enveloppeEuros)),
    ingenierieEuros: sum(list.map((m) => m.ingenierieEuros)),
    entretiens: sum(list.map((m) => m.entretiens)),
    projetsRecenses: sum(list.map((m) => m.projetsRecenses)),
    investissementsRecensesEuros: sum(list.map((m) => m.investissementsRecensesEuros)),
    emploisRecenses: sum(list.map((m) => m.emploisRecenses)),
    entreprisesSoutenues: sum(list.map((m) => m.entreprisesSoutenues)),
  };
}

export function summarizeRebondMissions(list: readonly RebondMission[]): {
  national: MissionFigures;
  parRegion: Record<string, MissionFigures>;
  parTi: Record<string, MissionFigures>;
} {
  return {
    national: missionFigures(list),
    parRegion: mapValues(
      groupBy(list, (m) => m.reg),
      missionFigures,
    ),
    parTi: mapValues(
      groupBy(list, (m) => m.tiId),
      missionFigures,
    ),
  };
}
