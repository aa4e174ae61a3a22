import type { Config } from './config';
import type { Database } from './db/database';

/** A clock the tests can move (campaign reminders, session expiry) without waiting. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every module receives: the database, the configuration and the clock. */
export interface AppContext {
  db: Database;
  config: Config;
  clock: Clock;
}
