import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context';
import { HttpError } from '../platform/http/errors';
import { pdfPrinter } from './pdf';

// Sends the PDF of a print route of the web app, printed by the server's own Chromium against the
// server's own address (loopback), so that the PDF is exactly what the browser prints.

export async function sendPrintedPdf(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  printPath: string,
  fileName: string,
) {
  const address = request.server.server.address() as AddressInfo | string | null;
  if (!address || typeof address === 'string') {
    throw new HttpError(503, "Impression PDF indisponible : le serveur n'écoute pas sur un port local.");
  }
  if (!existsSync(path.join(ctx.config.webDir, 'index.html'))) {
    throw new HttpError(
      503,
      "Impression PDF indisponible : l'application web n'est pas construite (npm run build:web).",
    );
  }
  const host =
    address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : '127.0.0.1';
  let pdf: Buffer;
  try {
    pdf = await pdfPrinter(ctx).print(`http://${host}:${address.port}${printPath}`);
  } catch (error) {
    request.log.error({ err: error }, 'pdf printing failed');
    throw new HttpError(503, `Impression PDF impossible : ${(error as Error).message}`);
  }
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}
