// One database interface for both engines: PGlite embedded in the process (the default) and a
// PostgreSQL server reached through DATABASE_URL. Every module talks to this interface only, so the
// same SQL and the same migrations run on both.

export interface QueryResult<T> {
  rows: T[];
}

/** Something that runs SQL: the database itself, or a transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations, bulk DDL). */
  exec(script: string): Promise<void>;
}

export interface Database extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` on every `NOTIFY channel` sent by any instance sharing the database (send with
   * `SELECT pg_notify(channel, '')`: at commit when inside a transaction), and again after a lost
   * connection came back, since notifications sent meanwhile are lost. Resolves once listening.
   */
  listen(channel: string, listener: () => void): Promise<void>;
  close(): Promise<void>;
}

/** Convenience: first row or undefined. */
export async function queryOne<T = Record<string, unknown>>(
  sql: Sql,
  text: string,
  params?: readonly unknown[],
): Promise<T | undefined> {
  const { rows } = await sql.query<T>(text, params);
  return rows[0];
}

// Type OIDs whose default JavaScript shape differs between engines or is unhelpful: we want numbers
// for bigint counts and numeric amounts, and plain 'YYYY-MM-DD' strings for dates (a Date object
// would shift with the time zone).
export const TYPE_OIDS = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;
export const parseInt8 = (value: string) => Number(value);
export const parseNumeric = (value: string) => Number(value);
export const parseDate = (value: string) => value;
