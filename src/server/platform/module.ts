import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context';

/** A command of the `pilote` CLI. `words` are matched at the start of the arguments. */
export interface CliCommand {
  words: string[];
  usage: string;
  description: string;
  /** Returns the exit code. Writes for people go through `out`. */
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  ctx: AppContext;
  out(line: string): void;
  err(line: string): void;
}

/**
 * What a capability plugs into the platform. Each module has one `module.ts` exporting this, and
 * src/server/modules.ts lists them: the only shared file a new module touches.
 */
export interface ServerModule {
  name: string;
  /** Registers the module's HTTP routes (every /api route declares `config.access`). */
  routes?(app: FastifyInstance, ctx: AppContext): Promise<void>;
  /** Loads shipped reference data at start when it changed (idempotent, one transaction). */
  loadReference?(ctx: AppContext): Promise<string | null>;
  /** Creates the demonstration data on first start (idempotent; every row flagged). */
  seedDemo?(ctx: AppContext): Promise<string | null>;
  /** Background work started with the server (jobs); returns a stop function. */
  start?(ctx: AppContext): Promise<() => Promise<void>>;
  commands?: CliCommand[];
  /** Lines printed by `pilote serve` once the server listens (e.g. the demonstration accounts). */
  startupNotes?(ctx: AppContext): Promise<string[]>;
}
