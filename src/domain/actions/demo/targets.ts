// The national figures the demonstration plans must reproduce, and the arithmetic that turns the
// published percentages into exact counts. Sources: DESIGN.md « Published figures » (bilan un an
// Temps II, Nov. 2024): action counts, shares by axis, counts by thématique, statuts of Nov. 2024.
//
// AXES. Only percentages are published; we choose counts whose share rounds to them.
//   Nov. 2023, 2,429 actions: Compétences 753 (31.00 %), Foncier 461 (18.98 %), Innovation 437
//   (17.99 %), Transition 559 (23.01 %) → transversal 219 (9.02 %).
//   Nov. 2024, 2,812 actions: Compétences 900 (32.01 %), Foncier 506 (17.99 %), Innovation 506
//   (17.99 %), Transition 675 (24.00 %) → transversal 225 (8.00 %).
//   No action changes axis; the 383 actions created during the year are 147 / 45 / 69 / 116 / 6.
//
// THÉMATIQUES. Published counts are reproduced exactly. Their totals per axis do not match the
// axis sizes: Compétences 971 → 1,197 thématiques for 753 → 900 actions (1.3 per action),
// Transition 613 → 731 for 559 → 675, Foncier 597 → 684 for 461 → 506, but Innovation 398 → 410
// for 437 → 506 (0.8 per action). Hence an action carries 0, 1 or several thématiques: an axis
// action carries thématiques of its own axis only (0 to 3), a transversal action 0 to 4 thématiques
// of DISTINCT axes. Transversal actions take a fixed share of each axis's thématiques
// (TRANSVERSAL_SLOTS), the axis's own actions the rest. Between the campaigns thématiques are only
// added (a sheet gets refined, never « un-tagged »), so every 2024 count ≥ its 2023 count, which
// the published figures satisfy (Infrastructures numériques stays at 53). The increment goes to the
// new actions first and to some existing ones (a history event « thématiques » records it).
//
// STATUTS. Nov. 2024 percentages are published; counts chosen to round to them and sum to 2,812:
//   En cours 1,005 (35.74 %), Amont 557 (19.81 %), En étude 530 (18.85 %), Réalisé 362 (12.87 %),
//   Non renseigné 222 (7.89 %), En pause 110 (3.91 %), Abandonné 26 (0.92 %).
// Nov. 2023 is not published; at launch plans were young, so more amont/étude and little réalisé:
//   Amont 729 (30 %), En étude 583 (24 %), En cours 656 (27 %), Réalisé 97 (4 %), Non renseigné 267
//   (11 %), En pause 73 (3 %), Abandonné 24 (1 %).
// The 383 new actions of 2024 start mostly upstream (NEW_2024_STATUTS); the 2,429 existing ones move
// by TRANSITIONS (rows: status in 2023, columns: status in 2024), mostly forward, with actions stuck
// in amont (367) or en pause (45); its row sums are the 2023 counts and its column sums plus the new
// actions give the 2024 counts (checked by the tests).

import type { AxeCode, StatutReportedCode, ThematiqueCode } from '../vocabulary';

export type Campaign = 'nov2023' | 'nov2024';

/** Reference day of each campaign's snapshot. */
export const CAMPAIGN_DATES: Record<Campaign, string> = { nov2023: '2023-11-30', nov2024: '2024-11-30' };

export const ACTION_COUNTS: Record<Campaign, number> = { nov2023: 2429, nov2024: 2812 };

export const PUBLISHED_AXE_PERCENT: Record<Campaign, Record<Exclude<AxeCode, 'transversal'>, number>> = {
  nov2023: { competences: 31, foncier: 19, innovation: 18, transition: 23 },
  nov2024: { competences: 32, foncier: 18, innovation: 18, transition: 24 },
};

export const AXE_COUNTS: Record<Campaign, Record<AxeCode, number>> = {
  nov2023: { competences: 753, foncier: 461, innovation: 437, transition: 559, transversal: 219 },
  nov2024: { competences: 900, foncier: 506, innovation: 506, transition: 675, transversal: 225 },
};

export const THEMATIQUE_COUNTS: Record<Campaign, Record<ThematiqueCode, number>> = {
  nov2023: {
    'valorisation-industrie': 288,
    'nouvelles-formations': 235,
    'rh-marque-employeur': 165,
    'besoin-formation': 143,
    'aide-installation': 140,
    'transition-energetique': 292,
    eit: 265,
    'gestion-eau': 56,
    'infrastructures-numeriques': 53,
    'usages-numeriques': 57,
    'tiers-lieux': 64,
    'ecosysteme-innovation': 224,
    'sites-cles-en-main': 123,
    'requalification-friche': 170,
    'optimisation-foncier': 304,
  },
  nov2024: {
    'valorisation-industrie': 376,
    'nouvelles-formations': 256,
    'rh-marque-employeur': 236,
    'besoin-formation': 181,
    'aide-installation': 148,
    'transition-energetique': 343,
    eit: 320,
    'gestion-eau': 68,
    'infrastructures-numeriques': 53,
    'usages-numeriques': 75,
    'tiers-lieux': 75,
    'ecosysteme-innovation': 282,
    'sites-cles-en-main': 134,
    'requalification-friche': 193,
    'optimisation-foncier': 357,
  },
};

export const PUBLISHED_STATUT_PERCENT_2024: Record<StatutReportedCode, number> = {
  'en-cours': 36,
  amont: 20,
  etude: 19,
  realise: 13,
  'non-renseigne': 8,
  'en-pause': 4,
  abandonne: 1,
};

export const STATUT_COUNTS: Record<Campaign, Record<StatutReportedCode, number>> = {
  nov2023: {
    amont: 729,
    etude: 583,
    'en-cours': 656,
    'en-pause': 73,
    realise: 97,
    abandonne: 24,
    'non-renseigne': 267,
  },
  nov2024: {
    amont: 557,
    etude: 530,
    'en-cours': 1005,
    'en-pause': 110,
    realise: 362,
    abandonne: 26,
    'non-renseigne': 222,
  },
};

/** Statut in Nov. 2024 of the 383 actions created during the year. */
export const NEW_2024_STATUTS: Record<StatutReportedCode, number> = {
  amont: 150,
  etude: 100,
  'en-cours': 60,
  'en-pause': 8,
  realise: 5,
  abandonne: 0,
  'non-renseigne': 60,
};

/** TRANSITIONS[from2023][to2024] = number of existing actions. */
export const TRANSITIONS: Record<StatutReportedCode, Partial<Record<StatutReportedCode, number>>> = {
  amont: { amont: 367, etude: 145, 'en-cours': 184, 'en-pause': 16, realise: 10, 'non-renseigne': 7 },
  etude: { etude: 250, 'en-cours': 279, 'en-pause': 14, realise: 35, 'non-renseigne': 5 },
  'en-cours': { 'en-cours': 424, 'en-pause': 22, realise: 210 },
  'en-pause': { etude: 5, 'en-cours': 18, 'en-pause': 45, realise: 3, abandonne: 2 },
  realise: { realise: 97 },
  abandonne: { abandonne: 24 },
  'non-renseigne': { amont: 40, etude: 30, 'en-cours': 40, 'en-pause': 5, realise: 2, 'non-renseigne': 150 },
};

/**
 * Thématique slots of each axis carried by transversal actions. 2023: 288 slots over the 219
 * transversal actions; 2024: 12 more on the 6 new transversal actions.
 */
export const TRANSVERSAL_SLOTS: Record<Campaign, Record<Exclude<AxeCode, 'transversal'>, number>> = {
  nov2023: { competences: 110, transition: 70, innovation: 44, foncier: 64 },
  nov2024: { competences: 114, transition: 73, innovation: 46, foncier: 67 },
};
