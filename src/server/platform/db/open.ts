import type { Database } from './database';

export interface DatabaseTarget {
  /** A PostgreSQL connection string; when absent, the embedded PGlite engine is used. */
  databaseUrl?: string | undefined;
  /** Folder where PGlite keeps its files; null keeps the database in memory (tests). */
  dataDir: string | null;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(target.databaseUrl);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(target.dataDir);
}
