import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache';

// Incompressible text, so that each body's compressed size is close to its length.
const noise = (n: number, seed: number) => {
  let x = seed;
  let text = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    text += String.fromCharCode(33 + (x % 90));
  }
  return text;
};

describe('ResponseCache', () => {
  it('builds a body once and serves it again', async () => {
    const cache = new ResponseCache();
    let builds = 0;
    const build = () => {
      builds++;
      return { nom: 'Vallée de l’Arve' };
    };
    const first = await cache.get('k', build);
    const second = await cache.get('k', build);
    expect(builds).toBe(1);
    expect(second).toBe(first);
    expect(JSON.parse(first!.raw.toString())).toEqual({ nom: 'Vallée de l’Arve' });
    expect(JSON.parse(gunzipSync(first!.gzip).toString())).toEqual({ nom: 'Vallée de l’Arve' });
  });

  it('keeps nothing for a missing resource and forgets failed builds', async () => {
    const cache = new ResponseCache();
    expect(await cache.get('absent', () => null)).toBeNull();
    await expect(
      cache.get('boom', () => {
        throw new Error('échec');
      }),
    ).rejects.toThrow('échec');
    expect(await cache.get('boom', () => 'ok')).not.toBeNull();
  });

  it('evicts the least recently used entries beyond its entry count', async () => {
    const cache = new ResponseCache(2);
    await cache.get('a', () => 'a');
    await cache.get('b', () => 'b');
    await cache.get('a', () => 'a'); // a is now the most recently used
    await cache.get('c', () => 'c');
    let rebuilt = '';
    await cache.get('a', () => (rebuilt += 'a'));
    await cache.get('b', () => (rebuilt += 'b'));
    expect(rebuilt).toBe('b');
    expect(cache.size.entries).toBe(2);
  });

  it('stays within its byte budget', async () => {
    const cache = new ResponseCache(100, 20_000);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, () => noise(4_000, i + 1));
    const { entries, bytes } = cache.size;
    expect(bytes).toBeLessThanOrEqual(20_000);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(10);
    let rebuilt = false;
    await cache.get('k9', () => {
      rebuilt = true;
      return noise(4_000, 10);
    });
    expect(rebuilt).toBe(false);
  });
});
