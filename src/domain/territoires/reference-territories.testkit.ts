// Test-only helper (not part of the domain API): builds the generators' territory input from the
// shipped reference data — the 183 TI of Temps II (2024-09 perimeter), their communes (COG 2023),
// the communes' population (découpage administratif 2023) and the TI's member groupements.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CommuneInfo, DemoTerritory, PlaceLookup, TerritoryInfo } from './places';

const root = resolve(import.meta.dirname, '../../..');
const csv = (path: string): Record<string, string>[] =>
  parse(readFileSync(resolve(root, path), 'utf8'), { columns: true, skip_empty_lines: true });

let cache: { territories: DemoTerritory[]; places: Required<PlaceLookup> } | undefined;

export function referenceTerritories(): { territories: DemoTerritory[]; places: Required<PlaceLookup> } {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const population = new Map<string, number>(
    (require('decoupage-2023/data/communes.json') as { code: string; type: string; population?: number }[])
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => [c.code, c.population ?? 0]),
  );
  const tis = csv('data/reference/territoires-industrie/ti_temps2_2024-09.csv');
  const members = csv('data/reference/territoires-industrie/ti_temps2_2024-09_membres.csv');
  const communes = csv('data/reference/zonages/zonages_communes_cog2023.csv');
  const byTi = new Map<string, DemoTerritory['communes'][number][]>();
  const communeInfo = new Map<string, CommuneInfo>();
  for (const c of communes) {
    communeInfo.set(c.insee_com!, { nom: c.nom!, dep: c.dep!, reg: c.reg!, tiId: c.id_ti || null });
    if (!c.id_ti) continue;
    const list = byTi.get(c.id_ti) ?? [];
    list.push({
      insee: c.insee_com!,
      nom: c.nom!,
      dep: c.dep!,
      reg: c.reg!,
      population: population.get(c.insee_com!) ?? 0,
    });
    byTi.set(c.id_ti, list);
  }
  const territories: DemoTerritory[] = tis.map((t) => ({
    id: t.id_ti!,
    nom: t.lib_ti!,
    regionCode: t.insee_reg!,
    communes: byTi.get(t.id_ti!) ?? [],
    groupements: members.filter((m) => m.id_ti === t.id_ti).map((m) => ({ siren: m.siren!, nom: m.nom! })),
  }));
  const tiById = new Map<string, TerritoryInfo>(
    territories.map((t) => [t.id, { id: t.id, nom: t.nom, reg: t.regionCode }]),
  );
  const regions = new Map<string, string>(tis.map((t) => [t.lib_reg!.toLowerCase(), t.insee_reg!]));
  const places: Required<PlaceLookup> = {
    commune: (insee) => communeInfo.get(insee),
    siren: () => undefined,
    territory: (value) =>
      tiById.get(value) ?? [...tiById.values()].find((t) => t.nom.toLowerCase() === value.toLowerCase()),
    region: (value) => (tis.some((t) => t.insee_reg === value) ? value : regions.get(value.toLowerCase())),
  };
  cache = { territories, places };
  return cache;
}
