// A territory's portrait: every figure of a set of communes — a TI, an EPCI, a region, France, the
// whole programme — computed the same way, so that a TI page can set its values beside the
// region's and the nation's, and the programme's portrait gives back the published figures.

import type { StatutCode } from '../actions/vocabulary';
import { type ActionPlanFigures, actionPlanFigures } from './actions-figures';
import {
  buildEmploymentPortrait,
  type CommuneEmployment,
  type EmploymentPortrait,
  type EmploymentYears,
  type Figure,
  figure,
  SHIPPED_EMPLOYMENT_YEARS,
  type TypologyOptions,
} from './employment';
import { type TerritoryOverlap, territoryOverlap, type ZonageCommune } from './overlaps';
import {
  type DensityLevel,
  ruralityDistribution,
  type UrbanRuralResult,
  urbanRuralTypology,
} from './typologies';

export interface PortraitCommune {
  insee: string;
  population: number | null;
  densite: DensityLevel | null;
  ruralite?: string | null;
  /** ACV / PVD / QPV / massif of the commune; absent when the zonages are not loaded. */
  zonage?: ZonageCommune | null;
}

export interface PortraitInput {
  communes: readonly PortraitCommune[];
  employment: ReadonlyMap<string, CommuneEmployment>;
  /** The territory's actions; null when the level has no action plan (EPCI, region, France). */
  actions?: readonly { statut: StatutCode | null }[] | null;
  years?: EmploymentYears;
  /** Vintage of the population figures, printed with them. */
  populationYear?: string;
  typology?: TypologyOptions;
}

export interface TerritoryFigures {
  communes: number;
  population: Figure;
  /** Communes with no known population (left out of the sum). */
  communesSansPopulation: string[];
  emploi: EmploymentPortrait;
  urbainRural: UrbanRuralResult;
  ruralites: ReturnType<typeof ruralityDistribution>;
  recouvrements: TerritoryOverlap | null;
  planAction: ActionPlanFigures | null;
}

export function buildTerritoryFigures(input: PortraitInput): TerritoryFigures {
  const communes = input.communes;
  let population: number | null = null;
  const communesSansPopulation: string[] = [];
  for (const c of communes) {
    if (c.population === null || Number.isNaN(c.population)) communesSansPopulation.push(c.insee);
    else population = (population ?? 0) + c.population;
  }
  const zonages = communes.map((c) => c.zonage).filter((z): z is ZonageCommune => !!z);
  return {
    communes: communes.length,
    population: figure(population, 'habitants', input.populationYear ?? 'COG 2023', 'insee_population'),
    communesSansPopulation: communesSansPopulation.sort(),
    emploi: buildEmploymentPortrait(
      communes.map((c) => c.insee),
      input.employment,
      input.years ?? SHIPPED_EMPLOYMENT_YEARS,
      input.typology,
    ),
    urbainRural: urbanRuralTypology(communes),
    ruralites: ruralityDistribution(communes),
    recouvrements: zonages.length > 0 ? territoryOverlap(zonages) : null,
    planAction: input.actions ? actionPlanFigures(input.actions) : null,
  };
}
