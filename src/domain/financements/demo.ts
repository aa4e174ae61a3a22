// Demonstration laureates and Rebond missions, calibrated so that their aggregation gives back the
// published figures exactly (see published.ts): counts, sums in euros, jobs, shares, and the number of
// distinct TI and départements where Fonds vert laureates are. Deterministic for a given seed and
// territory list (the list is sorted by id first, so its order does not matter).

import { adjustToTotal, apportion, skewedWeight } from '../shared/calibration';
import { createRandom, type Random } from '../shared/random';
import { type DemoCommune, type DemoTerritory, pickCommune } from '../territoires/places';
import { anctStudyTitle, companyName, projectTitle, rebondProjectTitle } from './demo-wording';
import { PUBLISHED_FONDS_VERT, PUBLISHED_INGENIERIE_ANCT, PUBLISHED_REBOND } from './published';
import type { Laureate, RebondMission } from './types';
import { FILIERES, type FiliereCode } from './vocabulary';

export interface DemoFinancementsInput {
  territories: readonly DemoTerritory[];
  seed?: number;
  /** The TI's actions, when known: each laureate is then linked to an action of its TI it serves. */
  actions?: readonly DemoActionRef[];
}

/** What the generator needs of an action to link a laureate to it. */
export interface DemoActionRef {
  id: string;
  tiId: string;
  axe?: string | null;
}

export interface DemoFinancements {
  laureates: Laureate[];
  missions: RebondMission[];
}

/** Number of ANCT engineering missions in the demonstration (the programme publishes only the 2 M€). */
export const DEMO_ANCT_MISSIONS = 28;

export function generateDemoFinancements({
  territories,
  seed = 8_2024,
  actions = [],
}: DemoFinancementsInput): DemoFinancements {
  const random = createRandom(seed);
  const sorted = [...territories].sort((a, b) => a.id.localeCompare(b.id));
  const fondsVert = generateFondsVert(random, sorted);
  const { missions, laureates: rebond } = generateRebond(random, sorted);
  const anct = generateAnctEngineering(random, sorted);
  const laureates = [...fondsVert, ...rebond, ...anct];
  linkActions(createRandom(seed ^ 0x5eed), laureates, actions);
  return { laureates, missions };
}

/** The axis an action should have to be served by a laureate of each scheme, when the TI has one. */
const PREFERRED_AXE: Record<Laureate['dispositif'], string | null> = {
  'fonds-vert': 'transition',
  'rebond-industriel': null,
  'ingenierie-anct': null,
  'ingenierie-rebond': null,
};

/**
 * Links each laureate to one action of its TI, of the preferred axis when there is one. A separate
 * random stream keeps the calibrated figures identical with or without actions.
 */
function linkActions(random: Random, laureates: Laureate[], actions: readonly DemoActionRef[]): void {
  if (actions.length === 0) return;
  const byTi = new Map<string, DemoActionRef[]>();
  for (const a of [...actions].sort((x, y) => x.id.localeCompare(y.id))) {
    const list = byTi.get(a.tiId) ?? [];
    list.push(a);
    byTi.set(a.tiId, list);
  }
  for (const laureate of laureates) {
    const own = laureate.tiId ? (byTi.get(laureate.tiId) ?? []) : [];
    if (own.length === 0) continue;
    const preferred = own.filter((a) => a.axe === PREFERRED_AXE[laureate.dispositif]);
    laureate.actionIds = [random.pick(preferred.length > 0 ? preferred : own).id];
  }
}

interface Placement {
  territory: DemoTerritory;
  commune: DemoCommune;
}

/**
 * Chooses where the Fonds vert laureates are: exactly `territoryCount` TI and `depCount` départements.
 * First, territories are taken one by one, each bringing one département not yet covered, until the
 * départements are all there; then more territories are taken among those with communes in the covered
 * départements, and their laureates stay in those départements.
 */
function placeFondsVert(
  random: Random,
  territories: readonly DemoTerritory[],
  laureateCount: number,
): Placement[] {
  const { territoires: territoryCount, departements: depCount } = PUBLISHED_FONDS_VERT;
  const order = random.shuffle(territories.filter((t) => t.communes.length > 0));
  const covered = new Set<string>();
  const chosen: { territory: DemoTerritory; first: DemoCommune }[] = [];
  for (const territory of order) {
    if (covered.size >= depCount) break;
    const fresh = territory.communes.filter((c) => !covered.has(c.dep));
    if (fresh.length === 0) continue;
    const first = pickCommune(random, fresh);
    covered.add(first.dep);
    chosen.push({ territory, first });
  }
  const rest = order.filter(
    (t) => !chosen.some((c) => c.territory === t) && t.communes.some((c) => covered.has(c.dep)),
  );
  if (
    covered.size < depCount ||
    chosen.length + rest.length < territoryCount ||
    chosen.length > territoryCount
  )
    throw new Error(
      `Données de démonstration : impossible de placer les lauréats dans ${territoryCount} TI et ${depCount} départements.`,
    );
  for (const territory of rest.slice(0, territoryCount - chosen.length)) {
    const first = pickCommune(
      random,
      territory.communes.filter((c) => covered.has(c.dep)),
    );
    chosen.push({ territory, first });
  }
  // One laureate per territory, then the others where there is more industry (larger territories).
  const extra = laureateCount - chosen.length;
  const weights = chosen.map((c) =>
    Math.sqrt(c.territory.communes.reduce((s, k) => s + k.population, 0) + 1),
  );
  const perTerritory = chosen.map(() => 1);
  for (let k = 0; k < extra; k++) perTerritory[random.weighted(weights)]! += 1;
  const placements: Placement[] = [];
  chosen.forEach((c, i) => {
    placements.push({ territory: c.territory, commune: c.first });
    const allowed = c.territory.communes.filter((k) => covered.has(k.dep));
    for (let n = 1; n < perTerritory[i]!; n++)
      placements.push({ territory: c.territory, commune: pickCommune(random, allowed) });
  });
  return placements;
}

/** The count whose share of `total`, rounded to the unit, is `pct` (the rounding of the quota). */
export const countForPercent = (pct: number, total: number): number => Math.round((pct * total) / 100);

function generateFondsVert(random: Random, territories: readonly DemoTerritory[]): Laureate[] {
  const p = PUBLISHED_FONDS_VERT;
  const placements = random.shuffle(placeFondsVert(random, territories, p.laureats));
  const n = placements.length;

  // Filières: the published shares, apportioned and shuffled.
  const shares = FILIERES.map((f) => p.filieresPct[f.code]);
  const filieres = random.shuffle(
    apportion(n, shares).flatMap((count, i) =>
      Array.from({ length: count }, () => FILIERES[i]!.code as FiliereCode),
    ),
  );

  // Contributions: every circular-economy project contributes to the circular economy, others complete.
  const circularTarget = countForPercent(p.economieCirculairePct, n);
  const circular = filieres.map((f) => f === 'economie-circulaire');
  const others = random.shuffle(circular.map((c, i) => (c ? -1 : i)).filter((i) => i >= 0));
  for (const i of others.slice(0, Math.max(0, circularTarget - circular.filter(Boolean).length)))
    circular[i] = true;
  const climateSet = new Set(
    random.shuffle(placements.map((_, i) => i)).slice(0, countForPercent(p.attenuationClimatPct, n)),
  );

  // Amounts, in thousands of euros: grants skewed, investment a varied multiple of the grant.
  const grantWeights = placements.map(() => skewedWeight(random, 1.6));
  const grants = apportion(p.subventionsEuros / 1000, grantWeights).map((k) => k * 1000);
  const investWeights = grantWeights.map((w) => w * (4 + 26 * random.next()));
  const investments = apportion(p.investissementsEuros / 1000, investWeights).map((k) => k * 1000);

  // Jobs follow investment, with noise; conditioned jobs are a varied part of each project's jobs.
  const jobs = apportion(
    p.emploisPrevus,
    investments.map((inv) => inv ** 0.8 * skewedWeight(random, 0.8)),
  );
  const conditionedStart = jobs.map((j) => Math.round(j * (0.2 + 0.6 * random.next())));
  const conditioned = adjustToTotal(
    conditionedStart,
    p.emploisConditionnes,
    { min: () => 0, max: (i) => jobs[i]! },
    random,
  );

  return placements.map((place, i) => ({
    id: `demo-fv-${String(i + 1).padStart(3, '0')}`,
    dispositif: 'fonds-vert',
    beneficiaire: companyName(random, place.commune.nom, filieres[i]),
    siren: null,
    projet: projectTitle(random, filieres[i]!),
    communeInsee: place.commune.insee,
    communeNom: place.commune.nom,
    dep: place.commune.dep,
    reg: place.commune.reg ?? place.territory.regionCode,
    tiId: place.territory.id,
    horsTi: false,
    subventionEuros: grants[i]!,
    investissementEuros: investments[i]!,
    emploisPrevus: jobs[i]!,
    emploisConditionnes: conditioned[i]!,
    filiere: filieres[i]!,
    attenuationClimat: climateSet.has(i),
    economieCirculaire: circular[i]!,
    annee: p.annee,
    missionId: null,
    actionIds: [],
    demo: true,
  }));
}

function generateRebond(
  random: Random,
  territories: readonly DemoTerritory[],
): { missions: RebondMission[]; laureates: Laureate[] } {
  const p = PUBLISHED_REBOND;
  const chosen = random.shuffle(territories.filter((t) => t.communes.length > 0)).slice(0, p.missions);
  if (chosen.length < p.missions) throw new Error('Données de démonstration : pas assez de territoires.');
  // Envelopes in steps of 100 k€ (the published ones read 1.5 M€ and 2 M€); engineering in steps of 5 k€.
  const envelopes = apportion(
    p.subventionsEuros / 100_000,
    chosen.map(() => 0.5 + random.next() * 1.5),
  ).map((k) => k * 100_000);
  const engineering = apportion(
    p.ingenierieEuros / 5000,
    chosen.map(() => 0.8 + random.next() * 0.4),
  ).map((k) => k * 5000);
  const missions: RebondMission[] = [];
  const laureates: Laureate[] = [];
  chosen.forEach((territory, m) => {
    const id = `demo-rebond-${String(m + 1).padStart(2, '0')}`;
    const companies = random.int(4, 10);
    const grants = apportion(
      envelopes[m]! / 10_000,
      Array.from({ length: companies }, () => skewedWeight(random, 1)),
    ).map((k) => k * 10_000);
    missions.push({
      id,
      tiId: territory.id,
      reg: territory.regionCode,
      nom: `Mission Rebond industriel — ${territory.nom}`,
      annee: 2024,
      entretiens: random.int(35, 70),
      projetsRecenses: random.int(60, 160),
      investissementsRecensesEuros: random.int(300, 2500) * 100_000,
      emploisRecenses: random.int(15, 80) * 10,
      entreprisesSoutenues: companies,
      enveloppeEuros: envelopes[m]!,
      ingenierieEuros: engineering[m]!,
      demo: true,
    });
    grants.forEach((grant, k) => {
      const commune = pickCommune(random, territory.communes);
      laureates.push({
        id: `${id}-${String(k + 1).padStart(2, '0')}`,
        dispositif: 'rebond-industriel',
        beneficiaire: companyName(random, commune.nom),
        siren: null,
        projet: rebondProjectTitle(random),
        communeInsee: commune.insee,
        communeNom: commune.nom,
        dep: commune.dep,
        reg: commune.reg ?? territory.regionCode,
        tiId: territory.id,
        horsTi: false,
        subventionEuros: grant,
        investissementEuros: Math.round((grant * (2.5 + 3 * random.next())) / 10_000) * 10_000,
        emploisPrevus: random.int(2, 40),
        emploisConditionnes: null,
        filiere: null,
        attenuationClimat: null,
        economieCirculaire: null,
        annee: 2024,
        missionId: id,
        actionIds: [],
        demo: true,
      });
    });
  });
  return { missions, laureates };
}

function generateAnctEngineering(random: Random, territories: readonly DemoTerritory[]): Laureate[] {
  const chosen = random
    .shuffle(territories.filter((t) => t.communes.length > 0))
    .slice(0, DEMO_ANCT_MISSIONS);
  const amounts = apportion(
    PUBLISHED_INGENIERIE_ANCT.euros / 1000,
    chosen.map(() => 0.6 + random.next()),
  ).map((k) => k * 1000);
  return chosen.map((territory, i) => {
    const seat = [...territory.communes].sort((a, b) => b.population - a.population)[0]!;
    const groupement = territory.groupements?.length ? random.pick(territory.groupements).nom : null;
    return {
      id: `demo-anct-${String(i + 1).padStart(2, '0')}`,
      dispositif: 'ingenierie-anct',
      beneficiaire: groupement ?? `Territoire d'industrie ${territory.nom}`,
      siren: null,
      projet: anctStudyTitle(random),
      communeInsee: seat.insee,
      communeNom: seat.nom,
      dep: seat.dep,
      reg: seat.reg ?? territory.regionCode,
      tiId: territory.id,
      horsTi: false,
      subventionEuros: amounts[i]!,
      investissementEuros: null,
      emploisPrevus: null,
      emploisConditionnes: null,
      filiere: null,
      attenuationClimat: null,
      economieCirculaire: null,
      annee: random.pick([2023, 2024, 2024]),
      missionId: null,
      actionIds: [],
      demo: true,
    } satisfies Laureate;
  });
}
