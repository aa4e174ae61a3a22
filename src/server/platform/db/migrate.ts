import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

// Migrations live with their module: src/server/<module>/migrations/NNNN_name.sql. They are applied
// in the order of their file names (the 4-digit prefix is global across modules), each once, all
// pending ones in one transaction under an advisory lock so that several app instances starting
// together on one PostgreSQL server never apply the same migration twice.

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MIGRATION_LOCK = 7_400_001;

export interface Migration {
  id: string;
  file: string;
}

export async function listMigrations(serverDir = SERVER_DIR): Promise<Migration[]> {
  const modules = await readdir(serverDir, { withFileTypes: true });
  const found: Migration[] = [];
  for (const entry of modules) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(serverDir, entry.name, 'migrations');
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files) {
      if (/^\d{4}_[\w-]+\.sql$/.test(file))
        found.push({ id: file.replace(/\.sql$/, ''), file: path.join(dir, file) });
    }
  }
  found.sort((a, b) => a.id.localeCompare(b.id));
  const seen = new Set<string>();
  for (const migration of found) {
    const prefix = migration.id.slice(0, 4);
    if (seen.has(prefix))
      throw new Error(`Deux migrations portent le numéro ${prefix} : renumérotez-en une.`);
    seen.add(prefix);
  }
  return found;
}

/** Applies pending migrations; returns the ids applied by this call. */
export async function migrate(db: Database): Promise<string[]> {
  const migrations = await listMigrations();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.id));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      const script = await readFile(migration.file, 'utf8');
      try {
        await tx.exec(script);
      } catch (error) {
        throw new Error(`La migration ${migration.id} a échoué : ${(error as Error).message}`);
      }
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      done.push(migration.id);
    }
    return done;
  });
}
