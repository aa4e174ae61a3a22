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
import { type DatasetCache, datasetCache } from '../platform/http/dataset-cache';
import { pageAnswer } from '../platform/http/list-answer';
import { inScope, perimeterOf, regionRef, territoryRef } from '../platform/http/territory-names';
import { loadMappedNames, type MappedNames, pointLayer } from '../territoires/points';
import { readLaureates, readMissions } from './store';

// The laureates and Rebond missions as the API serves them: loaded once per instance, filtered,
// summarised and drawn from memory.

export interface FinancementsData extends MappedNames {
  laureates: Laureate[];
  missions: RebondMission[];
  /** Normalised search text of each laureate (beneficiary, project, commune). */
  search: Map<string, string>;
}

export const financementsCache = (ctx: AppContext): DatasetCache<FinancementsData> =>
  datasetCache(ctx, 'financements', loadFinancements);

async function loadFinancements(ctx: AppContext): Promise<FinancementsData> {
  const [laureates, missions, names] = await Promise.all([
    readLaureates(ctx.db),
    readMissions(ctx.db),
    loadMappedNames(ctx.db),
  ]);
  const search = new Map(
    laureates.map((l) => [
      l.id,
      normalizeText(`${l.beneficiaire} ${l.projet} ${l.communeNom} ${l.siren ?? ''}`),
    ]),
  );
  return { laureates, missions, ...names, search };
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
      inScope(l, f) &&
      (!f.departement || l.dep === f.departement) &&
      (!f.filiere || l.filiere === f.filiere) &&
      (f.annee === undefined || l.annee === f.annee) &&
      (f.horsTi === undefined || l.horsTi === f.horsTi) &&
      (!q || data.search.get(l.id)!.includes(q)),
  );
}

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
    region: regionRef(data, l.reg),
    territoire: l.tiId ? territoryRef(data, l.tiId) : null,
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
    territoire: territoryRef(data, m.tiId),
    region: regionRef(data, m.reg),
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
  return pageAnswer(sorted, page, (l) => presentLaureate(data, l), {
    totaux: {
      subventionsEuros: sum(list, (l) => l.subventionEuros),
      investissementsEuros: sum(list, (l) => l.investissementEuros),
      emploisPrevus: sum(list, (l) => l.emploisPrevus),
    },
  });
}

/** The laureates as map points at their commune's intercommunalité; the others are counted. */
export function laureateLayer(data: FinancementsData, filters: LaureateFilters) {
  return pointLayer(data.points, filterLaureates(data, filters), (l) => ({
    id: l.id,
    beneficiaire: l.beneficiaire,
    dispositif: l.dispositif,
    commune: l.communeNom,
    subventionEuros: l.subventionEuros,
  }));
}

/** Figures of a scope (nation, region or TI): per scheme, Rebond missions, and the breakdown below it. */
export function financementsStats(
  data: FinancementsData,
  scope: { region?: string; territoire?: string; dispositif?: string },
) {
  const laureates = filterLaureates(data, scope);
  const missions = data.missions.filter((m) => inScope(m, scope));
  const perimetre = perimeterOf(data, scope);
  const niveau = perimetre.niveau;
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
    perimetre,
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
