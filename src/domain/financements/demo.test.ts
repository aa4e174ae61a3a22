import { describe, expect, it } from 'vitest';
import { referenceTerritories } from '../territoires/reference-territories.testkit';
import { generateDemoFinancements } from './demo';
import { PUBLISHED_FONDS_VERT, PUBLISHED_INGENIERIE_ANCT, PUBLISHED_REBOND } from './published';
import { summarizeLaureates, summarizeRebondMissions } from './summary';

const { territories } = referenceTerritories();
const demo = generateDemoFinancements({ territories });
const fondsVert = demo.laureates.filter((l) => l.dispositif === 'fonds-vert');
const figures = summarizeLaureates(demo.laureates, { dispositif: 'fonds-vert' }).national;

describe('demonstration Fonds vert laureates reproduce the bilan (Nov. 2024)', () => {
  it('163 laureates in 106 TI and 77 départements', () => {
    expect(territories).toHaveLength(183);
    expect(figures.laureats).toBe(163);
    expect(figures.territoires).toBe(106);
    expect(figures.departements).toBe(77);
    expect(figures.horsTi).toBe(0);
  });

  it('63 M€ of grants for 776 M€ of investment, to the euro', () => {
    expect(figures.subventionsEuros).toBe(63_000_000);
    expect(figures.investissementsEuros).toBe(776_000_000);
    for (const l of fondsVert) expect(l.investissementEuros!).toBeGreaterThan(l.subventionEuros);
  });

  it('2,600 planned jobs of which 1,300 conditioned by the aid', () => {
    expect(figures.emploisPrevus).toBe(2_600);
    expect(figures.emploisConditionnes).toBe(1_300);
    for (const l of fondsVert) expect(l.emploisConditionnes!).toBeLessThanOrEqual(l.emploisPrevus!);
  });

  it('78 % contribute to climate mitigation and 66 % to the circular economy', () => {
    expect(figures.attenuationClimat.pct).toBe(PUBLISHED_FONDS_VERT.attenuationClimatPct);
    expect(figures.economieCirculaire.pct).toBe(PUBLISHED_FONDS_VERT.economieCirculairePct);
  });

  it('filières 55 % circular economy, 22 % relocation, 17 % bio-economy, the rest other', () => {
    expect(Object.fromEntries(figures.filieres.map((f) => [f.code, f.pct]))).toEqual(
      PUBLISHED_FONDS_VERT.filieresPct,
    );
    expect(figures.filieres.reduce((s, f) => s + f.count, 0)).toBe(163);
  });

  it('places every laureate in a commune of its TI, in the right département', () => {
    const byId = new Map(territories.map((t) => [t.id, t]));
    for (const l of demo.laureates) {
      const commune = byId.get(l.tiId!)!.communes.find((c) => c.insee === l.communeInsee);
      expect(commune, l.id).toBeDefined();
      expect(commune!.dep).toBe(l.dep);
    }
  });

  it('adds up the same by region and by TI as for the nation', () => {
    const summary = summarizeLaureates(demo.laureates, { dispositif: 'fonds-vert' });
    const regions = Object.values(summary.parRegion);
    expect(regions.reduce((s, r) => s + r.subventionsEuros, 0)).toBe(63_000_000);
    expect(Object.keys(summary.parTi)).toHaveLength(106);
    expect(Object.values(summary.parTi).reduce((s, r) => s + r.laureats, 0)).toBe(163);
  });
});

describe('demonstration Rebond industriel and ANCT engineering', () => {
  it('15 Rebond missions with 39.7 M€ of grants, matched by their laureates', () => {
    const missions = summarizeRebondMissions(demo.missions).national;
    expect(missions.missions).toBe(PUBLISHED_REBOND.missions);
    expect(missions.territoires).toBe(15);
    expect(missions.enveloppeEuros).toBe(39_700_000);
    expect(missions.ingenierieEuros).toBe(PUBLISHED_REBOND.ingenierieEuros);
    const rebond = summarizeLaureates(demo.laureates, { dispositif: 'rebond-industriel' }).national;
    expect(rebond.subventionsEuros).toBe(39_700_000);
    for (const m of demo.missions) {
      const own = demo.laureates.filter((l) => l.missionId === m.id);
      expect(own).toHaveLength(m.entreprisesSoutenues);
      expect(own.reduce((s, l) => s + l.subventionEuros, 0)).toBe(m.enveloppeEuros);
    }
  });

  it('2 M€ of ANCT engineering', () => {
    const anct = summarizeLaureates(demo.laureates, { dispositif: 'ingenierie-anct' }).national;
    expect(anct.subventionsEuros).toBe(PUBLISHED_INGENIERIE_ANCT.euros);
  });
});

describe('demonstration rows', () => {
  it('are all flagged and have unique ids', () => {
    expect(demo.laureates.every((l) => l.demo) && demo.missions.every((m) => m.demo)).toBe(true);
    expect(new Set(demo.laureates.map((l) => l.id)).size).toBe(demo.laureates.length);
  });

  it('are the same for the same seed whatever the order of the territories, different for another seed', () => {
    const again = generateDemoFinancements({ territories: [...territories].reverse() });
    expect(again).toEqual(demo);
    const other = generateDemoFinancements({ territories, seed: 7 });
    expect(other.laureates[0]).not.toEqual(demo.laureates[0]);
    expect(summarizeLaureates(other.laureates, { dispositif: 'fonds-vert' }).national.departements).toBe(77);
  });

  it('read like the programme: a company, a project title, a French commune', () => {
    const l = fondsVert[0]!;
    expect(l.beneficiaire).toMatch(/\w/);
    expect(l.projet.length).toBeGreaterThan(10);
    expect(l.communeNom).toMatch(/\w/);
  });
});

describe('links to actions', () => {
  it('links each laureate to an action of its TI, preferring the ecological transition axis for the Fonds vert', () => {
    const actions = territories.flatMap((t) => [
      { id: `${t.id}-a1`, tiId: t.id, axe: 'competences' },
      { id: `${t.id}-a2`, tiId: t.id, axe: 'transition' },
    ]);
    const linked = generateDemoFinancements({ territories, actions });
    for (const l of linked.laureates) expect(l.actionIds[0]!.startsWith(`${l.tiId}-`)).toBe(true);
    expect(
      linked.laureates
        .filter((l) => l.dispositif === 'fonds-vert')
        .every((l) => l.actionIds[0]!.endsWith('-a2')),
    ).toBe(true);
    // The calibrated rows are the same with or without actions.
    expect(linked.laureates.map((l) => ({ ...l, actionIds: [] }))).toEqual(demo.laureates);
  });
});
