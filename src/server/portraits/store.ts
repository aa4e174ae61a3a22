import {
  buildEmploymentPortrait,
  type EmploymentYears,
  employmentYears,
} from '../../domain/portraits/employment';
import { buildTerritoryFigures, type TerritoryFigures } from '../../domain/portraits/portrait';
import type { AppContext } from '../platform/context';
import { type NamedSet, type PortraitData, readPortraitData } from './data';
import { EMPLOI_DATASET } from './emploi-load';

// The portraits' figures are a function of the référentiel and the employment data only (the
// action plan part is added per request from actions-data.ts): they are computed once per data
// version and kept. Several instances share a database: each checks the loaded version at most
// every CHECK_INTERVAL_MS and rebuilds when the data changed (reload or import).

const CHECK_INTERVAL_MS = 5_000;

export type FigureSetKind =
  | 'territoire'
  | 'region'
  | 'france'
  | 'programme'
  | 'programme-region'
  | 'temps1'
  | 'temps1-territoire'
  | 'epci';

export class PortraitStore {
  private data: PortraitData | null = null;
  private version = '';
  private checkedAt = 0;
  private building: Promise<PortraitData> | null = null;
  private readonly figures = new Map<string, TerritoryFigures | null>();
  years: EmploymentYears | null = null;

  constructor(private readonly ctx: AppContext) {}

  invalidate() {
    this.checkedAt = 0;
  }

  async dataVersion(): Promise<string> {
    const { rows } = await this.ctx.db.query<{ v: string }>(
      `SELECT coalesce((SELECT version FROM dataset_loads WHERE dataset = 'referentiel'), '-') || ':' ||
              coalesce((SELECT version FROM dataset_loads WHERE dataset = $1), '-') || ':' ||
              (SELECT count(*) FROM emploi_imports)::text AS v`,
      [EMPLOI_DATASET],
    );
    return rows[0]!.v;
  }

  async get(): Promise<PortraitData> {
    if (this.data && Date.now() - this.checkedAt < CHECK_INTERVAL_MS) return this.data;
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const version = await this.dataVersion();
        if (!this.data || version !== this.version) {
          this.data = await readPortraitData(this.ctx.db);
          this.version = version;
          this.years = employmentYears(this.data.employment);
          this.figures.clear();
        }
        this.checkedAt = Date.now();
        return this.data;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** The current data version (after get()). */
  get currentVersion(): string {
    return this.version;
  }

  /** Figures of one set of communes, cached; null when the set does not exist. */
  async figuresOf(kind: FigureSetKind, id = ''): Promise<TerritoryFigures | null> {
    const data = await this.get();
    const key = `${kind}:${id}`;
    if (this.figures.has(key)) return this.figures.get(key)!;
    const set = this.resolve(data, kind, id);
    const value = set ? this.compute(data, set.communes2023, set.communes2026) : null;
    this.figures.set(key, value);
    return value;
  }

  private resolve(
    data: PortraitData,
    kind: FigureSetKind,
    id: string,
  ): Pick<NamedSet, 'communes2023' | 'communes2026'> | null {
    switch (kind) {
      case 'territoire':
        return data.territories.get(id) ?? null;
      case 'epci':
        return data.epci.get(id) ?? null;
      case 'temps1-territoire':
        return data.tempsI.get(id) ?? null;
      case 'region': {
        if (!data.regions.has(id)) return null;
        return {
          communes2023: data.communes.codesOfRegion(id),
          communes2026: data.communes2026Region.codesOfRegion(id),
        };
      }
      case 'france':
        return { communes2023: [...data.communes.keys()], communes2026: [...data.communes2026Region.keys()] };
      case 'programme':
      case 'programme-region':
      case 'temps1': {
        if (kind === 'programme-region' && !data.regions.has(id)) return null;
        const source = [...(kind === 'temps1' ? data.tempsI : data.territories).values()].filter(
          (t) => kind !== 'programme-region' || t.regionCode === id,
        );
        const c2023 = new Set<string>();
        const c2026 = new Set<string>();
        for (const t of source) {
          for (const c of t.communes2023) c2023.add(c);
          for (const c of t.communes2026) c2026.add(c);
        }
        return { communes2023: [...c2023], communes2026: [...c2026] };
      }
    }
  }

  /** Several Temps I territories as one set (the predecessors of a Temps II territory). */
  async figuresOfTempsI(ids: readonly string[]): Promise<TerritoryFigures | null> {
    if (ids.length === 0) return null;
    if (ids.length === 1) return this.figuresOf('temps1-territoire', ids[0]);
    const data = await this.get();
    const key = `temps1-union:${[...ids].sort().join(',')}`;
    if (this.figures.has(key)) return this.figures.get(key)!;
    const c2023 = new Set<string>();
    const c2026 = new Set<string>();
    for (const id of ids) {
      const t = data.tempsI.get(id);
      for (const c of t?.communes2023 ?? []) c2023.add(c);
      for (const c of t?.communes2026 ?? []) c2026.add(c);
    }
    const value = this.compute(data, [...c2023], [...c2026]);
    this.figures.set(key, value);
    return value;
  }

  /**
   * Population, density and zonages read the COG 2023 communes (the vintage of the ANCT's
   * zonages and of the programme's publication); employment reads the COG 2026 communes (the
   * vintage of the URSSAF and DARES files).
   */
  private compute(data: PortraitData, communes2023: readonly string[], communes2026: readonly string[]) {
    const communes = communes2023.flatMap((insee) => {
      const c = data.communes.get(insee);
      return c ? [c] : [];
    });
    const figures = buildTerritoryFigures({ communes, employment: new Map(), years: this.years! });
    figures.emploi = buildEmploymentPortrait(communes2026, data.employment, this.years!);
    return figures;
  }
}

const stores = new WeakMap<AppContext, PortraitStore>();
export function portraitStore(ctx: AppContext): PortraitStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new PortraitStore(ctx);
    stores.set(ctx, store);
  }
  return store;
}
