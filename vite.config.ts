import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The web application: index.html at the repository root, sources in src/web, DSFR assets in
// public/dsfr, build in dist/web (served by the Fastify server, precompressed by
// scripts/compress-web.js). In development, /api goes to the local server.

/**
 * `react-dsfr update-icons` only trims the icons of an existing public/dsfr; on a fresh clone that
 * folder is copied here first (react-dsfr's `copy-dsfr-to-public`), then the icons are trimmed.
 */
function dsfrAssets(): Plugin {
  return {
    name: 'pilote-dsfr-assets',
    config() {
      if (existsSync('public/dsfr/dsfr.min.css')) return;
      execFileSync('node_modules/.bin/copy-dsfr-to-public', { stdio: 'inherit' });
      execFileSync('node_modules/.bin/react-dsfr', ['update-icons'], { stdio: 'ignore' });
    },
  };
}

export default defineConfig({
  plugins: [dsfrAssets(), react()],
  publicDir: 'public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // MapLibre alone is larger than the default warning threshold; it is loaded only with a map.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
