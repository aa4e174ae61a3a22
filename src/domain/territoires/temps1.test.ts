import { describe, expect, it } from 'vitest';
import { compareWithTempsI } from './temps1';

const tempsI = new Map([
  ['A', new Set(['1', '2', '3'])],
  ['B', new Set(['4', '5'])],
]);
const owner = new Map([...tempsI].flatMap(([id, set]) => [...set].map((c) => [c, id] as const)));

describe('Temps I → Temps II comparison', () => {
  it('calls a territory with no commune in Temps I new', () => {
    expect(compareWithTempsI(new Set(['9']), tempsI, owner).statut).toBe('nouveau');
  });
  it('calls a territory with exactly the communes of one Temps I territory unchanged', () => {
    const result = compareWithTempsI(new Set(['1', '2', '3']), tempsI, owner);
    expect(result.statut).toBe('inchange');
    expect(result.predecessors).toEqual([{ id: 'A', shared: 3, size: 3 }]);
  });
  it('calls an extended, reduced or merged territory reconfigured', () => {
    expect(compareWithTempsI(new Set(['1', '2', '3', '9']), tempsI, owner).statut).toBe('reconfigure');
    expect(compareWithTempsI(new Set(['1', '2']), tempsI, owner).statut).toBe('reconfigure');
    const merged = compareWithTempsI(new Set(['1', '2', '3', '4', '5']), tempsI, owner);
    expect(merged.statut).toBe('reconfigure');
    expect(merged.predecessors.map((p) => p.id)).toEqual(['A', 'B']);
  });
});
