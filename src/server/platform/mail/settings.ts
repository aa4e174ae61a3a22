import type { AppContext } from '../context';

// Mail settings come from the environment (SMTP_URL may hold a password: never in a file). Tests
// override them per platform with configureMail(), since several platforms share one process.

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://…; unset = embedded outbox only. */
  smtpUrl: string | undefined;
  /** Sender shown to recipients. */
  from: string;
  /** Milliseconds between two dispatcher passes over pending mails. */
  pollMs: number;
}

const overrides = new WeakMap<AppContext, Partial<MailSettings>>();

export function mailSettings(ctx: AppContext, env: NodeJS.ProcessEnv = process.env): MailSettings {
  const override = overrides.get(ctx) ?? {};
  return {
    smtpUrl: 'smtpUrl' in override ? override.smtpUrl : env.SMTP_URL || undefined,
    from: override.from ?? env.MAIL_FROM ?? 'Pilote TI <ne-pas-repondre@pilote-ti.local>',
    pollMs: override.pollMs ?? Number(env.MAIL_POLL_MS ?? 5000),
  };
}

/** Overrides the environment for one platform (tests). */
export function configureMail(ctx: AppContext, settings: Partial<MailSettings>): void {
  overrides.set(ctx, { ...overrides.get(ctx), ...settings });
}
