// Published governance figures: bilan à un an du Temps II (Nov. 2024) and portraits des Territoires
// d'industrie (2024), whose chart gives the binômes' industrialists by size and by function.

export const PUBLISHED_GOUVERNANCE = {
  elus: 336,
  industriels: 352,
  /** Company size of the industrialists (% of the 352). */
  taillesPct: { pme: 59, eti: 26, ge: 15 },
  /** Function of the industrialists (% of the 352; « nc »: not communicated, the rest of the chart). */
  fonctionsPct: {
    president: 28,
    dg: 15,
    directeur: 15,
    pdg: 13,
    dirigeant: 7,
    'directeur-site': 7,
    gerant: 4,
    'directeur-usine': 2,
    drh: 1,
    nc: 8,
  },
  chefsDeProjet: 162,
  chefsCofinances: 140,
  /** « 6,7 M€ mobilisés en 2023 et 2024 pour le cofinancement des chefs de projets ». */
  cofinancementEuros: 6_700_000,
  coordinateurs: 15,
  regionsCoordonnees: 14,
  copilLancement: 146,
  copilRegionaux: 12,
  /** The national seminars, by month (the day is not published). */
  seminaires: [
    { mois: '2024-03', titre: "Développer les compétences dans les Territoires d'industrie" },
    { mois: '2024-11', titre: 'Écologie industrielle territoriale' },
  ],
  /** « 220 participants en moyenne chaque mois » to the national webinars. */
  webinaireParticipantsMoyen: 220,
} as const;
