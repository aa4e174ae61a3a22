#!/usr/bin/env node
// Entry point of the `pilote` command. Runs the bundle built by `npm install` (bin/build-server.js,
// dist/server/pilote.mjs) when no source it was built from has changed since; otherwise the
// TypeScript sources through tsx (no build step while developing). The bundle saves tsx's loader
// thread: about 75 MiB of resident memory for the server.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUNDLE = path.join(ROOT, 'dist/server/pilote.mjs');

/** The bundle when it exists and is newer than each of its sources (a few ms: ~300 stat calls). */
function freshBundle() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(path.join(ROOT, 'dist/server/inputs.json'), 'utf8'));
    for (const input of inputs) if (statSync(path.join(ROOT, input)).mtimeMs > built) return null;
    return BUNDLE;
  } catch {
    // No bundle, or a source was removed or renamed: run the sources.
    return null;
  }
}

const bundle = process.env.PILOTE_SOURCES === '1' ? null : freshBundle();
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  // tsx turns source maps on so that stack traces point at TypeScript lines; Node then parses and
  // keeps the map of every module (about 6 MiB for the server). Keep them only when asked for with
  // `node --enable-source-maps bin/pilote.js …` (function names and files are in traces either way).
  const sourceMaps = process.sourceMapsEnabled;
  register();
  if (!sourceMaps) process.setSourceMapsEnabled(false);
  await import('../src/server/cli.ts');
}
