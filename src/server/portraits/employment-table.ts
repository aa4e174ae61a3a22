import type { CommuneEmployment, YearSeries } from '../../domain/portraits/employment';

// The per-commune employment series, kept for the server's lifetime, as typed arrays: one row per
// commune, one column per year. As ~35,000 CommuneEmployment objects, each with three year-keyed
// series (dictionary-mode objects), they took about 43 MiB of heap; as columns, about 3 MiB. The
// domain functions read them through the ReadonlyMap they take, which builds a commune's objects
// when asked for (short-lived: a portrait is computed once per data version and cached).
//
// For every consumer a year with no figure and an absent year are the same (`== null` tests, sums
// skipping missing values): a commune's series hold every year of the table, null where the commune
// had none.

const SERIES = ['salaries', 'salariesIndustrie', 'demandeurs'] as const;
type SeriesName = (typeof SERIES)[number];

/** Missing value in an Int32Array column. */
const NONE = -2147483648;

interface Column {
  years: number[];
  /** Int32Array when every value is a 32-bit integer (the shipped files), else Float64Array (NaN = none). */
  values: Int32Array | Float64Array;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The figures of a commune's series as read from the database: `{ "2015": 1234, … }`. */
export interface EmploymentRow {
  insee: string;
  salaries: unknown;
  salariesIndustrie: unknown;
  demandeurs: unknown;
}

export class EmploymentTable implements ReadonlyMap<string, CommuneEmployment> {
  private readonly codes: string[];
  private readonly index = new Map<string, number>();
  private readonly columns: Record<SeriesName, Column>;

  constructor(rows: readonly EmploymentRow[]) {
    this.codes = rows.map((r) => r.insee);
    // Later rows win, as in a Map built from the rows.
    for (let i = 0; i < this.codes.length; i++) this.index.set(this.codes[i]!, i);
    const entries = (value: unknown): [string, unknown][] =>
      value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
    const column = (name: SeriesName): Column => {
      const yearSet = new Set<number>();
      let integers = true;
      for (const row of rows) {
        for (const [year, value] of entries(row[name])) {
          yearSet.add(Number(year));
          if (
            finite(value) &&
            !(Number.isInteger(value) && value > NONE && value <= 0x7fffffff && !Object.is(value, -0))
          )
            integers = false;
        }
      }
      const years = [...yearSet].sort((a, b) => a - b);
      const position = new Map(years.map((y, j) => [y, j]));
      const values = integers
        ? new Int32Array(rows.length * years.length).fill(NONE)
        : new Float64Array(rows.length * years.length).fill(Number.NaN);
      rows.forEach((row, i) => {
        for (const [year, value] of entries(row[name])) {
          if (finite(value)) values[i * years.length + position.get(Number(year))!] = value;
        }
      });
      return { years, values };
    };
    this.columns = {
      salaries: column('salaries'),
      salariesIndustrie: column('salariesIndustrie'),
      demandeurs: column('demandeurs'),
    };
  }

  private series(name: SeriesName, row: number): YearSeries {
    const { years, values } = this.columns[name];
    const integers = values instanceof Int32Array;
    const series: Record<number, number | null> = {};
    for (let j = 0; j < years.length; j++) {
      const value = values[row * years.length + j]!;
      series[years[j]!] = integers ? (value === NONE ? null : value) : Number.isNaN(value) ? null : value;
    }
    return series;
  }

  private row(index: number): CommuneEmployment {
    return {
      insee: this.codes[index]!,
      salaries: this.series('salaries', index),
      salariesIndustrie: this.series('salariesIndustrie', index),
      demandeurs: this.series('demandeurs', index),
    };
  }

  get size(): number {
    return this.index.size;
  }

  has(insee: string): boolean {
    return this.index.has(insee);
  }

  get(insee: string): CommuneEmployment | undefined {
    const index = this.index.get(insee);
    return index === undefined ? undefined : this.row(index);
  }

  *entries(): MapIterator<[string, CommuneEmployment]> {
    for (const [insee, index] of this.index) yield [insee, this.row(index)];
  }

  *keys(): MapIterator<string> {
    yield* this.index.keys();
  }

  *values(): MapIterator<CommuneEmployment> {
    for (const index of this.index.values()) yield this.row(index);
  }

  [Symbol.iterator](): MapIterator<[string, CommuneEmployment]> {
    return this.entries();
  }

  forEach(
    callback: (value: CommuneEmployment, key: string, map: ReadonlyMap<string, CommuneEmployment>) => void,
    thisArg?: unknown,
  ): void {
    for (const [insee, index] of this.index) callback.call(thisArg, this.row(index), insee, this);
  }
}
