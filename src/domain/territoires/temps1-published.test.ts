// The Temps I → Temps II comparison on the real perimeters shipped in data/reference/, against the
// programme's published split (29 nouveaux, 107 reconduits à l'identique, 47 reconfigurés). Pins the
// figures quoted in temps1.ts: the rule's own split and the closest alternative reading.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareWithTempsI, type TempsIStatus } from './temps1';

const require = createRequire(import.meta.url);
const readCsv = (path: string) =>
  parse(readFileSync(fileURLToPath(new URL(`../../../data/reference/${path}`, import.meta.url))), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];

// COG 2023, the vintage of the labelling, for both phases.
const groupements = [
  ...(require('decoupage-2023/data/epci.json') as { code: string; membres: { code: string }[] }[]),
  ...(require('decoupage-2023/data/ept.json') as { code: string; membres: { code: string }[] }[]),
];
const groupementCommunes = new Map(groupements.map((g) => [g.code, g.membres.map((m) => m.code)]));
const communeBySiren = new Map(
  (require('decoupage-2023/data/communes.json') as { code: string; type: string; siren?: string }[])
    .filter((c) => c.type === 'commune-actuelle' && c.siren)
    .map((c) => [c.siren!, c.code]),
);

function communeSets(membresFile: string): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const row of readCsv(membresFile)) {
    const set = sets.get(row.id_ti!) ?? new Set<string>();
    const codes =
      row.type_cog2023 === 'commune' ? [communeBySiren.get(row.siren!)] : groupementCommunes.get(row.siren!);
    if (!codes || codes.some((c) => !c)) throw new Error(`Membre introuvable : ${row.siren}`);
    for (const code of codes) set.add(code!);
    sets.set(row.id_ti!, set);
  }
  return sets;
}

describe('Temps I → Temps II on the shipped perimeters', () => {
  const tempsI = communeSets('territoires-industrie/ti_temps1_membres.csv');
  const tempsII = communeSets('territoires-industrie/ti_temps2_2023-11_membres.csv');
  const owner = new Map([...tempsI].flatMap(([id, set]) => [...set].map((c) => [c, id] as const)));
  const comparisons = new Map(
    [...tempsII].map(([id, communes]) => [id, compareWithTempsI(communes, tempsI, owner)]),
  );
  const split = (status: (id: string) => TempsIStatus) => {
    const counts: Record<TempsIStatus, number> = { nouveau: 0, inchange: 0, reconfigure: 0 };
    for (const id of comparisons.keys()) counts[status(id)]++;
    return counts;
  };

  it('finds the 29 new territories published, and 74 / 80 where the programme published 107 / 47', () => {
    expect(tempsI.size).toBe(149);
    expect(tempsII.size).toBe(183);
    expect(split((id) => comparisons.get(id)!.statut)).toEqual({
      nouveau: 29,
      inchange: 74,
      reconfigure: 80,
    });
  });

  it('has no « almost unchanged » territory a tolerance could add: the closest differs by 5 communes', () => {
    const differences = [...comparisons]
      .filter(([, c]) => c.statut === 'reconfigure')
      .map(([id, c]) => {
        const main = c.predecessors[0]!;
        return tempsII.get(id)!.size + main.size - 2 * main.shared;
      });
    expect(Math.min(...differences)).toBe(5);
  });

  it('gives 113 / 41 when only splits and mergers count as reconfigured, the closest reading', () => {
    const successors = new Map<string, number>();
    for (const c of comparisons.values())
      for (const p of c.predecessors) successors.set(p.id, (successors.get(p.id) ?? 0) + 1);
    const oneToOne = (id: string): TempsIStatus => {
      const { statut, predecessors } = comparisons.get(id)!;
      if (statut === 'nouveau') return statut;
      return predecessors.length === 1 && successors.get(predecessors[0]!.id) === 1
        ? 'inchange'
        : 'reconfigure';
    };
    expect(split(oneToOne)).toEqual({ nouveau: 29, inchange: 113, reconfigure: 41 });
  });
});
