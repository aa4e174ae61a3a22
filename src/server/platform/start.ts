import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { MODULES } from '../modules';
import { cliBridge } from './cli-bridge';
import { runCommand } from './cli-commands';
import { type Config, loadConfig } from './config';
import { type AppContext, type Clock, systemClock } from './context';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { buildApp } from './http/app';
import { acquireDataDirLock, type ServerInfo, writeServerInfo } from './runtime-lock';
import { settleMemoryAfterStart } from './settle-memory';

export interface PlatformOptions {
  config?: Partial<Config>;
  clock?: Clock;
  /** Use this already-open database (tests) instead of opening one from the configuration. */
  db?: Database;
  logger?: boolean;
  /** Start listening (false: build the app only, for inject()-based tests). */
  listen?: boolean;
  log?: (line: string) => void;
  /** Load reference and demonstration data on opening (false for CLI commands that manage data). */
  loadData?: boolean;
}

export interface Platform {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Opens the database (taking the embedded folder's lock), migrates, loads reference and demo data. */
export async function openPlatformContext(options: PlatformOptions = {}): Promise<{
  ctx: AppContext;
  release: () => Promise<void>;
}> {
  const config = { ...loadConfig(), ...options.config };
  const log = options.log ?? (() => {});
  let unlock = () => {};
  let db = options.db;
  if (!db) {
    if (!config.databaseUrl) unlock = acquireDataDirLock(config.dataDir);
    try {
      db = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: path.join(config.dataDir, 'pglite'),
      });
    } catch (error) {
      unlock();
      throw error;
    }
  }
  const ctx: AppContext = { db, config, clock: options.clock ?? systemClock };
  const release = async () => {
    if (!options.db) await db.close();
    unlock();
  };
  try {
    const applied = await migrate(db);
    if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);
    if (options.loadData === false) return { ctx, release };
    for (const module of MODULES) {
      const done = await module.loadReference?.(ctx);
      if (done) log(`Données de référence : ${done}`);
    }
    if (config.demo) {
      for (const module of MODULES) {
        const done = await module.seedDemo?.(ctx);
        if (done) log(`Données de démonstration : ${done}`);
      }
    }
  } catch (error) {
    await release();
    throw error;
  }
  return { ctx, release };
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const { ctx, release } = await openPlatformContext(options);
  let info: ServerInfo | null = null;
  const embedded = !ctx.config.databaseUrl && !options.db;
  const stops: (() => Promise<void>)[] = [];
  let app: FastifyInstance;
  try {
    app = await buildApp(ctx, {
      logger: options.logger ?? false,
      extra: embedded ? cliBridge(ctx, () => info, runCommand) : undefined,
    });
    if (options.listen !== false) {
      await app.listen({ port: ctx.config.port, host: ctx.config.host });
    } else {
      await app.ready();
    }
    for (const module of MODULES) if (module.start) stops.push(await module.start(ctx));
  } catch (error) {
    await release();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : ctx.config.port;
  if (embedded && options.listen !== false) info = writeServerInfo(ctx.config.dataDir, port);
  if (options.listen !== false) settleMemoryAfterStart();
  return {
    ctx,
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const stop of stops) await stop();
      await app.close();
      await release();
    },
  };
}
