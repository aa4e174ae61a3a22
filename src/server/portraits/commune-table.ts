import type { PortraitCommune } from '../../domain/portraits/portrait';

// The ~35,000 communes a portrait is computed from, kept for the server's lifetime, as columns:
// populations in a Float64Array, the few-valued fields (region, density level, rurality type,
// massif, ACV, PVD, zonages loaded or not, TI) as small integers pointing into the list of their
// distinct values. As one object per commune (with its zonage object and QPV list) they took about
// 12 MiB of heap; as columns, under 1 MiB besides the codes and their index. A commune's object is
// built when asked for: the domain functions take PortraitCommune objects, and a portrait is
// computed once per data version and cached.

export type StoredCommune = PortraitCommune & { region: string };

/** One field of every row, as indexes into its distinct values (fewer than 65,536). */
class Dictionary<T> {
  readonly values: T[] = [];
  private readonly positions = new Map<T, number>();
  readonly codes: Uint16Array;

  constructor(size: number) {
    this.codes = new Uint16Array(size);
  }

  set(row: number, value: T) {
    let position = this.positions.get(value);
    if (position === undefined) {
      position = this.values.length;
      if (position > 0xffff) throw new Error('Trop de valeurs distinctes pour une colonne compacte.');
      this.values.push(value);
      this.positions.set(value, position);
    }
    this.codes[row] = position;
  }

  get(row: number): T {
    return this.values[this.codes[row]!]!;
  }
}

const NO_QPV: readonly string[] = Object.freeze([]);

export class CommuneTable implements ReadonlyMap<string, StoredCommune> {
  private readonly codes: string[] = [];
  private readonly index = new Map<string, number>();
  /** NaN: no population (null in the objects). */
  private readonly population: Float64Array;
  private readonly densite: Dictionary<PortraitCommune['densite']>;
  private readonly ruralite: Dictionary<string | null | undefined>;
  private readonly region: Dictionary<string>;
  /** False: no zonage row for the commune (zonage null in the objects). */
  private readonly hasZonage: Dictionary<boolean>;
  private readonly idTi: Dictionary<string | null>;
  private readonly acv: Dictionary<boolean>;
  private readonly pvd: Dictionary<boolean>;
  private readonly massif: Dictionary<string | null>;
  /** The few communes touched by QPV; every other has none. */
  private readonly qpv = new Map<number, readonly string[]>();

  constructor(communes: readonly StoredCommune[]) {
    const n = communes.length;
    this.population = new Float64Array(n);
    this.densite = new Dictionary(n);
    this.ruralite = new Dictionary(n);
    this.region = new Dictionary(n);
    this.hasZonage = new Dictionary(n);
    this.idTi = new Dictionary(n);
    this.acv = new Dictionary(n);
    this.pvd = new Dictionary(n);
    this.massif = new Dictionary(n);
    let row = 0;
    for (const c of communes) {
      // A commune given twice keeps its first place and its last values, as in a Map.
      const existing = this.index.get(c.insee);
      const i = existing ?? row++;
      if (existing === undefined) {
        this.codes.push(c.insee);
        this.index.set(c.insee, i);
      }
      this.population[i] = c.population === null ? Number.NaN : c.population;
      this.densite.set(i, c.densite);
      this.ruralite.set(i, c.ruralite);
      this.region.set(i, c.region);
      this.hasZonage.set(i, !!c.zonage);
      this.idTi.set(i, c.zonage?.idTi ?? null);
      this.acv.set(i, c.zonage?.acv ?? false);
      this.pvd.set(i, c.zonage?.pvd ?? false);
      this.massif.set(i, c.zonage?.massif ?? null);
      if (c.zonage && c.zonage.qpv.length > 0) this.qpv.set(i, c.zonage.qpv);
      else this.qpv.delete(i);
    }
  }

  private row(i: number): StoredCommune {
    const insee = this.codes[i]!;
    const population = this.population[i]!;
    return {
      insee,
      population: Number.isNaN(population) ? null : population,
      densite: this.densite.get(i),
      ruralite: this.ruralite.get(i),
      region: this.region.get(i),
      zonage: this.hasZonage.get(i)
        ? {
            insee,
            idTi: this.idTi.get(i),
            acv: this.acv.get(i),
            pvd: this.pvd.get(i),
            qpv: this.qpv.get(i) ?? NO_QPV,
            massif: this.massif.get(i),
          }
        : null,
    };
  }

  /** Codes of the communes of a region, in the table's order, without building the communes. */
  codesOfRegion(region: string): string[] {
    return this.codes.filter((_, i) => this.region.get(i) === region);
  }

  get size(): number {
    return this.codes.length;
  }

  has(insee: string): boolean {
    return this.index.has(insee);
  }

  get(insee: string): StoredCommune | undefined {
    const i = this.index.get(insee);
    return i === undefined ? undefined : this.row(i);
  }

  *entries(): MapIterator<[string, StoredCommune]> {
    for (let i = 0; i < this.codes.length; i++) yield [this.codes[i]!, this.row(i)];
  }

  *keys(): MapIterator<string> {
    yield* this.codes;
  }

  *values(): MapIterator<StoredCommune> {
    for (let i = 0; i < this.codes.length; i++) yield this.row(i);
  }

  [Symbol.iterator](): MapIterator<[string, StoredCommune]> {
    return this.entries();
  }

  forEach(
    callback: (value: StoredCommune, key: string, map: ReadonlyMap<string, StoredCommune>) => void,
    thisArg?: unknown,
  ): void {
    for (let i = 0; i < this.codes.length; i++) callback.call(thisArg, this.row(i), this.codes[i]!, this);
  }
}

/** Commune → region code (the COG 2026 communes of employment), as codes and a region column. */
export class CommuneRegions implements ReadonlyMap<string, string> {
  private readonly codes: string[] = [];
  private readonly region: Dictionary<string>;
  /** Built on the first lookup by code: the portraits only list a region's communes (1.8 MiB saved). */
  private lookup: Map<string, number> | null = null;

  constructor(rows: readonly { insee: string; region_code: string }[]) {
    this.region = new Dictionary(rows.length);
    const index = new Map<string, number>();
    for (const r of rows) {
      const existing = index.get(r.insee);
      const i = existing ?? this.codes.length;
      if (existing === undefined) {
        this.codes.push(r.insee);
        index.set(r.insee, i);
      }
      this.region.set(i, r.region_code);
    }
  }

  private get index(): Map<string, number> {
    this.lookup ??= new Map(this.codes.map((code, i) => [code, i]));
    return this.lookup;
  }

  /** Codes of the communes of a region, in the table's order. */
  codesOfRegion(region: string): string[] {
    return this.codes.filter((_, i) => this.region.get(i) === region);
  }

  get size(): number {
    return this.codes.length;
  }

  has(insee: string): boolean {
    return this.index.has(insee);
  }

  get(insee: string): string | undefined {
    const i = this.index.get(insee);
    return i === undefined ? undefined : this.region.get(i);
  }

  *entries(): MapIterator<[string, string]> {
    for (let i = 0; i < this.codes.length; i++) yield [this.codes[i]!, this.region.get(i)];
  }

  *keys(): MapIterator<string> {
    yield* this.codes;
  }

  *values(): MapIterator<string> {
    for (let i = 0; i < this.codes.length; i++) yield this.region.get(i);
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(
    callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown,
  ) {
    for (let i = 0; i < this.codes.length; i++)
      callback.call(thisArg, this.region.get(i), this.codes[i]!, this);
  }
}
