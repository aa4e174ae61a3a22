// Figures published by the programme (bilan à un an du Temps II, Nov. 2024) that the demonstration
// data reproduces and the tests check. Percentages are as published: rounded to the unit.

export const PUBLISHED_FONDS_VERT = {
  laureats: 163,
  territoires: 106,
  departements: 77,
  subventionsEuros: 63_000_000,
  investissementsEuros: 776_000_000,
  emploisPrevus: 2_600,
  emploisConditionnes: 1_300,
  /** % of projects contributing to climate change mitigation. */
  attenuationClimatPct: 78,
  /** % of projects contributing to the circular economy. */
  economieCirculairePct: 66,
  /** % of projects per filière category; « autre » is the rest (6 %). */
  filieresPct: { 'economie-circulaire': 55, 'relocalisation-biens': 22, bioeconomie: 17, autre: 6 },
  annee: 2024,
} as const;

export const PUBLISHED_REBOND = {
  missions: 15,
  subventionsEuros: 39_700_000,
  /** « Près de 2 M€ d'ingénierie Rebond industriel » — our reading: 1.95 M€. */
  ingenierieEuros: 1_950_000,
} as const;

/** « 2 M€ d'ingénierie ANCT depuis le lancement du temps II »; the number of missions is not published. */
export const PUBLISHED_INGENIERIE_ANCT = { euros: 2_000_000 } as const;
