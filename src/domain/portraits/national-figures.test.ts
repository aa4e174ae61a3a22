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
