import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Responses that only change when reference data is reloaded are serialised and compressed once,
// then sent as bytes: the cost of a request is a lookup, not a JSON.stringify plus a compression.
// Only the compressed forms are kept (browsers and the bench always accept one of them): the plain
// bytes, three to five times larger, are inflated on demand for the rare client that wants them.

export interface CachedBody {
  /** The uncompressed bytes, inflated from `gzip` on each read. */
  readonly raw: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  contentType: string;
}

export function prepareBody(body: unknown, contentType = 'application/json; charset=utf-8'): CachedBody {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const gzip = exact(gzipSync(raw, { level: 9 }));
  return {
    get raw() {
      return gunzipSync(gzip);
    },
    gzip,
    br: exact(brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })),
    etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`,
    contentType,
  };
}

/**
 * zlib's sync functions return an output shorter than its 16 KiB chunk as a view of that chunk:
 * kept in a cache, a 2 KiB body would pin 16 KiB. Copy such views to their exact size.
 */
function exact(buffer: Buffer): Buffer {
  return buffer.byteLength < buffer.buffer.byteLength / 2 ? Buffer.from(buffer) : buffer;
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
