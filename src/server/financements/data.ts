import {
  DISPOSITIFS,
  dispositifLabel,
  FILIERES,
  filiereLabel,
  type Laureate,
  laureateFigures,
  missionFigures,
  PUBLISHED_FONDS_VERT,
  PUBLISHED_REBOND,
  type RebondMission,
} from '../../domain/financements';
import { normalizeText } from '../../domain/shared/text';
import type { AppContext } from '../platform/context';
import { cacheFor, DatasetCache } from './dataset-cache';
import { loadNames } from './places';
import { type CommunePoints, communePoints, pointCollection } from './points';
import { readLaureates, readMissions } from './store';

// The laureates and Rebond missions as the API serves them: loaded once per instance, filtered,
// summarised and drawn from memory.

export interface FinancementsData {
  laureates: Laureate[];
  missions: RebondMission[];
  territoires: Map<string, string>;
  regions: Map<string, string>;
  points: CommunePoints;
  /** Normalised search text of each laureate (beneficiary, project, commune). */
  search: Map<string, string>;
}

export function financementsCache(ctx: AppContext): DatasetCache<FinancementsData> {
  return cacheFor(
    ctx,
    'financements',
    () =>
      new DatasetCache(
        () => loadFinancements(ctx),
        () => ctx.clock.now().getTime(),
      ),
  );
}

async function loadFinancements(ctx: AppContext): Promise<FinancementsData> {
  const [laureates, missions, names, points] = await Promise.all([
    readLaureates(ctx.db),
    readMissions(ctx.db),
    loadNames(ctx.db),
    communePoints(ctx.db),
  ]);
  const search = new Map(
    laureates.map((l) => [
      l.id,
      normalizeText(`${l.beneficiaire} ${l.projet} ${l.communeNom} ${l.siren ?? ''}`),
    ]),
  );
  return { laureates, missions, ...names, points, search };
}

export interface LaureateFilters {
  dispositif?: string;
  region?: string;
  territoire?: string;
  departement?: string;
  filiere?: string;
  annee?: number;
  horsTi?: boolean;
  q?: string;
}

export function filterLaureates(data: FinancementsData, f: LaureateFilters): Laureate[] {
  const q = f.q ? normalizeText(f.q) : '';
  return data.laureates.filter(
    (l) =>
      (!f.dispositif || l.dispositif === f.dispositif) &&
      (!f.region || l.reg === f.region) &&
      (!f.territoire || l.tiId === f.territoire) &&
      (!f.departement || l.dep === f.departement) &&
      (!f.filiere || l.filiere === f.filiere) &&
      (f.annee === undefined || l.annee === f.annee) &&
      (f.horsTi === undefined || l.horsTi === f.horsTi) &&
      (!q || data.search.get(l.id)!.includes(q)),
  );
}

const ref = (code: string, names: Map<string, string>) => ({ code, nom: names.get(code) ?? code });

/** A laureate with French keys and labels. */
export function presentLaureate(data: FinancementsData, l: Laureate) {
  return {
    id: l.id,
    dispositif: { code: l.dispositif, libelle: dispositifLabel(l.dispositif) },
    beneficiaire: l.beneficiaire,
    siren: l.siren,
    projet: l.projet,
    commune: l.communeInsee ? { insee: l.communeInsee, nom: l.communeNom } : null,
    departement: l.dep || null,
    region: ref(l.reg, data.regions),
    territoire: l.tiId ? { id: l.tiId, nom: data.territoires.get(l.tiId) ?? l.tiId } : null,
    horsTi: l.horsTi,
    subventionEuros: l.subventionEuros,
    investissementEuros: l.investissementEuros,
    emploisPrevus: l.emploisPrevus,
    emploisConditionnes: l.emploisConditionnes,
    filiere: l.filiere ? { code: l.filiere, libelle: filiereLabel(l.filiere) } : null,
    attenuationClimat: l.attenuationClimat,
    economieCirculaire: l.economieCirculaire,
    annee: l.annee,
    missionRebond: l.missionId,
    actions: l.actionIds,
    demo: l.demo,
  };
}

export function presentMission(data: FinancementsData, m: RebondMission) {
  return {
    id: m.id,
    nom: m.nom,
    territoire: { id: m.tiId, nom: data.territoires.get(m.tiId) ?? m.tiId },
    region: ref(m.reg, data.regions),
    annee: m.annee,
    entretiens: m.entretiens,
    projetsRecenses: m.projetsRecenses,
    investissementsRecensesEuros: m.investissementsRecensesEuros,
    emploisRecenses: m.emploisRecenses,
    entreprisesSoutenues: m.entreprisesSoutenues,
    enveloppeEuros: m.enveloppeEuros,
    ingenierieEuros: m.ingenierieEuros,
    demo: m.demo,
  };
}

const sum = (list: readonly Laureate[], pick: (l: Laureate) => number | null) =>
  list.reduce((s, l) => s + (pick(l) ?? 0), 0);

export function laureateList(
  data: FinancementsData,
  filters: LaureateFilters,
  page: { limit: number; offset: number; tri?: string },
) {
  const list = filterLaureates(data, filters);
  const sorted =
    page.tri === 'subvention'
      ? [...list].sort((a, b) => b.subventionEuros - a.subventionEuros || a.id.localeCompare(b.id))
      : list;
  return {
    total: list.length,
    offset: page.offset,
    limit: page.limit,
    totaux: {
      subventionsEuros: sum(list, (l) => l.subventionEuros),
      investissementsEuros: sum(list, (l) => l.investissementEuros),
      emploisPrevus: sum(list, (l) => l.emploisPrevus),
    },
    demo: list.some((l) => l.demo),
    items: sorted.slice(page.offset, page.offset + page.limit).map((l) => presentLaureate(data, l)),
  };
}

/** The laureates as map points at their commune's intercommunalité; the others are counted. */
export function laureateLayer(data: FinancementsData, filters: LaureateFilters) {
  const list = filterLaureates(data, filters);
  const features = [];
  let nonPlaces = 0;
  for (const l of list) {
    const point = l.communeInsee ? data.points.point(l.communeInsee, l.reg) : null;
    if (!point) {
      nonPlaces++;
      continue;
    }
    features.push({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: point },
      properties: {
        id: l.id,
        beneficiaire: l.beneficiaire,
        dispositif: l.dispositif,
        commune: l.communeNom,
        subventionEuros: l.subventionEuros,
      },
    });
  }
  return { ...pointCollection(features), nonPlaces, demo: list.some((l) => l.demo) };
}

/** Figures of a scope (nation, region or TI): per scheme, Rebond missions, and the breakdown below it. */
export function financementsStats(
  data: FinancementsData,
  scope: { region?: string; territoire?: string; dispositif?: string },
) {
  const laureates = filterLaureates(data, scope);
  const missions = data.missions.filter(
    (m) => (!scope.region || m.reg === scope.region) && (!scope.territoire || m.tiId === scope.territoire),
  );
  const niveau = scope.territoire ? 'territoire' : scope.region ? 'region' : 'national';
  const breakdown = (key: 'reg' | 'tiId', names: Map<string, string>) => {
    const groups = new Map<string, Laureate[]>();
    for (const l of laureates) {
      const k = l[key];
      if (!k) continue;
      groups.set(k, [...(groups.get(k) ?? []), l]);
    }
    return [...groups]
      .map(([code, list]) => {
        const f = laureateFigures(list);
        return {
          code,
          nom: names.get(code) ?? code,
          laureats: f.laureats,
          subventionsEuros: f.subventionsEuros,
          investissementsEuros: f.investissementsEuros,
          emploisPrevus: f.emploisPrevus,
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code));
  };
  return {
    perimetre: {
      niveau,
      code: scope.territoire ?? scope.region ?? 'FR',
      nom: scope.territoire
        ? (data.territoires.get(scope.territoire) ?? scope.territoire)
        : scope.region
          ? (data.regions.get(scope.region) ?? scope.region)
          : 'France',
    },
    dispositif: scope.dispositif ?? null,
    ensemble: laureateFigures(laureates),
    parDispositif: DISPOSITIFS.map((d) => ({
      code: d.code,
      libelle: d.label,
      court: d.short,
      operateur: d.operateur,
      ...laureateFigures(laureates.filter((l) => l.dispositif === d.code)),
    })),
    missionsRebond: missionFigures(missions),
    parRegion: niveau === 'national' ? breakdown('reg', data.regions) : [],
    parTerritoire: niveau === 'territoire' ? [] : breakdown('tiId', data.territoires),
    publie: niveau === 'national' ? { fondsVert: PUBLISHED_FONDS_VERT, rebond: PUBLISHED_REBOND } : null,
    demo: laureates.some((l) => l.demo) || missions.some((m) => m.demo),
    filieres: FILIERES.map((f) => ({ code: f.code, libelle: f.label, court: f.short })),
  };
}
