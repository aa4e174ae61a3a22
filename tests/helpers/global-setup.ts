import { migrate } from '../../src/server/platform/db/migrate';
import { openPlatformContext } from '../../src/server/platform/start';
import { ensureTemplate, templateFingerprint, usingPostgres } from './database';

// Runs once before the database and browser tests: prepares the template databases they clone.
export default async function setup() {
  const started = Date.now();
  const fingerprint = await templateFingerprint();
  process.env.PILOTE_TEMPLATE_FINGERPRINT = fingerprint;
  for (const kind of ['referentiel', 'demo'] as const) {
    await ensureTemplate(kind, fingerprint, async (db) => {
      await migrate(db);
      const { release } = await openPlatformContext({ db, config: { demo: kind === 'demo' } });
      await release();
    });
  }
  const engine = usingPostgres() ? 'PostgreSQL' : 'PGlite';
  console.log(`Bases modèles de test (${engine}) prêtes en ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
