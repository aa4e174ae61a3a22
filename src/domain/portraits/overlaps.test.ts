import { describe, expect, it } from 'vitest';
import { nationalOverlap, parseZonageRecord, territoryOverlap, type ZonageCommune } from './overlaps';

const c = (insee: string, over: Partial<ZonageCommune>): ZonageCommune => ({
  insee,
  idTi: null,
  acv: false,
  pvd: false,
  qpv: [],
  massif: null,
  ...over,
});

// a and c in a TI; Q1 spans a (in TI) and b (outside).
const communes = [
  c('a', { idTi: 'ti-8402', acv: true, qpv: ['Q1'], massif: '02 - Massif du Jura' }),
  c('b', { acv: true, pvd: true, qpv: ['Q1'] }),
  c('c', { idTi: 'ti-8402', pvd: true, massif: '02 - Massif du Jura' }),
  c('d', { massif: '03 - Massif des Alpes', qpv: ['Q2'] }),
];

describe('parseZonageRecord', () => {
  it('reads a row of zonages_communes_cog2023.csv', () => {
    expect(
      parseZonageRecord({
        insee_com: '01053',
        id_ti: 'ti-8402',
        acv: 'acv-035',
        acv2: '',
        pvd: '',
        massif_montagne: '',
        qpv_codes: 'QN00101M, QN00102M',
      }),
    ).toEqual({
      insee: '01053',
      idTi: 'ti-8402',
      acv: true,
      pvd: false,
      qpv: ['QN00101M', 'QN00102M'],
      massif: null,
    });
  });
});

describe('territoryOverlap', () => {
  it('counts the communes of the territory in each programme', () => {
    const o = territoryOverlap(communes.filter((x) => x.idTi === 'ti-8402'));
    expect(o.communes).toBe(2);
    expect(o.programmes.map((p) => [p.code, p.communes, p.partCommunes])).toEqual([
      ['acv', 1, 50],
      ['pvd', 1, 50],
      ['qpv', 1, 50],
      ['massif', 2, 100],
    ]);
    expect(o.qpv).toBe(1);
    expect(o.massifs).toEqual([{ massif: '02 - Massif du Jura', communes: 2 }]);
  });
  it('gives null shares for an empty set', () => {
    expect(territoryOverlap([]).programmes[0]!.partCommunes).toBeNull();
  });
});

describe('nationalOverlap', () => {
  it('computes the share of each programme’s communes lying in a TI', () => {
    const n = nationalOverlap(communes);
    expect(n.rows.map((r) => [r.code, r.communesEnTi, r.communes, r.part])).toEqual([
      ['acv', 1, 2, 50],
      ['pvd', 1, 2, 50],
      ['qpv', 1, 3, (1 / 3) * 100],
      ['massif', 2, 3, (2 / 3) * 100],
    ]);
    expect(n.rows.map((r) => r.published)).toEqual([81, 53, 73, 59]);
    // Q1 touches a TI commune, Q2 does not.
    expect(n.qpvQuartiers).toEqual({ total: 2, enTi: 1, part: 50 });
  });
});
