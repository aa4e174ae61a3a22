// Demonstration campaigns: the two published ones (Nov. 2023 and Nov. 2024), closed, whose snapshots
// are the demonstration action plans as they stood at those dates (so their figures are exactly the
// published tables), and one campaign in progress so that the dashboards show progress.

import { createRandom } from '../shared/random';
import { addDays, dayOf } from './rules';

export interface DemoClosedCampaign {
  /** Which demo state of the actions the snapshot is (see actions/demo/targets.ts CAMPAIGN_DATES). */
  state: 'nov2023' | 'nov2024';
  nom: string;
  ouverture: string;
  cloture: string;
  /** Day the national team closed it. */
  closedOn: string;
}

export const DEMO_CLOSED_CAMPAIGNS: readonly DemoClosedCampaign[] = [
  {
    state: 'nov2023',
    nom: 'Campagne de novembre 2023',
    ouverture: '2023-10-16',
    cloture: '2023-11-24',
    closedOn: '2023-11-30',
  },
  {
    state: 'nov2024',
    nom: 'Campagne de novembre 2024',
    ouverture: '2024-10-14',
    cloture: '2024-11-22',
    closedOn: '2024-11-30',
  },
];

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** The campaign in progress, dated around `today`: opened three weeks ago, closing in four weeks. */
export function demoOpenCampaign(today: Date): { nom: string; ouverture: string; cloture: string } {
  const ouverture = addDays(dayOf(today), -21);
  const [y, m] = ouverture.split('-').map(Number) as [number, number];
  return { nom: `Campagne de ${MONTHS[m - 1]} ${y}`, ouverture, cloture: addDays(dayOf(today), 28) };
}

export interface DemoReviewPlan {
  /** Actions reviewed, by territory. */
  reviewed: Map<string, string[]>;
  /** Territories that signed off (all their actions reviewed). */
  signedOff: string[];
  /** Regions whose every territory signed off and that the coordinator validated. */
  validatedRegions: string[];
}

/**
 * Who has done what in the campaign in progress: about a quarter of the territories have finished
 * and signed off, most are half-way, some have not started. Deterministic (seeded).
 */
export function planDemoReviews(
  territories: readonly { id: string; region: string; actions: readonly string[] }[],
  seed = 2025_05,
): DemoReviewPlan {
  const rng = createRandom(seed);
  const reviewed = new Map<string, string[]>();
  const signedOff: string[] = [];
  const sorted = [...territories].sort((a, b) => a.id.localeCompare(b.id));
  for (const t of sorted) {
    const r = rng.next();
    const shareDone = r < 0.25 ? 1 : r < 0.85 ? rng.next() * 0.9 : 0;
    const ids = [...t.actions].sort();
    const count = shareDone === 1 ? ids.length : Math.floor(ids.length * shareDone);
    reviewed.set(t.id, rng.shuffle(ids).slice(0, count));
    if (shareDone === 1) signedOff.push(t.id);
  }
  // A region is validated when all its territories have signed off; with one small region forced so
  // that the demo shows a validated region.
  const byRegion = new Map<string, string[]>();
  for (const t of sorted) byRegion.set(t.region, [...(byRegion.get(t.region) ?? []), t.id]);
  const signed = new Set(signedOff);
  const smallest = [...byRegion.entries()].sort(
    (a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]),
  )[0];
  if (smallest) {
    for (const id of smallest[1]) {
      if (!signed.has(id)) {
        signed.add(id);
        signedOff.push(id);
        reviewed.set(id, [...(territories.find((t) => t.id === id)?.actions ?? [])].sort());
      }
    }
  }
  const validatedRegions = [...byRegion.entries()]
    .filter(
      ([code, ids]) => ids.every((id) => signed.has(id)) && (code === smallest?.[0] || rng.next() < 0.5),
    )
    .map(([code]) => code)
    .sort();
  return { reviewed, signedOff: signedOff.sort(), validatedRegions };
}
