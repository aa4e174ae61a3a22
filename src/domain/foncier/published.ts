// Published figures on the 55 sites clés en main France 2030 (bilan à un an du Temps II, Nov. 2024).

export const PUBLISHED_SITES = {
  sites: 55,
  surfaceHa: 2_942,
  /** « 53 ha de surface moyenne labellisée et 39 ha de surface médiane ». */
  surfaceMoyenneHa: 53,
  surfaceMedianeHa: 39,
  maturites: { pret: 6, 'court-terme': 25, 'avant-2030': 24 },
  recyclageFoncier: 30,
  /** « soit plus de 1 000 ha au total » for the sites in land recycling. */
  recyclageFoncierHaMin: 1_000,
  /** « 88 % des ateliers d'accompagnement ont eu lieu ». */
  ateliersTenusPct: 88,
  feuillesDeRoute: 30,
} as const;

/**
 * The need for industrial land the Banque des Territoires quotes (« 22 000 hectares de foncier
 * industriel », bilan 2024). The demonstration spreads it over the territories' land needs; it is a
 * national estimate, not a sum of the TI's plans.
 */
export const PUBLISHED_BESOIN_FONCIER_HA = 22_000;
