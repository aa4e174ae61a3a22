import { describe, expect, it } from 'vitest';
import { referenceTerritories } from '../territoires/reference-territories.testkit';
import { DEMO_EMAIL_DOMAIN, generateDemoGouvernance } from './demo';
import { PUBLISHED_GOUVERNANCE as P } from './published';
import { summarizeGouvernance } from './summary';

const { territories } = referenceTerritories();
const demo = generateDemoGouvernance({ territories });
const summary = summarizeGouvernance(demo);
const figures = summary.national;
const pcts = (list: { code: string; pct: number }[]) => Object.fromEntries(list.map((x) => [x.code, x.pct]));

describe('demonstration governance reproduces the published figures', () => {
  it('336 élus and 352 industriels, every TI with at least one of each', () => {
    expect(figures.elus).toBe(336);
    expect(figures.industriels).toBe(352);
    for (const t of Object.values(summary.parTi)) {
      expect(t.elus).toBeGreaterThanOrEqual(1);
      expect(t.industriels).toBeGreaterThanOrEqual(1);
    }
    expect(Object.keys(summary.parTi)).toHaveLength(183);
  });

  it('59 % PME, 26 % ETI, 15 % GE', () => {
    expect(pcts(figures.tailles)).toEqual({ tpe: 0, ...P.taillesPct });
  });

  it('the functions of the chart: Président 28 %, DG 15 %, Directeur 15 %, PDG 13 %, … NC 8 %', () => {
    expect(pcts(figures.fonctions)).toEqual({ ...P.fonctionsPct, autre: 0 });
    expect(figures.fonctions.reduce((s, f) => s + f.count, 0)).toBe(352);
  });

  it('162 chefs de projet, 140 co-financed for 6.7 M€', () => {
    expect(figures.chefsDeProjet).toBe(162);
    expect(figures.territoiresAvecChef).toBe(162);
    expect(figures.chefsCofinances).toBe(140);
    expect(figures.cofinancementEtatEuros).toBe(6_700_000);
    for (const c of demo.chefsDeProjet) expect(c.cofinancementEtatEuros === null).toBe(!c.cofinance);
  });

  it('15 coordinators in 14 regions', () => {
    expect(figures.coordinateurs).toBe(15);
    expect(figures.regionsCoordonnees).toBe(14);
  });

  it('146 launch COPIL in 146 TI, 12 regional COPIL, 2 national seminars, webinars at 220 on average', () => {
    const events = Object.fromEntries(figures.evenements.map((e) => [e.kind, e]));
    expect(events['copil-lancement']!.count).toBe(146);
    expect(figures.territoiresCopilLancement).toBe(146);
    expect(events['copil-regional']!.count).toBe(P.copilRegionaux);
    expect(events['seminaire-national']!.count).toBe(2);
    expect(events['webinaire-national']!.participantsMoyen).toBe(220);
    expect(events['webinaire-national']!.participants).toBe(220 * events['webinaire-national']!.count);
  });

  it('regions add up to the nation, and national events stay national', () => {
    const regions = Object.values(summary.parRegion);
    expect(regions.reduce((s, r) => s + r.elus, 0)).toBe(336);
    expect(regions.reduce((s, r) => s + r.coordinateurs, 0)).toBe(15);
    const webinarsInRegions = regions
      .flatMap((r) => r.evenements)
      .filter((e) => e.kind === 'webinaire-national');
    expect(webinarsInRegions.every((e) => e.count === 0)).toBe(true);
  });
});

describe('demonstration people', () => {
  it('have plausible mandates and functions, fictional contacts and the demo flag', () => {
    const elus = demo.membres.filter((m) => m.kind === 'elu');
    expect(
      elus.every((m) => /^(Président|Présidente|Vice-président|Vice-présidente|Maire) /.test(m.mandat!)),
    ).toBe(true);
    expect(elus.some((m) => m.mandat!.startsWith('Président de la CC'))).toBe(true);
    const people = [...demo.membres, ...demo.chefsDeProjet, ...demo.coordinateurs];
    expect(people.every((p) => p.demo && p.email!.endsWith(`@${DEMO_EMAIL_DOMAIN}`))).toBe(true);
    // Phone numbers in the ranges the regulator keeps for fiction.
    expect(people.every((p) => /^0(199|26191|35301|46571|53649)/.test(p.telephone!))).toBe(true);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
  });

  it('are deterministic', () => {
    expect(generateDemoGouvernance({ territories: [...territories].reverse() })).toEqual(demo);
  });
});

describe('regional COPIL', () => {
  it('are held in regions that have a coordinator', () => {
    const coordinated = new Set(demo.coordinateurs.map((c) => c.reg));
    const regional = demo.evenements.filter((e) => e.kind === 'copil-regional');
    expect(regional.every((e) => coordinated.has(e.reg!))).toBe(true);
  });
});
