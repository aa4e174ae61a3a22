#!/usr/bin/env node
// Entry point of the `pilote` command: runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

// tsx turns source maps on so that stack traces point at TypeScript lines; Node then parses and keeps
// the map of every module (about 6 MiB for the server). Keep them only when asked for with
// `node --enable-source-maps bin/pilote.js …` (function names and files are in traces either way).
const sourceMaps = process.sourceMapsEnabled;
register();
if (!sourceMaps) process.setSourceMapsEnabled(false);
await import('../src/server/cli.ts');
