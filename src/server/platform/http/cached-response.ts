import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Responses that only change when reference data is reloaded are serialised and compressed once,
// then sent as bytes: the cost of a request is a lookup, not a JSON.stringify plus a compression.

export interface CachedBody {
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  contentType: string;
}

export function prepareBody(body: unknown, contentType = 'application/json; charset=utf-8'): CachedBody {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`,
    contentType,
  };
}

export function sendCached(request: FastifyRequest, reply: FastifyReply, body: CachedBody, maxAge = 300) {
  reply.header('etag', body.etag);
  reply.header('cache-control', `public, max-age=${maxAge}`);
  reply.header('vary', 'accept-encoding');
  reply.type(body.contentType);
  if (request.headers['if-none-match'] === body.etag) return reply.status(304).send();
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(body.br);
  if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.raw);
}
