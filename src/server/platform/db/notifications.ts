import pg from 'pg';

// LISTEN needs a connection of its own that stays open (a pooled one goes back to the pool after each
// query). One client per instance carries every channel; it is opened on the first listen() and
// reopened after an error with a growing delay, and every listener is called once it is back,
// because the notifications sent while it was away are lost (the listeners then reload or forget).

const MAX_RETRY_MS = 30_000;

export function notificationListener(connectionString: string) {
  const listeners = new Map<string, Set<() => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let retryMs = 500;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      for (const listener of listeners.get(message.channel) ?? []) listener();
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    await next.connect();
    for (const channel of listeners.keys()) await next.query(`LISTEN ${quote(channel)}`);
    return next;
  }

  function ensureConnected(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= connect().then(
      (next) => {
        client = next;
        connecting = null;
        retryMs = 500;
        return next;
      },
      (error: unknown) => {
        connecting = null;
        throw error;
      },
    );
    return connecting;
  }

  function lost(which: pg.Client) {
    if (client !== which || closed) return;
    client = null;
    which.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(async () => {
      retryTimer = null;
      try {
        await ensureConnected();
        for (const set of listeners.values()) for (const listener of set) listener();
      } catch {
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        scheduleReconnect();
      }
    }, retryMs);
    retryTimer.unref();
  }

  return {
    async listen(channel: string, listener: () => void): Promise<void> {
      const known = listeners.get(channel);
      if (known) known.add(listener);
      else listeners.set(channel, new Set([listener]));
      const current = await ensureConnected();
      if (!known) await current.query(`LISTEN ${quote(channel)}`);
    },
    async close(): Promise<void> {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client ?? (await connecting?.catch(() => null)) ?? null;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
