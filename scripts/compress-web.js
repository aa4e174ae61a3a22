#!/usr/bin/env node
// After `vite build`: writes a .gz and a .br beside every compressible file of dist/web, so that the
// server sends them precompressed (no compression work per request). Run by `npm run build:web`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The folder to compress: dist/web, or the one given as first argument (a build made elsewhere with
// `vite build --outDir <folder>`).
const root =
  process.argv[2] ?? join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'dist', 'web');
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.topojson',
  '.geojson',
  '.webmanifest',
  '.txt',
  '.map',
  '.ico',
]);
// Source maps are never sent to users; skip them to keep the build fast.
const SKIP = new Set(['.map']);
const MIN_BYTES = 512;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
let raw = 0;
let gz = 0;
let br = 0;
for (const path of files(root)) {
  const ext = extname(path);
  if (!COMPRESSIBLE.has(ext) || SKIP.has(ext)) continue;
  const data = readFileSync(path);
  if (data.length < MIN_BYTES) continue;
  const gzipped = gzipSync(data, { level: 9 });
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(`${path}.gz`, gzipped);
  writeFileSync(`${path}.br`, brotli);
  count += 1;
  raw += data.length;
  gz += gzipped.length;
  br += brotli.length;
}
const ko = (n) => `${Math.round(n / 1024)} Ko`;
console.log(
  `compress-web: ${count} fichiers de ${relative(process.cwd(), root)} — ${ko(raw)}, gzip ${ko(gz)}, brotli ${ko(br)}`,
);
