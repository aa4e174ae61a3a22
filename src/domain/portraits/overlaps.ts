// Overlap of Territoires d'industrie with the other ANCT programmes: Action cœur de ville (ACV),
// Petites villes de demain (PVD), quartiers prioritaires de la politique de la ville (QPV) and
// mountain massifs. Per territory (how many of its communes are in each), and nationally (which
// share of each programme's communes lies in a TI: the programme publishes ACV 81 %, PVD 53 %,
// massifs 59 %, QPV 73 %).

export interface ZonageCommune {
  insee: string;
  /** Temps II territory holding the commune, null when outside every TI. */
  idTi: string | null;
  acv: boolean;
  pvd: boolean;
  /** QPV codes (2024 list) touching the commune. */
  qpv: readonly string[];
  /** Massif label (« 06 - Massif Central »), null outside the massifs. */
  massif: string | null;
}

/** A row of zonages_communes_cog2023.csv, as csv-parse gives it, to a ZonageCommune. */
export function parseZonageRecord(record: Readonly<Record<string, string | undefined>>): ZonageCommune {
  const text = (key: string) => (record[key] ?? '').trim();
  return {
    insee: text('insee_com'),
    idTi: text('id_ti') || null,
    acv: text('acv') !== '',
    pvd: text('pvd') !== '',
    qpv: text('qpv_codes')
      .split(/[,;\s]+/)
      .filter(Boolean),
    massif: text('massif_montagne') || null,
  };
}

export const OVERLAP_PROGRAMMES = [
  { code: 'acv', label: 'Action cœur de ville', published: 81 },
  { code: 'pvd', label: 'Petites villes de demain', published: 53 },
  { code: 'qpv', label: 'Quartiers prioritaires de la politique de la ville', published: 73 },
  { code: 'massif', label: 'Massifs de montagne', published: 59 },
] as const;
export type OverlapProgramme = (typeof OVERLAP_PROGRAMMES)[number]['code'];

const inProgramme: Record<OverlapProgramme, (c: ZonageCommune) => boolean> = {
  acv: (c) => c.acv,
  pvd: (c) => c.pvd,
  qpv: (c) => c.qpv.length > 0,
  massif: (c) => c.massif !== null,
};

export interface TerritoryOverlap {
  communes: number;
  programmes: {
    code: OverlapProgramme;
    label: string;
    /** Communes of the territory in the programme. */
    communes: number;
    /** Share of the territory's communes, in %. */
    partCommunes: number | null;
  }[];
  /** Distinct QPV touching the territory. */
  qpv: number;
  /** Communes per massif, by massif label. */
  massifs: { massif: string; communes: number }[];
}

/** How a set of communes (a TI, an EPCI) overlaps each programme. */
export function territoryOverlap(communes: readonly ZonageCommune[]): TerritoryOverlap {
  const n = communes.length;
  const massifs = new Map<string, number>();
  const qpv = new Set<string>();
  for (const c of communes) {
    if (c.massif) massifs.set(c.massif, (massifs.get(c.massif) ?? 0) + 1);
    for (const q of c.qpv) qpv.add(q);
  }
  return {
    communes: n,
    programmes: OVERLAP_PROGRAMMES.map((p) => {
      const count = communes.filter(inProgramme[p.code]).length;
      return {
        code: p.code,
        label: p.label,
        communes: count,
        partCommunes: n > 0 ? (count / n) * 100 : null,
      };
    }),
    qpv: qpv.size,
    massifs: [...massifs]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([massif, count]) => ({ massif, communes: count })),
  };
}

export interface NationalOverlapRow {
  code: OverlapProgramme;
  label: string;
  /** Communes of the programme in France (in the file). */
  communes: number;
  /** Of which in a TI. */
  communesEnTi: number;
  /** Share in %, to compare with `published`. */
  part: number | null;
  published: number;
}

export interface NationalOverlap {
  rows: NationalOverlapRow[];
  /**
   * QPV counted as quartiers rather than communes: distinct QPV touching at least one commune of a
   * TI, over all distinct QPV. The publication says « 73 % des quartiers prioritaires »; the
   * commune count is the figure that gives it back with the 2024 list (see the README of the module).
   */
  qpvQuartiers: { total: number; enTi: number; part: number | null };
  rule: string;
}

export const NATIONAL_OVERLAP_RULE =
  "Part des communes de chaque programme situées dans un Territoire d'industrie (périmètre Temps II de septembre 2024, communes au COG 2023). " +
  'Quartiers prioritaires : part des communes comptant au moins un QPV (liste 2024) ; la part des quartiers eux-mêmes est donnée à titre de comparaison.';

/** The national figures « x % des communes <programme> se trouvent dans des Territoires d'industrie ». */
export function nationalOverlap(communes: readonly ZonageCommune[]): NationalOverlap {
  const rows = OVERLAP_PROGRAMMES.map((p) => {
    const all = communes.filter(inProgramme[p.code]);
    const inTi = all.filter((c) => c.idTi !== null).length;
    return {
      code: p.code,
      label: p.label,
      communes: all.length,
      communesEnTi: inTi,
      part: all.length > 0 ? (inTi / all.length) * 100 : null,
      published: p.published,
    };
  });
  const quartiers = new Map<string, boolean>();
  for (const c of communes) {
    for (const q of c.qpv) quartiers.set(q, (quartiers.get(q) ?? false) || c.idTi !== null);
  }
  const enTi = [...quartiers.values()].filter(Boolean).length;
  return {
    rows,
    qpvQuartiers: {
      total: quartiers.size,
      enTi,
      part: quartiers.size > 0 ? (enTi / quartiers.size) * 100 : null,
    },
    rule: NATIONAL_OVERLAP_RULE,
  };
}
