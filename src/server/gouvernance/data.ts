import type { Actor } from '../../domain/comptes/policy';
import {
  canSeeContacts,
  eventKindLabel,
  fonctionLabel,
  type Gouvernance,
  type GovernanceEvent,
  gouvernanceFigures,
  memberKindLabel,
  type Person,
  PUBLISHED_GOUVERNANCE,
  summarizeGouvernance,
  tailleLabel,
  type Viewer,
} from '../../domain/gouvernance';
import type { AppContext } from '../platform/context';
import { type DatasetCache, datasetCache } from '../platform/http/dataset-cache';
import { perimeterOf, regionRef, territoryRef } from '../platform/http/territory-names';
import { loadNames } from '../territoires/places';
import { readGouvernance } from './store';

// The governance as the API serves it. Names, roles and organisations are public; e-mail and phone
// only go to signed-in users the domain's privacy rules entitle (src/domain/gouvernance/privacy.ts).

export interface GouvernanceData extends Gouvernance {
  territoires: Map<string, string>;
  regions: Map<string, string>;
}

export const gouvernanceCache = (ctx: AppContext): DatasetCache<GouvernanceData> =>
  datasetCache(ctx, 'gouvernance', loadGouvernance);

async function loadGouvernance(ctx: AppContext): Promise<GouvernanceData> {
  const [g, names] = await Promise.all([readGouvernance(ctx.db), loadNames(ctx.db)]);
  return { ...g, ...names };
}

/** The privacy viewers of an actor: one per grant (an actor may hold several roles). */
export function viewersOf(actor: Actor): Viewer[] {
  if (actor.userId === null) return [];
  return actor.grants.map((g): Viewer => {
    switch (g.role) {
      case 'national':
        return { role: 'national' };
      case 'regional':
        return { role: 'regional', regionCodes: [g.region] };
      case 'territorial':
        return { role: 'territorial', tiIds: [g.territoire] };
      default:
        return { role: 'partner' };
    }
  });
}

export const seesContacts = (viewers: readonly Viewer[], person: Person) =>
  viewers.some((v) => canSeeContacts(v, person));

/** The contact block of a person: present only for entitled viewers, never an empty promise. */
function contact(viewers: readonly Viewer[], person: Person) {
  return seesContacts(viewers, person) ? { email: person.email, telephone: person.telephone } : {};
}

const fullName = (p: { prenom: string | null; nom: string }) => (p.prenom ? `${p.prenom} ${p.nom}` : p.nom);

export function presentMember(
  data: GouvernanceData,
  viewers: readonly Viewer[],
  m: Gouvernance['membres'][number],
) {
  return {
    type: 'membre' as const,
    id: m.id,
    role: memberKindLabel(m.kind),
    kind: m.kind,
    prenom: m.prenom,
    nom: m.nom,
    nomComplet: fullName(m),
    territoire: territoryRef(data, m.tiId),
    region: regionRef(data, m.reg),
    mandat: m.mandat,
    collectivite: m.collectivite,
    entreprise: m.entreprise,
    taille: m.taille ? { code: m.taille, libelle: tailleLabel(m.taille) } : null,
    fonction:
      m.kind === 'industriel'
        ? m.fonction === 'autre'
          ? m.fonctionLibelle
          : fonctionLabel(m.fonction)
        : null,
    organisation: m.kind === 'elu' ? m.collectivite : m.entreprise,
    demo: m.demo,
    ...contact(viewers, { type: 'membre', ...m }),
  };
}

export function presentChef(
  data: GouvernanceData,
  viewers: readonly Viewer[],
  c: Gouvernance['chefsDeProjet'][number],
) {
  return {
    type: 'chef-de-projet' as const,
    id: c.id,
    role: 'Chef de projet',
    prenom: c.prenom,
    nom: c.nom,
    nomComplet: fullName(c),
    territoire: territoryRef(data, c.tiId),
    region: regionRef(data, c.reg),
    organisation: c.structure,
    enPosteDepuis: c.enPosteDepuis,
    cofinance: c.cofinance,
    demo: c.demo,
    ...contact(viewers, { type: 'chef-de-projet', ...c }),
  };
}

export function presentCoordinator(
  data: GouvernanceData,
  viewers: readonly Viewer[],
  c: Gouvernance['coordinateurs'][number],
) {
  return {
    type: 'coordinateur' as const,
    id: c.id,
    role: 'Coordinateur régional',
    prenom: c.prenom,
    nom: c.nom,
    nomComplet: fullName(c),
    territoire: null,
    region: regionRef(data, c.reg),
    organisation: c.structure,
    demo: c.demo,
    ...contact(viewers, { type: 'coordinateur', ...c }),
  };
}

export function presentEvent(data: GouvernanceData, e: GovernanceEvent) {
  return {
    id: e.id,
    type: { code: e.kind, libelle: eventKindLabel(e.kind) },
    titre: e.titre,
    date: e.date,
    territoire: e.tiId ? territoryRef(data, e.tiId) : null,
    region: e.reg ? regionRef(data, e.reg) : null,
    participants: e.participants,
    organisations: e.organisations,
    demo: e.demo,
  };
}

/** The governance panel of one territory. */
export function territoryGovernance(
  data: GouvernanceData,
  viewers: readonly Viewer[],
  tiId: string,
  reg: string,
) {
  const membres = data.membres.filter((m) => m.tiId === tiId);
  const chefs = data.chefsDeProjet.filter((c) => c.tiId === tiId);
  const coordinateurs = data.coordinateurs.filter((c) => c.reg === reg);
  const evenements = data.evenements.filter((e) => e.tiId === tiId || (e.tiId === null && e.reg === reg));
  return {
    territoire: territoryRef(data, tiId),
    region: regionRef(data, reg),
    binome: {
      elus: membres.filter((m) => m.kind === 'elu').map((m) => presentMember(data, viewers, m)),
      industriels: membres.filter((m) => m.kind === 'industriel').map((m) => presentMember(data, viewers, m)),
    },
    chefsDeProjet: chefs.map((c) => presentChef(data, viewers, c)),
    coordinateurs: coordinateurs.map((c) => presentCoordinator(data, viewers, c)),
    copil: evenements.map((e) => presentEvent(data, e)),
    contactsVisibles:
      viewers.length > 0 &&
      [...membres, ...chefs].some((p) =>
        seesContacts(viewers, 'kind' in p ? { type: 'membre', ...p } : { type: 'chef-de-projet', ...p }),
      ),
    demo: [...membres, ...chefs, ...coordinateurs].some((p) => p.demo) || evenements.some((e) => e.demo),
  };
}

export function gouvernanceStats(data: GouvernanceData, scope: { region?: string; territoire?: string }) {
  const summary = summarizeGouvernance(data);
  const perimetre = perimeterOf(data, scope);
  const niveau = perimetre.niveau;
  const empty = gouvernanceFigures({ membres: [], chefsDeProjet: [], coordinateurs: [], evenements: [] });
  const figures = scope.territoire
    ? (summary.parTi[scope.territoire] ?? empty)
    : scope.region
      ? (summary.parRegion[scope.region] ?? empty)
      : summary.national;
  const rows = (
    byKey: Record<string, ReturnType<typeof gouvernanceFigures>>,
    names: Map<string, string>,
    keep: (k: string) => boolean,
  ) =>
    Object.entries(byKey)
      .filter(([k]) => keep(k))
      .map(([code, f]) => ({
        code,
        nom: names.get(code) ?? code,
        elus: f.elus,
        industriels: f.industriels,
        chefsDeProjet: f.chefsDeProjet,
        chefsCofinances: f.chefsCofinances,
        coordinateurs: f.coordinateurs,
        copilLancement: f.evenements.find((e) => e.kind === 'copil-lancement')?.count ?? 0,
      }));
  return {
    perimetre,
    chiffres: figures,
    parRegion: niveau === 'national' ? rows(summary.parRegion, data.regions, () => true) : [],
    parTerritoire:
      niveau === 'territoire'
        ? []
        : rows(
            summary.parTi,
            data.territoires,
            (k) =>
              !scope.region ||
              data.membres.some((m) => m.tiId === k && m.reg === scope.region) ||
              data.chefsDeProjet.some((c) => c.tiId === k && c.reg === scope.region),
          ),
    publie: niveau === 'national' ? PUBLISHED_GOUVERNANCE : null,
    demo: data.membres.some((m) => m.demo),
  };
}
