import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppContext, Clock } from '../../src/server/platform/context';
import type { Database } from '../../src/server/platform/db/database';
import { openPostgres } from '../../src/server/platform/db/postgres';
import { type Platform, startPlatform } from '../../src/server/platform/start';
import { openTestDatabase, serverUrl, type TemplateKind, usingPostgres } from './database';

// A platform for tests: a fresh database cloned from a template, the real app, and either real
// HTTP on a free port (browser tests) or fastify.inject() (API tests, no socket needed).

export interface TestPlatform {
  url: string;
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function startTestPlatform(
  options: { data?: TemplateKind; listen?: boolean; clock?: Clock } = {},
): Promise<TestPlatform> {
  const db = await openTestDatabase(options.data ?? 'referentiel');
  let platform: Platform;
  try {
    platform = await startPlatform({
      db,
      clock: options.clock,
      listen: options.listen ?? true,
      config: {
        port: 0,
        host: '127.0.0.1',
        demo: false,
        dataDir: path.resolve('node_modules/.cache/pilote-tests/runtime'),
      },
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  return asTestPlatform(platform, db);
}

/**
 * Another instance of the app on the same PostgreSQL database as `first` (its own connection pool and
 * memory, like a second server behind the load balancer). PostgreSQL only: PGlite is one process.
 */
export async function startSecondInstance(first: TestPlatform): Promise<TestPlatform> {
  if (!usingPostgres()) throw new Error('Une seconde instance demande un serveur PostgreSQL.');
  const { rows } = await first.ctx.db.query<{ name: string }>('SELECT current_database() AS name');
  const db = await openPostgres(serverUrl(rows[0]!.name), 3);
  const platform = await startPlatform({
    db,
    clock: first.ctx.clock,
    listen: false,
    config: first.ctx.config,
  });
  return asTestPlatform(platform, db);
}

/** The test's view of a started platform; closing it also closes (and, for a clone, drops) its database. */
function asTestPlatform(platform: Platform, db: Database): TestPlatform {
  return {
    url: platform.url,
    app: platform.app,
    ctx: platform.ctx,
    close: async () => {
      await platform.close();
      await db.close();
    },
  };
}
