// Demonstration governance calibrated on the published figures (published.ts): 336 élus and 352
// industriels in the binômes with the published size and function shares, 162 chefs de projet of whom
// 140 co-financed for 6.7 M€, 15 coordinators in 14 regions, 146 launch COPIL, 12 regional COPIL, two
// national seminars and monthly webinars with 220 participants on average. Deterministic.

import { companyName } from '../financements/demo-wording';
import { apportion, skewedWeight } from '../shared/calibration';
import { emailLocalPart, fictionalPhone, ofPlace, type PersonName, personName } from '../shared/demo-names';
import { createRandom, type Random } from '../shared/random';
import { type DemoTerritory, mainCommune, pickCommune } from '../territoires/places';
import { PUBLISHED_GOUVERNANCE } from './published';
import type { BinomeMember, ChefDeProjet, Coordinator, Gouvernance, GovernanceEvent } from './types';
import type { FonctionCode } from './vocabulary';

export interface DemoGouvernanceInput {
  territories: readonly DemoTerritory[];
  seed?: number;
}

/** Demonstration addresses use a reserved top-level domain: they can never reach anyone. */
export const DEMO_EMAIL_DOMAIN = 'demo.invalid';

const P = PUBLISHED_GOUVERNANCE;

export function generateDemoGouvernance({ territories, seed = 8_0336 }: DemoGouvernanceInput): Gouvernance {
  const random = createRandom(seed);
  const sorted = [...territories]
    .filter((t) => t.communes.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
  if (sorted.length < P.copilLancement || sorted.length < P.chefsDeProjet)
    throw new Error(
      `Données de démonstration : ${sorted.length} territoires, il en faut au moins ${P.chefsDeProjet}.`,
    );
  const chefsDeProjet = generateChefs(random, sorted);
  const membres = generateMembers(random, sorted);
  const coordinateurs = generateCoordinators(random, sorted);
  return {
    membres,
    chefsDeProjet,
    coordinateurs,
    evenements: generateEvents(random, sorted, chefsDeProjet, coordinateurs),
  };
}

const contact = (random: Random, name: PersonName) => ({
  email: `${emailLocalPart(name.prenom, name.nom)}@${DEMO_EMAIL_DOMAIN}`,
  telephone: fictionalPhone(random).replace(/ /g, ''),
});

/** How many members of one kind each territory has: at least one, at most three, `total` in all. */
function membersPerTerritory(random: Random, territories: readonly DemoTerritory[], total: number): number[] {
  const counts = territories.map(() => 1);
  const weights = territories.map((t) => Math.max(1, t.groupements?.length ?? 1) * skewedWeight(random, 0.5));
  for (let k = territories.length; k < total; k++) {
    let i: number;
    do i = random.weighted(weights);
    while (counts[i]! >= 3);
    counts[i]! += 1;
  }
  return counts;
}

/** Shuffled list of codes with the published shares (largest remainder). */
function codesWithShares<C extends string>(random: Random, total: number, pct: Record<C, number>): C[] {
  const codes = Object.keys(pct) as C[];
  const counts = apportion(
    total,
    codes.map((c) => pct[c]),
  );
  return random.shuffle(codes.flatMap((c, i) => Array.from({ length: counts[i]! }, () => c)));
}

const feminine = (name: PersonName, m: string, f: string) => (name.genre === 'f' ? f : m);

function eluMandate(random: Random, territory: DemoTerritory, name: PersonName, first: boolean) {
  const groupement = territory.groupements?.length ? random.pick(territory.groupements).nom : null;
  const commune = pickCommune(random, territory.communes);
  // The first élu of a territory usually presides an intercommunalité; the others vary.
  const choice = first && groupement ? 0 : random.int(0, groupement ? 2 : 1);
  if (choice === 0 && groupement)
    return {
      mandat: `${feminine(name, 'Président', 'Présidente')} de la ${groupement}`,
      collectivite: groupement,
    };
  if (choice === 2 && groupement)
    return {
      mandat: `${feminine(name, 'Vice-président', 'Vice-présidente')} chargé${name.genre === 'f' ? 'e' : ''} du développement économique`,
      collectivite: groupement,
    };
  return { mandat: `Maire ${ofPlace(commune.nom)}`, collectivite: commune.nom };
}

function generateMembers(random: Random, territories: readonly DemoTerritory[]): BinomeMember[] {
  const elus = membersPerTerritory(random, territories, P.elus);
  const industriels = membersPerTerritory(random, territories, P.industriels);
  const tailles = codesWithShares(random, P.industriels, P.taillesPct);
  const fonctions = codesWithShares(random, P.industriels, P.fonctionsPct);
  const members: BinomeMember[] = [];
  let industrialIndex = 0;
  territories.forEach((territory, t) => {
    for (let k = 0; k < elus[t]!; k++) {
      const name = personName(random, 0.3);
      members.push({
        id: `demo-elu-${territory.id}-${k + 1}`,
        tiId: territory.id,
        reg: territory.regionCode,
        kind: 'elu',
        prenom: name.prenom,
        nom: name.nom,
        ...contact(random, name),
        ...eluMandate(random, territory, name, k === 0),
        entreprise: null,
        taille: null,
        fonction: null,
        fonctionLibelle: null,
        demo: true,
      });
    }
    for (let k = 0; k < industriels[t]!; k++) {
      const name = personName(random, 0.2);
      const fonction = fonctions[industrialIndex]!;
      const taille = tailles[industrialIndex]!;
      industrialIndex++;
      members.push({
        id: `demo-industriel-${territory.id}-${k + 1}`,
        tiId: territory.id,
        reg: territory.regionCode,
        kind: 'industriel',
        prenom: name.prenom,
        nom: name.nom,
        ...contact(random, name),
        mandat: null,
        collectivite: null,
        entreprise: companyName(random, pickCommune(random, territory.communes).nom),
        taille,
        fonction: fonction === 'nc' ? null : (fonction as FonctionCode),
        fonctionLibelle: null,
        demo: true,
      });
    }
  });
  return members;
}

const isoDate = (random: Random, from: string, to: string): string => {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return new Date(start + random.int(0, Math.round((end - start) / 86_400_000)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
};

function generateChefs(random: Random, territories: readonly DemoTerritory[]): ChefDeProjet[] {
  const withChef = random.shuffle(territories).slice(0, P.chefsDeProjet);
  const cofinanced = new Set(random.shuffle(withChef.map((t) => t.id)).slice(0, P.chefsCofinances));
  // The 6.7 M€ over the 140 co-financed posts, in steps of 500 € (about 48 k€ each over two years).
  const amounts = apportion(
    P.cofinancementEuros / 500,
    [...cofinanced].map(() => 0.7 + 0.6 * random.next()),
  ).map((k) => k * 500);
  const amountOf = new Map([...cofinanced].map((id, i) => [id, amounts[i]!]));
  return withChef
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((territory) => {
      const name = personName(random, 0.6);
      const structure = territory.groupements?.length
        ? random.pick(territory.groupements).nom
        : `Agence de développement économique ${ofPlace(mainCommune(territory).nom)}`;
      return {
        id: `demo-chef-${territory.id}`,
        tiId: territory.id,
        reg: territory.regionCode,
        prenom: name.prenom,
        nom: name.nom,
        ...contact(random, name),
        structure,
        enPosteDepuis:
          random.next() < 0.75
            ? isoDate(random, '2023-06-01', '2024-10-31')
            : isoDate(random, '2019-03-01', '2023-05-31'),
        cofinance: cofinanced.has(territory.id),
        cofinancementEtatEuros: amountOf.get(territory.id) ?? null,
        demo: true,
      };
    });
}

const COORDINATOR_STRUCTURES = ['Préfecture de région (SGAR)', 'Conseil régional', 'DREETS'] as const;

/**
 * 15 coordinators in 14 regions: the regions are taken metropolitan first, then by number of TI; the
 * region with the most TI has two coordinators.
 */
function generateCoordinators(random: Random, territories: readonly DemoTerritory[]): Coordinator[] {
  const tiCount = new Map<string, number>();
  for (const t of territories) tiCount.set(t.regionCode, (tiCount.get(t.regionCode) ?? 0) + 1);
  const overseas = (code: string) => code.length === 2 && code < '10';
  const regions = [...tiCount.keys()]
    .sort(
      (a, b) =>
        Number(overseas(a)) - Number(overseas(b)) || tiCount.get(b)! - tiCount.get(a)! || a.localeCompare(b),
    )
    .slice(0, P.regionsCoordonnees);
  const busiest = [...regions].sort((a, b) => tiCount.get(b)! - tiCount.get(a)! || a.localeCompare(b))[0]!;
  const seats = [...regions, busiest].slice(0, P.coordinateurs).sort();
  return seats.map((reg, i) => {
    const name = personName(random, 0.55);
    return {
      id: `demo-coordinateur-${reg}-${seats.slice(0, i).filter((r) => r === reg).length + 1}`,
      reg,
      prenom: name.prenom,
      nom: name.nom,
      ...contact(random, name),
      structure: random.pick(COORDINATOR_STRUCTURES),
      demo: true,
    };
  });
}

const PARTNERS = [
  'Préfecture',
  'Conseil régional',
  'Conseil départemental',
  'Banque des Territoires',
  'Bpifrance',
  'ADEME',
  'France Travail',
  'Business France',
  "Chambre de commerce et d'industrie",
  'DREETS',
  'Action Logement',
  'Cerema',
] as const;

function generateEvents(
  random: Random,
  territories: readonly DemoTerritory[],
  chefs: readonly ChefDeProjet[],
  coordinators: readonly Coordinator[],
): GovernanceEvent[] {
  const events: GovernanceEvent[] = [];
  // Launch COPIL: where a chef de projet is in post, first (they organise them).
  const withChef = new Set(chefs.map((c) => c.tiId));
  const candidates = [
    ...random.shuffle(territories.filter((t) => withChef.has(t.id))),
    ...random.shuffle(territories.filter((t) => !withChef.has(t.id))),
  ].slice(0, P.copilLancement);
  for (const territory of candidates.sort((a, b) => a.id.localeCompare(b.id))) {
    const organisations = [
      ...(territory.groupements ?? []).map((g) => g.nom),
      ...random.shuffle(PARTNERS).slice(0, random.int(4, 8)),
    ];
    events.push({
      id: `demo-copil-lancement-${territory.id}`,
      kind: 'copil-lancement',
      titre: `COPIL de lancement du Territoire d'industrie ${territory.nom}`,
      date: isoDate(random, '2023-11-15', '2024-10-31'),
      tiId: territory.id,
      reg: territory.regionCode,
      participants: random.int(15, 70),
      organisations,
      demo: true,
    });
  }
  // Regional COPIL are held where a coordinator runs the regional network.
  const regions = [...new Set(coordinators.map((c) => c.reg))].sort();
  const regionalOnes = random.shuffle(regions).slice(0, P.copilRegionaux).sort();
  const regionalPartners = PARTNERS.filter((p) => p !== 'Préfecture' && p !== 'Conseil régional');
  for (const reg of regionalOnes)
    events.push({
      id: `demo-copil-regional-${reg}`,
      kind: 'copil-regional',
      titre: "COPIL régional Territoires d'industrie",
      date: isoDate(random, '2024-01-15', '2024-11-15'),
      tiId: null,
      reg,
      participants: random.int(25, 80),
      organisations: [
        'Préfecture de région',
        'Conseil régional',
        ...random.shuffle(regionalPartners).slice(0, 5),
      ],
      demo: true,
    });
  P.seminaires.forEach((seminar, i) => {
    events.push({
      id: `demo-seminaire-${i + 1}`,
      kind: 'seminaire-national',
      titre: seminar.titre,
      date: `${seminar.mois}-${String(random.int(10, 27)).padStart(2, '0')}`,
      tiId: null,
      reg: null,
      participants: random.int(120, 200),
      organisations: ['ANCT', 'DGE', "Chefs de projet Territoires d'industrie", 'Coordinateurs régionaux'],
      demo: true,
    });
  });
  // Monthly webinars from December 2023 to November 2024, averaging exactly the published 220.
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(2023, 11 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  const attendance = apportion(
    P.webinaireParticipantsMoyen * months.length,
    months.map(() => 0.8 + 0.4 * random.next()),
  );
  months.forEach((month, i) => {
    events.push({
      id: `demo-webinaire-${month}`,
      kind: 'webinaire-national',
      titre: random.pick(WEBINAR_TOPICS),
      date: `${month}-${String(random.int(5, 25)).padStart(2, '0')}`,
      tiId: null,
      reg: null,
      participants: attendance[i]!,
      organisations: ['ANCT', 'DGE'],
      demo: true,
    });
  });
  return events;
}

const WEBINAR_TOPICS = [
  "L'offre de services du programme",
  "Le Fonds vert « Territoires d'industrie en transition écologique »",
  'Les sites clés en main France 2030',
  "France Travail dans les Territoires d'industrie",
  "L'ingénierie de l'ANCT",
  'Le volontariat territorial en entreprise (VTE)',
  'Mettre à jour son plan d’action',
  "L'écologie industrielle et territoriale",
] as const;
