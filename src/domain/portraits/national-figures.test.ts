// Checks against the programme's published figures, computed from the real reference data shipped
// in data/reference/ (the only test of the module that reads files).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildEmploymentPortrait, type CommuneEmployment, parseEmploiCommuneRecord } from './employment';
import { nationalOverlap, parseZonageRecord } from './overlaps';

const reference = (path: string) =>
  fileURLToPath(new URL(`../../../data/reference/${path}`, import.meta.url));
const readCsv = (path: string) =>
  parse(readFileSync(reference(path)), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];

describe('national figures from the shipped data', () => {
  const emploiRows = readCsv('emploi/emploi_communes.csv');
  const data = new Map<string, CommuneEmployment>(
    emploiRows.map((r) => [r.insee_com!, parseEmploiCommuneRecord(r)]),
  );
  const allCommunes = emploiRows.map((r) => r.insee_com!);
  const tiCommunes = emploiRows.filter((r) => r.id_ti).map((r) => r.insee_com!);

  it('gives back the published employment figures (TI Temps II 11.4 M / 2.0 M / 18.1 %, France 19.8 M / 3.1 M / 15.8 %)', () => {
    const france = buildEmploymentPortrait(allCommunes, data);
    const ti = buildEmploymentPortrait(tiCommunes, data);
    // Salaried jobs 2022, the year of the publication (source ACOSS-URSSAF 2022).
    expect(france.salariesParAnnee[2022]! / 1e6).toBeCloseTo(19.88, 2);
    expect(ti.salariesParAnnee[2022]! / 1e6).toBeCloseTo(11.45, 2);
    // Industrial jobs exist for 2025 only in the shipped files.
    expect(france.salariesIndustrie.value! / 1e6).toBeCloseTo(3.16, 2);
    expect(ti.salariesIndustrie.value! / 1e6).toBeCloseTo(2.08, 2);
    expect(france.partIndustrie.value!).toBeCloseTo(15.8, 1);
    expect(ti.partIndustrie.value!).toBeCloseTo(18.2, 1);
    expect(ti.salariesIndustrie.year).toBe(2025);
    expect(ti.salariesIndustrie.source).toBe('urssaf');
  });

  it('says « donnée non disponible » for Mayotte (ti-0601) instead of zero', () => {
    const mayotte = emploiRows.filter((r) => r.id_ti === 'ti-0601').map((r) => r.insee_com!);
    expect(mayotte.length).toBe(17);
    const p = buildEmploymentPortrait(mayotte, data);
    expect(p.salaries.value).toBeNull();
    expect(p.salaries.missing).toBe('donnée non disponible');
    expect(p.salariesIndustrie.value).toBeNull();
    expect(p.partIndustrie.value).toBeNull();
    expect(p.typologie).toBe('non-disponible');
    expect(p.demandeurs.value).toBeGreaterThan(0);
    expect(p.avertissement).toMatch(/non disponible/);
  });

  it('computes the typology of every TI (distribution reported)', () => {
    const byTi = new Map<string, string[]>();
    for (const r of emploiRows) if (r.id_ti) byTi.set(r.id_ti, [...(byTi.get(r.id_ti) ?? []), r.insee_com!]);
    const counts: Record<string, number> = {};
    for (const communes of byTi.values()) {
      const t = buildEmploymentPortrait(communes, data).typologie;
      counts[t] = (counts[t] ?? 0) + 1;
    }
    expect(byTi.size).toBe(183);
    expect(counts['non-disponible']).toBe(1);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(183);
    console.info('Typologie emploi des 183 TI :', counts);
  });

  it('gives back the published overlap shares (ACV 81 %, PVD 53 %, QPV 73 %, massifs 59 %)', () => {
    const zonages = readCsv('zonages/zonages_communes_cog2023.csv').map(parseZonageRecord);
    const result = nationalOverlap(zonages);
    const part = (code: string) => result.rows.find((r) => r.code === code)!.part!;
    console.info(
      'Recouvrements :',
      result.rows.map(
        (r) =>
          `${r.code} ${r.communesEnTi}/${r.communes} = ${r.part!.toFixed(1)} % (publié ${r.published} %)`,
      ),
      `QPV (quartiers) ${result.qpvQuartiers.enTi}/${result.qpvQuartiers.total} = ${result.qpvQuartiers.part!.toFixed(1)} %`,
    );
    expect(Math.abs(part('acv') - 81)).toBeLessThan(1);
    expect(Math.abs(part('pvd') - 53)).toBeLessThan(1);
    expect(Math.abs(part('qpv') - 73)).toBeLessThan(1);
    expect(Math.abs(part('massif') - 59)).toBeLessThan(1.5);
  });
});

describe('programme portrait from the shipped data', () => {
  it('gives back the population (≈ 40.5 M, published 40.2 M) and types the 183 TI urban or rural', async () => {
    const { buildTerritoryFigures } = await import('./portrait');
    const { parseDensityLevel } = await import('./typologies');
    const communes2023 = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../node_modules/decoupage-2023/data/communes.json', import.meta.url)),
        'utf8',
      ),
    ) as { code: string; type: string; population?: number }[];
    const population = new Map(
      communes2023.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c.population ?? null]),
    );
    const densite = new Map(
      readCsv('zonages/densite.csv').map((r) => [r.insee_com!, parseDensityLevel(r.niveau_densite)]),
    );
    const ruralite = new Map(
      readCsv('zonages/ruralite.csv').map((r) => [r.insee_com!, r.niveau_ruralite ?? null]),
    );
    const zonages = readCsv('zonages/zonages_communes_cog2023.csv').map(parseZonageRecord);
    const emploi = new Map<string, CommuneEmployment>(
      readCsv('emploi/emploi_communes.csv').map((r) => [r.insee_com!, parseEmploiCommuneRecord(r)]),
    );
    const toPortraitCommune = (z: (typeof zonages)[number]) => ({
      insee: z.insee,
      population: population.get(z.insee) ?? null,
      densite: densite.get(z.insee) ?? null,
      ruralite: ruralite.get(z.insee) ?? null,
      zonage: z,
    });
    const programme = buildTerritoryFigures({
      communes: zonages.filter((z) => z.idTi).map(toPortraitCommune),
      employment: emploi,
    });
    expect(programme.population.value! / 1e6).toBeCloseTo(40.5, 1);
    // The same portrait through the COG 2023 commune list still gives back 11.45 M jobs in 2022.
    expect(programme.emploi.salariesParAnnee[2022]! / 1e6).toBeCloseTo(11.45, 2);
    expect(programme.recouvrements!.programmes.find((p) => p.code === 'acv')!.communes).toBe(198);
    const byTi = new Map<string, typeof zonages>();
    for (const z of zonages) if (z.idTi) byTi.set(z.idTi, [...(byTi.get(z.idTi) ?? []), z]);
    const typo: Record<string, number> = {};
    for (const list of byTi.values()) {
      const t = buildTerritoryFigures({ communes: list.map(toPortraitCommune), employment: emploi })
        .urbainRural.code;
      typo[t] = (typo[t] ?? 0) + 1;
    }
    expect((typo.urbain ?? 0) + (typo.rural ?? 0)).toBe(183);
    console.info(
      'Programme (COG 2023) :',
      `population ${programme.population.value}`,
      `part population rurale ${programme.urbainRural.partPopulationRurale!.toFixed(1)} %`,
      `communes sans densité ${programme.urbainRural.communesNonClassees.length}`,
      `salariés 2022 (communes COG 2023) ${programme.emploi.salariesParAnnee[2022]}`,
      'typologie urbain/rural des 183 TI :',
      typo,
    );
  }, 60_000); // reads ~35,000 communes from the shipped files: slow on a loaded machine
});
