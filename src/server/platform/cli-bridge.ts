import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context';
import type { ServerInfo } from './runtime-lock';

// While the server holds the embedded database, the CLI sends its command here (loopback only,
// with the secret token of server.json) and the server runs it in-process with the same code.

export type CommandRunner = (
  args: string[],
  ctx: AppContext,
  out: (l: string) => void,
  err: (l: string) => void,
) => Promise<number>;

export function cliBridge(ctx: AppContext, info: () => ServerInfo | null, run: CommandRunner) {
  return async (app: FastifyInstance) => {
    app.post('/internal/cli', { schema: { hide: true } }, async (request, reply) => {
      const expected = info()?.token;
      const given = String(request.headers['x-pilote-cli-token'] ?? '');
      const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
      if (
        !expected ||
        !loopback ||
        given.length !== expected.length ||
        !timingSafeEqual(Buffer.from(given), Buffer.from(expected))
      ) {
        return reply.status(403).send({ message: 'Accès refusé.' });
      }
      const { args } = request.body as { args: string[] };
      const lines: { stream: 'out' | 'err'; text: string }[] = [];
      const code = await run(
        args,
        ctx,
        (text) => lines.push({ stream: 'out', text }),
        (text) => lines.push({ stream: 'err', text }),
      ).catch((error: Error) => {
        lines.push({ stream: 'err', text: error.message });
        return 1;
      });
      return { code, lines };
    });
  };
}
