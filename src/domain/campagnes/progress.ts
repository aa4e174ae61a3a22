// Progress of a campaign, per territory, per region and nationally: share of actions reviewed,
// territories signed off, regions validated, and freshness (how long ago each action was last
// confirmed). The server aggregates per territory in SQL (one row per TI, whatever the number of
// actions); these functions classify and roll up, so the rules live here once.

import { addDays, dayOf, dayStart } from './rules';

/** An action is « à jour » when confirmed within the last six months (one campaign). */
export const FRESH_DAYS = 183;
/** Beyond a year (two campaigns missed), its content is « ancienne ». */
export const STALE_DAYS = 365;

export type Freshness = 'a-jour' | 'a-revoir' | 'ancienne' | 'jamais';
export const FRESHNESS_LABELS: Record<Freshness, string> = {
  'a-jour': 'Revue depuis moins de 6 mois',
  'a-revoir': 'Revue il y a 6 à 12 mois',
  ancienne: 'Revue il y a plus d’un an',
  jamais: 'Jamais revue',
};

/** Freshness of one action from the date it was last reviewed. */
export function freshnessOf(lastReviewedAt: Date | null, now: Date): Freshness {
  if (!lastReviewedAt) return 'jamais';
  const day = dayOf(lastReviewedAt);
  if (day > addDays(dayOf(now), -FRESH_DAYS)) return 'a-jour';
  if (day > addDays(dayOf(now), -STALE_DAYS)) return 'a-revoir';
  return 'ancienne';
}

/** The same thresholds as instants, for SQL: reviewed at or after `freshFrom` = à jour, after `staleFrom` = à revoir. */
export function freshnessThresholds(now: Date): { freshFrom: Date; staleFrom: Date } {
  return {
    freshFrom: dayStart(addDays(dayOf(now), 1 - FRESH_DAYS)),
    staleFrom: dayStart(addDays(dayOf(now), 1 - STALE_DAYS)),
  };
}

export interface TerritoryFigures {
  territoire: string;
  nom: string;
  region: string;
  /** Live actions of the territory (not archived). */
  actions: number;
  /** Reviewed in this campaign (confirmed, created or edited since it opened). */
  reviewed: number;
  freshness: Record<Freshness, number>;
  /** Oldest last review among the territory's actions (null when none ever reviewed). */
  oldestReview: string | null;
  signedOffAt: Date | null;
  sentBackAt: Date | null;
  sentBackComment: string | null;
}

export type TerritoryStatus = 'a-faire' | 'en-cours' | 'revue-terminee' | 'signe' | 'renvoye' | 'valide';
export const TERRITORY_STATUS_LABELS: Record<TerritoryStatus, string> = {
  'a-faire': 'Non commencée',
  'en-cours': 'Revue en cours',
  'revue-terminee': 'Revue terminée, à signer',
  signe: 'Signée',
  renvoye: 'Renvoyée par la région',
  valide: 'Validée par la région',
};

export function territoryStatus(t: TerritoryFigures, regionValidated: boolean): TerritoryStatus {
  if (t.signedOffAt && regionValidated) return 'valide';
  if (t.signedOffAt) return 'signe';
  if (t.sentBackAt) return 'renvoye';
  if (t.actions > 0 && t.reviewed >= t.actions) return 'revue-terminee';
  return t.reviewed > 0 ? 'en-cours' : 'a-faire';
}

/** Share in [0, 1], rounded to 0.1 %; an empty denominator counts as done (nothing to review). */
export const share = (part: number, whole: number): number =>
  whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000;

export interface Totals {
  territoires: number;
  territoiresSignes: number;
  actions: number;
  actionsRevues: number;
  partRevue: number;
  partSignee: number;
  fraicheur: Record<Freshness, number>;
}

const emptyFreshness = (): Record<Freshness, number> => ({
  'a-jour': 0,
  'a-revoir': 0,
  ancienne: 0,
  jamais: 0,
});

function totalsOf(list: readonly TerritoryFigures[]): Totals {
  const fraicheur = emptyFreshness();
  let actions = 0;
  let reviewed = 0;
  let signed = 0;
  for (const t of list) {
    actions += t.actions;
    reviewed += Math.min(t.reviewed, t.actions);
    if (t.signedOffAt) signed++;
    for (const k of Object.keys(fraicheur) as Freshness[]) fraicheur[k] += t.freshness[k];
  }
  return {
    territoires: list.length,
    territoiresSignes: signed,
    actions,
    actionsRevues: reviewed,
    partRevue: share(reviewed, actions),
    partSignee: share(signed, list.length),
    fraicheur,
  };
}

export interface RegionProgress extends Totals {
  region: string;
  nom: string;
  validatedAt: Date | null;
}

export interface CampaignProgress {
  national: Totals & { regions: number; regionsValidees: number; partValidee: number };
  regions: RegionProgress[];
  territoires: (TerritoryFigures & { statut: TerritoryStatus; partRevue: number })[];
}

/** Rolls territory figures up to regions and the nation. Regions are those having territories in the campaign. */
export function rollUpProgress(
  territories: readonly TerritoryFigures[],
  regions: ReadonlyMap<string, { nom: string; validatedAt: Date | null }>,
): CampaignProgress {
  const byRegion = new Map<string, TerritoryFigures[]>();
  for (const t of territories) byRegion.set(t.region, [...(byRegion.get(t.region) ?? []), t]);
  const regionList: RegionProgress[] = [...byRegion.entries()]
    .map(([code, list]) => ({
      region: code,
      nom: regions.get(code)?.nom ?? code,
      validatedAt: regions.get(code)?.validatedAt ?? null,
      ...totalsOf(list),
    }))
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  const validated = regionList.filter((r) => r.validatedAt).length;
  return {
    national: {
      ...totalsOf(territories),
      regions: regionList.length,
      regionsValidees: validated,
      partValidee: share(validated, regionList.length),
    },
    regions: regionList,
    territoires: [...territories]
      .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
      .map((t) => ({
        ...t,
        statut: territoryStatus(t, Boolean(regions.get(t.region)?.validatedAt)),
        partRevue: share(Math.min(t.reviewed, t.actions), t.actions),
      })),
  };
}
