#!/usr/bin/env node
// Entry point of the `pilote` command: runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
