import { describe, expect, it } from 'vitest';
import { buildTerritoryFigures } from '../../domain/portraits/portrait';
import { CommuneRegions, CommuneTable, type StoredCommune } from './commune-table';

const communes: StoredCommune[] = [
  {
    insee: '01001',
    population: 800,
    densite: 5,
    ruralite: 'Rural périurbain',
    region: '84',
    zonage: { insee: '01001', idTi: 'ti-8401', acv: true, pvd: false, qpv: [], massif: null },
  },
  {
    insee: '13055',
    population: 870000,
    densite: 1,
    ruralite: null,
    region: '93',
    zonage: {
      insee: '13055',
      idTi: null,
      acv: false,
      pvd: false,
      qpv: ['QN01301M', 'QN01302M'],
      massif: null,
    },
  },
  { insee: '97601', population: null, densite: null, ruralite: null, region: '06', zonage: null },
  {
    insee: '05001',
    population: 120,
    densite: 7,
    ruralite: 'Rural autonome très peu dense',
    region: '93',
    zonage: { insee: '05001', idTi: null, acv: false, pvd: true, qpv: [], massif: '05 - Alpes' },
  },
];

describe('CommuneTable', () => {
  it('gives back every commune as it was given, and behaves as a map', () => {
    const table = new CommuneTable(communes);
    expect(table.size).toBe(4);
    for (const c of communes) expect(table.get(c.insee)).toEqual(c);
    expect(table.get('75056')).toBeUndefined();
    expect(table.has('13055')).toBe(true);
    expect([...table.keys()]).toEqual(['01001', '13055', '97601', '05001']);
    expect([...table.values()]).toEqual(communes);
    expect([...table]).toEqual(communes.map((c) => [c.insee, c]));
    expect(table.codesOfRegion('93')).toEqual(['13055', '05001']);
    expect(table.codesOfRegion('11')).toEqual([]);
  });

  it('keeps the last values of a commune listed twice, at its first place', () => {
    const table = new CommuneTable([
      communes[1]!,
      communes[0]!,
      { ...communes[1]!, population: 1, zonage: null },
    ]);
    expect([...table.keys()]).toEqual(['13055', '01001']);
    expect(table.get('13055')).toEqual({ ...communes[1]!, population: 1, zonage: null });
  });

  it('gives the same figures as the objects', () => {
    const table = new CommuneTable(communes);
    const figures = (list: StoredCommune[]) =>
      buildTerritoryFigures({ communes: list, employment: new Map() });
    expect(figures([...table.values()])).toEqual(figures(communes));
  });
});

describe('CommuneRegions', () => {
  it('maps communes to their region and lists a region’s communes', () => {
    const regions = new CommuneRegions([
      { insee: '01001', region_code: '84' },
      { insee: '13055', region_code: '93' },
      { insee: '05001', region_code: '93' },
    ]);
    expect(regions.size).toBe(3);
    expect(regions.get('13055')).toBe('93');
    expect(regions.get('75056')).toBeUndefined();
    expect([...regions]).toEqual([
      ['01001', '84'],
      ['13055', '93'],
      ['05001', '93'],
    ]);
    expect([...regions.keys()]).toEqual(['01001', '13055', '05001']);
    expect(regions.codesOfRegion('93')).toEqual(['13055', '05001']);
  });
});
