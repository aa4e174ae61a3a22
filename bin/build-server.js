#!/usr/bin/env node
// Bundles the server and CLI (src/server/cli.ts and everything it imports from src/) into one
// JavaScript file, dist/server/pilote.mjs, that bin/pilote.js runs when it is not older than its
// sources. Running the TypeScript sources through tsx costs about 75 MiB of resident memory (tsx's
// module hooks run on a loader thread of their own, with its own heap and esbuild) — half the
// 150 MiB memory target. Packages stay external: they are loaded from node_modules as usual.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
export const BUNDLE = path.join(ROOT, 'dist/server/pilote.mjs');
export const INPUTS = path.join(ROOT, 'dist/server/inputs.json');

// Modules find their files (migrations, data folders, package resolution) from `import.meta.url`:
// in one bundle every module would get the bundle's address. Each module keeps its own, written
// relative to the bundle so that the project folder can move.
const ownImportMeta = {
  name: 'own-import-meta',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      if (contents.includes('import.meta')) {
        const relative = path.relative(path.dirname(BUNDLE), args.path).split(path.sep).join('/');
        const relativeDir = path.posix.dirname(relative);
        contents = contents
          .replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`)
          .replaceAll('import.meta.filename', `(import.meta.dirname + ${JSON.stringify(`/${relative}`)})`)
          .replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify(`/${relativeDir}`)})`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

export async function buildServer() {
  mkdirSync(path.dirname(BUNDLE), { recursive: true });
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/server/cli.ts')],
    outfile: BUNDLE,
    absWorkingDir: ROOT,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Read by Node.js only when started with --enable-source-maps (as with tsx).
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [ownImportMeta],
  });
  // The list of sources (relative to the project folder), for bin/pilote.js to tell whether the bundle is older than one of them.
  const inputs = Object.keys(result.metafile.inputs);
  writeFileSync(INPUTS, `${JSON.stringify(inputs)}\n`);
  // The bundle is written last and whole (a server starting meanwhile reads the old one or the new
  // one), so that it is never newer than the list of its sources.
  const output = (suffix) => result.outputFiles.find((file) => file.path.endsWith(suffix));
  writeFileSync(`${BUNDLE}.map`, output('.mjs.map').contents);
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(temporary, output('.mjs').contents);
  renameSync(temporary, BUNDLE);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
