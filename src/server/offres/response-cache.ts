// The parcours of an action only changes when the action's matching facts or the catalogue change:
// its body is serialised and compressed once per version of those facts, then sent as bytes. The
// body is private (signed-in readers only): browsers revalidate it with its ETag, proxies keep none.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CachedBody, prepareBody } from '../platform/http/cached-response';

const MAX_ENTRIES = 1000;

export class BodyCache {
  private readonly entries = new Map<string, CachedBody>();

  get(key: string, build: () => unknown): CachedBody {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: the first entry is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = prepareBody(build());
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, body);
    return body;
  }
}

export function sendPrivate(request: FastifyRequest, reply: FastifyReply, body: CachedBody) {
  reply.header('etag', body.etag);
  reply.header('cache-control', 'private, no-cache');
  reply.header('vary', 'accept-encoding, cookie');
  reply.type(body.contentType);
  if (request.headers['if-none-match'] === body.etag) return reply.status(304).send();
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(body.br);
  if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.raw);
}
