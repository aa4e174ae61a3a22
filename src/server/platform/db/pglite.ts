import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type Database, parseDate, parseInt8, parseNumeric, type Sql, TYPE_OIDS } from './database';

// PostgreSQL's shared buffers live in PGlite's WebAssembly memory and are all touched when the
// engine starts: the 128 MB written in postgresql.conf by initdb made 128 MiB of the server's
// resident memory. The data files are read through the operating system's page cache anyway (a
// second cache under this one), so a small pool costs no measurable speed (bench/scenarios/memoire.ts
// and the territoires, actions and portraits scenarios). Set on the command line, not in the data
// folder's configuration: existing data folders are used as they are.
const SHARED_BUFFERS = '16MB';

const parsers = {
  [TYPE_OIDS.INT8]: parseInt8,
  [TYPE_OIDS.NUMERIC]: parseNumeric,
  [TYPE_OIDS.DATE]: parseDate,
};

/**
 * Opens (and creates on first use) an embedded database in `dataDir`, or in memory when null;
 * `initialData` starts it from a dump (tests clone a prepared template this way).
 */
export async function openPglite(
  dataDir: string | null,
  initialData?: Blob,
): Promise<Database & { dump(): Promise<Blob> }> {
  const pg = await PGlite.create({
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    ...(dataDir ? { dataDir } : {}),
    ...(initialData ? { loadDataDir: initialData } : {}),
    extensions: { unaccent, pg_trgm },
    parsers,
  });
  await pg.exec("SET TIME ZONE 'UTC'");
  const wrap = (runner: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    query: async (text, params) => {
      const result = await runner.query(text, params ? [...params] : undefined);
      return { rows: result.rows as never[] };
    },
    exec: async (script) => {
      await runner.exec(script);
    },
  });
  const base = wrap(pg);
  return {
    engine: 'pglite',
    ...base,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    // One process holds the folder, so its own notifications are the only ones; kept for one code path.
    listen: async (channel, listener) => {
      await pg.listen(channel, () => listener());
    },
    close: () => pg.close(),
    dump: () => pg.dumpDataDir('gzip'),
  };
}
