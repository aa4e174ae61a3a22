// Urban vs rural: a territory's typology from its communes' INSEE density level, weighted by
// population; and the distribution of its communes by density level and by the « diversité des
// ruralités » typology (ANCT / Observatoire des territoires).

import { normalizeText } from '../shared/text';

/**
 * INSEE's communal density grid in 7 levels (labels as in data/reference/zonages/densite.csv).
 * Since 2020 INSEE calls « rural » the communes of the « peu dense » and « très peu dense » levels
 * of the 4-level grid, i.e. levels 5 to 7 here; levels 1 to 4 are urban.
 */
export const DENSITY_LEVELS = [
  { code: 1, label: 'Grands centres urbains', rural: false },
  { code: 2, label: 'Centres urbains intermédiaires', rural: false },
  { code: 3, label: 'Ceintures urbaines', rural: false },
  { code: 4, label: 'Petites villes', rural: false },
  { code: 5, label: 'Bourgs ruraux', rural: true },
  { code: 6, label: 'Rural à habitat dispersé', rural: true },
  { code: 7, label: 'Rural à habitat très dispersé', rural: true },
] as const;
export type DensityLevel = (typeof DENSITY_LEVELS)[number]['code'];

const densityByName = new Map<string, DensityLevel>(
  DENSITY_LEVELS.map((l) => [normalizeText(l.label), l.code]),
);

/** « Rural à habitat dispersé » (any case/accents) or "6" → 6; null when unknown. */
export function parseDensityLevel(value: string | number | null | undefined): DensityLevel | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (/^[1-7]$/.test(text)) return Number(text) as DensityLevel;
  return densityByName.get(normalizeText(text)) ?? null;
}

export const densityLabel = (level: DensityLevel): string => DENSITY_LEVELS[level - 1]!.label;

/** The « diversité des ruralités » classes, in the order of ruralite.csv's legend. */
export const RURALITY_TYPES = [
  'Les ruralités productives agricoles',
  'Les ruralités productives ouvrières',
  'Les petites polarités industrielles et artisanales',
  'Les petites polarités mixtes',
  'Les ruralités résidentielles aisées',
  'Les ruralités résidentielles mixtes',
  'Les ruralités touristiques spécialisées',
  'Les ruralités touristiques à dominante résidentielle',
  'Hors champ : DOM ou commune urbaine',
  'Commune dont le périmètre a changé depuis la réalisation de la typologie',
] as const;

const ruralityByName = new Map<string, string>(RURALITY_TYPES.map((t) => [normalizeText(t), t]));

/** Normalises a ruralite.csv value (it carries a leading space); unknown values are kept trimmed. */
export function parseRuralityType(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  return ruralityByName.get(normalizeText(text)) ?? text;
}

export interface CommuneTypologyInput {
  insee: string;
  population: number | null;
  densite: DensityLevel | null;
  ruralite?: string | null;
}

export const URBAN_RURAL_TYPOLOGY = [
  {
    code: 'urbain',
    label: 'À dominante urbaine',
    explanation:
      "La majorité des habitants du territoire vit dans des communes urbaines au sens de l'INSEE (grands centres urbains, centres urbains intermédiaires, ceintures urbaines, petites villes).",
  },
  {
    code: 'rural',
    label: 'À dominante rurale',
    explanation:
      "La moitié au moins des habitants du territoire vit dans des communes rurales au sens de l'INSEE (bourgs ruraux, rural à habitat dispersé ou très dispersé).",
  },
  {
    code: 'non-disponible',
    label: 'Donnée non disponible',
    explanation:
      "Ni la densité ni la population des communes du territoire ne sont connues : la typologie n'est pas calculable.",
  },
] as const;
export type UrbanRuralCode = (typeof URBAN_RURAL_TYPOLOGY)[number]['code'];

export const URBAN_RURAL_RULE =
  "Chaque commune est urbaine (niveaux 1 à 4 de la grille communale de densité de l'INSEE) ou rurale (niveaux 5 à 7). " +
  'Le territoire est « à dominante rurale » si la moitié au moins de sa population municipale vit dans des communes rurales, ' +
  '« à dominante urbaine » sinon. Les communes sans densité ou sans population connue sont écartées du calcul et signalées.';

export interface DistributionRow<K> {
  key: K;
  label: string;
  communes: number;
  population: number;
  /** Share of the territory's population (of communes with known population and class), in %. */
  partPopulation: number | null;
}

export interface UrbanRuralResult {
  code: UrbanRuralCode;
  label: string;
  explanation: string;
  /** Share of the population living in rural communes, in %, null when not computable. */
  partPopulationRurale: number | null;
  /** The density level holding the largest population. */
  niveauDominant: DensityLevel | null;
  parDensite: DistributionRow<DensityLevel>[];
  /** Communes with no density level or no population, left out of the shares. */
  communesNonClassees: string[];
}

export function urbanRuralTypology(communes: readonly CommuneTypologyInput[]): UrbanRuralResult {
  const rows = DENSITY_LEVELS.map((l) => ({ key: l.code, label: l.label, communes: 0, population: 0 }));
  const communesNonClassees: string[] = [];
  for (const c of communes) {
    if (c.densite === null || c.population === null || Number.isNaN(c.population)) {
      communesNonClassees.push(c.insee);
      continue;
    }
    const row = rows[c.densite - 1]!;
    row.communes += 1;
    row.population += c.population;
  }
  const total = rows.reduce((s, r) => s + r.population, 0);
  const rural = rows.filter((r) => DENSITY_LEVELS[r.key - 1]!.rural).reduce((s, r) => s + r.population, 0);
  const parDensite = rows.map((r) => ({
    ...r,
    partPopulation: total > 0 ? (r.population / total) * 100 : null,
  }));
  const dominant = total > 0 ? rows.reduce((best, r) => (r.population > best.population ? r : best)) : null;
  const partPopulationRurale = total > 0 ? (rural / total) * 100 : null;
  const code: UrbanRuralCode =
    partPopulationRurale === null ? 'non-disponible' : partPopulationRurale >= 50 ? 'rural' : 'urbain';
  const def = URBAN_RURAL_TYPOLOGY.find((t) => t.code === code)!;
  return {
    code,
    label: def.label,
    explanation: def.explanation,
    partPopulationRurale,
    niveauDominant: dominant?.key ?? null,
    parDensite,
    communesNonClassees: communesNonClassees.sort(),
  };
}

/** Communes (and population) per « diversité des ruralités » class, in the legend's order. */
export function ruralityDistribution(communes: readonly CommuneTypologyInput[]): {
  rows: DistributionRow<string>[];
  communesNonClassees: string[];
} {
  const counts = new Map<string, { communes: number; population: number }>();
  const communesNonClassees: string[] = [];
  for (const c of communes) {
    const type = parseRuralityType(c.ruralite);
    if (!type) {
      communesNonClassees.push(c.insee);
      continue;
    }
    const entry = counts.get(type) ?? { communes: 0, population: 0 };
    entry.communes += 1;
    entry.population += c.population ?? 0;
    counts.set(type, entry);
  }
  const total = [...counts.values()].reduce((s, e) => s + e.population, 0);
  const known = RURALITY_TYPES.filter((t) => counts.has(t));
  const unknown = [...counts.keys()].filter((k) => !(RURALITY_TYPES as readonly string[]).includes(k)).sort();
  return {
    rows: [...known, ...unknown].map((type) => {
      const e = counts.get(type)!;
      return {
        key: type,
        label: type,
        communes: e.communes,
        population: e.population,
        partPopulation: total > 0 ? (e.population / total) * 100 : null,
      };
    }),
    communesNonClassees: communesNonClassees.sort(),
  };
}
