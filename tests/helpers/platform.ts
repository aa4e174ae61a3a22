import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppContext, Clock } from '../../src/server/platform/context';
import { type Platform, startPlatform } from '../../src/server/platform/start';
import { openTestDatabase, type TemplateKind } from './database';

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
