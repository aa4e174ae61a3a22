// The programme's published figures on its territories (« Portrait(s) des territoires au lancement
// du Temps II », ANCT, March 2024; employment source ACOSS-URSSAF 2022, population INSEE), kept to
// be shown beside the figures computed from the data, and to check that the data gives them back.

export const PUBLICATION = 'Portrait(s) des territoires au lancement du Temps II (ANCT, mars 2024)';

export const PUBLISHED_FIGURES = {
  tempsII: {
    territoires: 183,
    intercommunalites: 630,
    regions: 18,
    population: 40_200_000,
    salaries: 11_400_000,
    salariesIndustrie: 2_000_000,
    partIndustrie: 18.1,
  },
  tempsI: {
    territoires: 149,
    intercommunalites: 553,
    population: 30_000_000,
    salariesIndustrie: 1_700_000,
    partIndustrie: 15.3,
  },
  france: {
    population: 67_400_000,
    intercommunalites: 1255,
    salaries: 19_800_000,
    salariesIndustrie: 3_100_000,
    partIndustrie: 15.8,
  },
  /**
   * Shares of France's jobs lying in the TI of Temps II, in %. (The publication also prints a 59 %
   * beside the population, whose base it does not state: 40.2 / 67.4 would be 60 %; left out.)
   */
  partsDeLaFrance: { salaries: 58, salariesIndustrie: 66 },
  /** Year of the published employment figures. */
  anneeEmploi: 2022,
} as const;

/** Share (in %) of a national total lying in the territories; null when not computable. */
export function shareOfFrance(territories: number | null, france: number | null): number | null {
  if (territories === null || france === null || france <= 0) return null;
  return (territories / france) * 100;
}
