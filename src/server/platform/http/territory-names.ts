import { notFound } from './errors';

// The names of the TI and regions a dataset is served with: references in answers (`{ id, nom }`,
// `{ code, nom }`; an unknown code keeps its code as its name), and the scope of a figures route —
// France, one region or one TI — checked (a French 404 otherwise) and described (`perimetre`).

export interface ScopeNames {
  territoires: Map<string, string>;
  regions: Map<string, string>;
}

export interface StatsScope {
  region?: string;
  territoire?: string;
}

/** `{ id, nom }` of a TI. */
export const territoryRef = (names: ScopeNames, id: string) => ({ id, nom: names.territoires.get(id) ?? id });

/** `{ code, nom }` of a region. */
export const regionRef = (names: ScopeNames, code: string) => ({
  code,
  nom: names.regions.get(code) ?? code,
});

/** Whether an item lies in the scope (a scope without region nor TI holds everything). */
export const inScope = (item: { reg: string | null; tiId: string | null }, scope: StatsScope) =>
  (!scope.region || item.reg === scope.region) && (!scope.territoire || item.tiId === scope.territoire);

/** Throws a French 404 for a territory or a region the dataset does not know. */
export function checkScope(names: ScopeNames, scope: StatsScope): void {
  if (scope.territoire && !names.territoires.has(scope.territoire))
    throw notFound(`Territoire d'industrie inconnu : « ${scope.territoire} ».`);
  if (scope.region && !names.regions.has(scope.region))
    throw notFound(`Région inconnue : « ${scope.region} ».`);
}

/** The `perimetre` of a figures answer: its level, code and name (the TI wins over the region). */
export function perimeterOf(names: ScopeNames, scope: StatsScope) {
  const niveau = scope.territoire ? 'territoire' : scope.region ? 'region' : 'national';
  return {
    niveau,
    code: scope.territoire ?? scope.region ?? 'FR',
    nom: scope.territoire
      ? (names.territoires.get(scope.territoire) ?? scope.territoire)
      : scope.region
        ? (names.regions.get(scope.region) ?? scope.region)
        : 'France',
  } as const;
}
