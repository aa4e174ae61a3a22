import type { Sql } from './database';

// Bulk insert through one JSON parameter per chunk: a single round trip per few thousand rows,
// identical on PGlite and PostgreSQL, with the table's own column types doing the casting.

const CHUNK = 4000;

export async function insertRows(
  sql: Sql,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<number> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await sql.query(
      `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`,
      [JSON.stringify(chunk)],
    );
  }
  return rows.length;
}
