import { describe, expect, it } from 'vitest';
import { referenceTerritories } from '../territoires/reference-territories.testkit';
import { generateDemoFoncier } from './demo';
import { PUBLISHED_BESOIN_FONCIER_HA, PUBLISHED_SITES } from './published';
import { summarizeLandNeeds, summarizeSites } from './summary';

const { territories } = referenceTerritories();
const demo = generateDemoFoncier({ territories });
const figures = summarizeSites(demo.sites).national;

describe('demonstration sites clés en main reproduce the bilan (Nov. 2024)', () => {
  it('55 sites on 2,942 ha, mean 53 ha, median 39 ha', () => {
    expect(figures.sites).toBe(55);
    expect(figures.surfaceHa).toBe(2_942);
    expect(figures.surfaceMoyenneHa).toBe(PUBLISHED_SITES.surfaceMoyenneHa);
    expect(figures.surfaceMedianeHa).toBe(PUBLISHED_SITES.surfaceMedianeHa);
  });

  it('6 ready, 25 short term, 24 before 2030', () => {
    expect(Object.fromEntries(figures.maturites.map((m) => [m.code, m.count]))).toEqual(
      PUBLISHED_SITES.maturites,
    );
  });

  it('30 sites in land recycling, for more than 1,000 ha', () => {
    expect(figures.recyclageFoncier.sites).toBe(30);
    expect(figures.recyclageFoncier.surfaceHa).toBeGreaterThan(1_000);
    expect(figures.recyclageFoncier.surfaceHa).toBeLessThanOrEqual(1_100);
  });

  it('88 % of the workshops held and 30 roadmaps delivered, each after a workshop', () => {
    expect(figures.ateliers.pct).toBe(88);
    expect(figures.feuillesDeRoute).toBe(30);
    for (const s of demo.sites.filter((x) => x.feuilleDeRoute)) expect(s.atelier).toBe('tenu');
  });

  it('sites lie in communes of their TI, with distinct names, flagged as demonstration', () => {
    const byId = new Map(territories.map((t) => [t.id, t]));
    for (const s of demo.sites) {
      expect(byId.get(s.tiId!)!.communes.some((c) => c.insee === s.communeInsee)).toBe(true);
      expect(s.demo).toBe(true);
    }
    expect(new Set(demo.sites.map((s) => s.nom)).size).toBe(55);
  });

  it('adds up the same by region as for the nation', () => {
    const regions = Object.values(summarizeSites(demo.sites).parRegion);
    expect(regions.reduce((s, r) => s + r.sites, 0)).toBe(55);
    expect(Math.round(regions.reduce((s, r) => s + r.surfaceHa * 10, 0)) / 10).toBe(2_942);
  });
});

describe('demonstration land needs', () => {
  it('spread the 22,000 ha quoted by the Banque des Territoires, at least 2 ha each', () => {
    const needs = summarizeLandNeeds(demo.besoins).national;
    expect(needs.surfaceHa).toBe(PUBLISHED_BESOIN_FONCIER_HA);
    expect(Math.min(...demo.besoins.map((b) => b.surfaceHa))).toBeGreaterThanOrEqual(2);
    expect(demo.besoins.every((b) => b.demo)).toBe(true);
  });

  it('are deterministic', () => {
    expect(generateDemoFoncier({ territories: [...territories].reverse() })).toEqual(demo);
  });
});
