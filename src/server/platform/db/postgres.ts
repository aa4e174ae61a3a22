import pg from 'pg';
import { type Database, parseDate, parseInt8, parseNumeric, type Sql, TYPE_OIDS } from './database';
import { notificationListener } from './notifications';

pg.types.setTypeParser(TYPE_OIDS.INT8, parseInt8);
pg.types.setTypeParser(TYPE_OIDS.NUMERIC, parseNumeric);
pg.types.setTypeParser(TYPE_OIDS.DATE, parseDate);

/** Connects a pool to a PostgreSQL server. Several app instances can share the same server. */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize, options: '-c TimeZone=UTC' });
  // An idle connection closed by the server (restart, failover, DROP DATABASE … FORCE) must not crash
  // the process: the pool drops it and opens a new one on the next query.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01')
      process.stderr.write(`PostgreSQL : connexion inactive perdue (${error.message})\n`);
  });
  // Fail fast with a clear message when the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const notifications = notificationListener(connectionString);
  const wrap = (runner: pg.Pool | pg.PoolClient): Sql => ({
    query: async (text, params) => {
      const result = await runner.query(text, params ? [...params] : undefined);
      return { rows: result.rows };
    },
    exec: async (script) => {
      await runner.query(script);
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, listener) => notifications.listen(channel, listener),
    close: async () => {
      await notifications.close();
      await pool.end();
    },
  };
}
