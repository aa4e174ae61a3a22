import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/server/platform/db/database';
import { openPglite } from '../../src/server/platform/db/pglite';
import { openPostgres } from '../../src/server/platform/db/postgres';

// Test databases are cloned from templates prepared once per run (and reused between runs while the
// code and data they come from are unchanged): a dump file for PGlite, a template database for
// PostgreSQL (CREATE DATABASE … TEMPLATE). A test file gets a fresh, fully loaded database in a second.

export type TemplateKind = 'referentiel' | 'demo';
const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/pilote-tests');

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

/** Fingerprint of everything a template depends on: server and domain code, migrations, data. */
export async function templateFingerprint(): Promise<string> {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for (const dir of ['src/server', 'src/domain', 'data/offres']) {
    const files = (await readdir(path.join(ROOT, dir), { recursive: true })) as string[];
    for (const file of files.sort()) {
      if (!/\.(ts|sql|yaml)$/.test(file) || file.endsWith('.test.ts')) continue;
      hash.update(file).update(await readFile(path.join(ROOT, dir, file)));
    }
  }
  const { referenceFingerprint } = await import('../../src/server/territoires/reference-files');
  hash.update(await referenceFingerprint());
  return hash.digest('hex').slice(0, 12);
}

const dumpFile = (kind: TemplateKind, fingerprint: string) =>
  path.join(CACHE_DIR, `${kind}-${fingerprint}.tgz`);
const templateName = (kind: TemplateKind, fingerprint: string) => `pilote_tpl_${kind}_${fingerprint}`;

export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Builds the template of `kind` if missing (called by the global setup, once per run). */
export async function ensureTemplate(
  kind: TemplateKind,
  fingerprint: string,
  prepare: (db: Database) => Promise<void>,
): Promise<void> {
  if (usingPostgres()) {
    const name = templateName(kind, fingerprint);
    const exists = await admin(
      async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
    );
    if (exists) return;
    const building = `${name}_building_${randomBytes(3).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${building}`));
    const db = await openPostgres(serverUrl(building), 2);
    try {
      await prepare(db);
    } finally {
      await db.close();
    }
    // Another run may have finished the same template meanwhile: keep theirs, drop ours.
    await admin((c) => c.query(`ALTER DATABASE ${building} RENAME TO ${name}`)).catch(() =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`)),
    );
    return;
  }
  const file = dumpFile(kind, fingerprint);
  if (existsSync(file)) return;
  const db = await openPglite(null);
  try {
    await prepare(db);
    const dump = await db.dump();
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.tmp`, file);
  } finally {
    await db.close();
  }
}

/** A fresh database cloned from the template; `close()` drops it. */
export async function openTestDatabase(kind: TemplateKind = 'referentiel'): Promise<Database> {
  const fingerprint = process.env.PILOTE_TEMPLATE_FINGERPRINT ?? (await templateFingerprint());
  if (usingPostgres()) {
    const name = `pilote_t_${randomBytes(5).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName(kind, fingerprint)}`));
    const db = await openPostgres(serverUrl(name), 5);
    return {
      ...db,
      close: async () => {
        await db.close();
        await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const file = dumpFile(kind, fingerprint);
  if (!existsSync(file))
    throw new Error(`Modèle de base de test absent : ${file} (le globalSetup de vitest le crée).`);
  return openPglite(null, new Blob([readFileSync(file)]));
}
