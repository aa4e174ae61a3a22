import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '../../domain/comptes/demo-accounts';
import { ROLE_LABELS } from '../../domain/comptes/policy';
import type { AppContext } from '../platform/context';
import { hashPassword } from './passwords';
import { replaceGrants } from './users';

// One demonstration account per role (flagged demo), with the password from DEMO_PASSWORD or the
// documented default. Created once; printed at every start while they exist.

const DATASET = 'demo:comptes';

export const demoPassword = (env: NodeJS.ProcessEnv = process.env) =>
  env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

export async function seedDemoAccounts(ctx: AppContext): Promise<string | null> {
  const { rows } = await ctx.db.query('SELECT 1 FROM dataset_loads WHERE dataset = $1', [DATASET]);
  if (rows.length) return null;
  const password = demoPassword();
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(password)));
  await ctx.db.transaction(async (tx) => {
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      const { rows: created } = await tx.query<{ id: string }>(
        `INSERT INTO users (email, display_name, password_hash, demo, password_changed_at)
         VALUES ($1, $2, $3, true, $4)
         ON CONFLICT (lower(email)) DO UPDATE SET demo = true RETURNING id`,
        [account.email, account.name, hashes[i], ctx.clock.now()],
      );
      await replaceGrants(tx, created[0]!.id, account.grants);
    }
    await tx.query(
      `INSERT INTO dataset_loads (dataset, version, rows_loaded) VALUES ($1, '1', $2)
       ON CONFLICT (dataset) DO UPDATE SET loaded_at = now(), rows_loaded = $2`,
      [DATASET, DEMO_ACCOUNTS.length],
    );
  });
  return `${DEMO_ACCOUNTS.length} comptes de démonstration (un par rôle)`;
}

/** The start-up lines listing the demonstration accounts that still exist and are active. */
export async function demoAccountNotes(ctx: AppContext): Promise<string[]> {
  const { rows } = await ctx.db.query<{ email: string }>(
    'SELECT email FROM users WHERE demo AND active AND password_hash IS NOT NULL',
  );
  const present = new Set(rows.map((r) => r.email.toLowerCase()));
  const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.email.toLowerCase()));
  if (!accounts.length) return [];
  // Demonstration passwords are meant to be shared: printed as they are, from DEMO_PASSWORD or the default.
  const password = demoPassword();
  return [
    `Comptes de démonstration (mot de passe : ${password}) :`,
    ...accounts.map(
      (a) => `  ${a.email.padEnd(46)} ${ROLE_LABELS[a.grants[0]!.role].split(' (')[0]} — ${a.description}`,
    ),
  ];
}
