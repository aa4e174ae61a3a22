import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database';
import { loadReferentiel } from '../../src/server/territoires/load-referentiel';
import { REFERENCE_DIR } from '../../src/server/territoires/reference-files';
import { openTestDatabase, usingPostgres } from '../helpers/database';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('référentiel loading', () => {
  let db: Database;
  let corrupt: string;
  beforeAll(async () => {
    db = await openTestDatabase('referentiel');
    corrupt = mkdtempSync(path.join(tmpdir(), 'pilote-ref-'));
    cpSync(REFERENCE_DIR, corrupt, {
      recursive: true,
      filter: (src) => !src.includes('/geo') && !src.includes('/emploi'),
    });
  });
  afterAll(async () => {
    process.env.PILOTE_REFERENCE_DIR = undefined;
    delete process.env.PILOTE_REFERENCE_DIR;
    rmSync(corrupt, { recursive: true, force: true });
    await db?.close();
  });

  const territoryCount = async () =>
    Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM territoires')).rows[0]!.n);

  it('is idempotent: a second load with the same files changes nothing', async () => {
    const before = await territoryCount();
    const report = await loadReferentiel(db);
    expect(report.skipped).toBe(true);
    expect(await territoryCount()).toBe(before);
    expect(before).toBe(149 + 183 + 183);
  });

  it('refuses a corrupt file with a French message naming it, and keeps the loaded data whole', async () => {
    writeFileSync(
      path.join(corrupt, 'territoires-industrie/ti_temps2_2024-09.csv'),
      'id_ti,lib_ti,insee_reg\nti-0101,Basse-Terre,01\n',
    );
    process.env.PILOTE_REFERENCE_DIR = corrupt;
    await expect(loadReferentiel(db, { force: true })).rejects.toThrow(
      /ti_temps2_2024-09\.csv compte 1 territoires, 183 attendus/,
    );
    rmSync(path.join(corrupt, 'zonages/densite.csv'));
    await expect(loadReferentiel(db, { force: true })).rejects.toThrow(/Fichier de référence introuvable/);
    delete process.env.PILOTE_REFERENCE_DIR;
    expect(await territoryCount()).toBe(149 + 183 + 183);
  });
});

// The CLI on the embedded database: alone, then handing its command to a running server.
describe.skipIf(usingPostgres())('CLI on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pilote-cli-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DEMO: '0',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const pilote = (...args: string[]) =>
    run(process.execPath, [path.join(ROOT, 'bin/pilote.js'), ...args], { env, cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads the référentiel, then says it is up to date', async () => {
    const first = await pilote('import', 'referentiel');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Référentiel chargé/);
    const second = await pilote('import', 'referentiel');
    expect(second.stdout).toMatch(/déjà à jour/);
  }, 300_000); // two cold CLI runs that load ~35,000 communes each: minutes on a loaded 2-core machine

  it('answers an unknown command in French with a non-zero exit', async () => {
    const result = await pilote('importer', 'tout');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Commande inconnue/);
  });

  it('hands its command to the server that holds the data folder', async () => {
    const { spawn } = await import('node:child_process');
    const server = spawn(process.execPath, [path.join(ROOT, 'bin/pilote.js'), 'serve'], { env, cwd: ROOT });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk) => {
          output += chunk;
          if (output.includes('est prêt')) resolve();
        });
        server.on('exit', () => reject(new Error(output)));
      });
      const result = await pilote('import', 'referentiel');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/déjà à jour/);
    } finally {
      server.kill('SIGTERM');
    }
  }, 120_000);
});
