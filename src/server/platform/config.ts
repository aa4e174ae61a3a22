import path from 'node:path';
import { fileURLToPath } from 'node:url';

// All configuration comes from environment variables, each with a sensible default documented in
// README.md. Secrets are never defaulted in production.

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; unset = embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and of the runtime files. */
  dataDir: string;
  production: boolean;
  /** Public base URL, used in emails and OpenID Connect redirects. */
  publicUrl: string;
  /** Load demonstration data on first start. */
  demo: boolean;
  /** Static files of the web application. */
  webDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT invalide : « ${env.PORT} » (attendu un entier entre 0 et 65535).`);
  }
  const host = env.HOST ?? '0.0.0.0';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(PROJECT_ROOT, '.data')),
    production: env.NODE_ENV === 'production',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    demo: env.DEMO !== '0' && env.DEMO !== 'false',
    webDir: path.resolve(env.WEB_DIR ?? path.join(PROJECT_ROOT, 'dist/web')),
  };
}
