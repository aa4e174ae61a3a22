import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

/**
 * Marianne faces the application draws: regular and bold (and their italics, fetched only where
 * italic text is shown). DSFR also declares light (300) and medium (500); a browser downloads every
 * declared face some text asks for, and DSFR buttons ask for medium: 42 KB more on every first view.
 * Without those faces, CSS font matching draws 300 and 500 with the regular face.
 */
const MARIANNE_WEIGHTS = new Set(['400', '700']);

/**
 * The DSFR stylesheet as shipped (dist/web/dsfr/dsfr.min.css, copied from public/dsfr): only the
 * Marianne faces above, and woff2 sources only (every browser the DSFR supports reads woff2, so the
 * woff fallbacks are never fetched and only weigh on the stylesheet). The faces keep the DSFR's
 * `font-display: swap`; `fontPreloads()` preloads the two that every first view draws.
 */
export function trimFontFaces(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const family = /font-family:\s*"?([\w ]+)"?/.exec(rule)?.[1]?.trim();
    const weight = /font-weight:\s*(\d+)/.exec(rule)?.[1];
    if (family === 'Marianne' && weight && !MARIANNE_WEIGHTS.has(weight)) return '';
    return rule.replace(/,\s*url\((["']?)[^)"']+\.woff\1\)\s*format\(["']woff["']\)/g, '');
  });
}

/**
 * The application runs in the light theme only (index.html, `disableDisplay` in the header): the
 * rules that apply under `[data-fr-theme=dark]` (the dark palette) never match. Rule by rule: a
 * rule goes only when every selector of its list is a dark-theme one.
 */
export function dropDarkTheme(css: string): string {
  return css
    .replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selector: string) =>
      selector.split(',').every((s) => s.includes('[data-fr-theme=dark]')) ? '' : rule,
    )
    .replace(/@media[^{]*\{\}/g, '');
}

interface UsedComponentsTool {
  getReactDsfrImportedModuleIds(params: { rawFileContent: string }): string[];
  resolveModuleIdToDsfrComponents(params: { moduleId: string }): string[] | undefined;
  detectDsfrComponentsFromClassNames(params: { rawFileContent: string }): string[];
  generateDsfrCssCode(params: {
    dsfrComponents: string[];
    isMinified: boolean;
    readDsfrFile: (fileRelativePath: string) => string | undefined;
  }): string;
}

const DSFR_DIST = 'node_modules/@codegouvfr/react-dsfr/dsfr';

/**
 * The DSFR stylesheet with the CSS of the components the application uses only (plus the core and
 * the colour scheme), as react-dsfr's `only-include-used-components` builds it: a component is used
 * when a source file under src/web imports its react-dsfr module or names its `fr-…` classes. Whole
 * DSFR stylesheets are kept or left out, no rule is rewritten. 51 KB → 43 KB compressed on every
 * page. Done here on the build's copy (the command itself rewrites public/dsfr and node_modules,
 * which other builds of the same tree read). Undefined, so the stylesheet stays whole, when a
 * react-dsfr module is unknown to the tool. A component only ever named in a .css file is missed:
 * name its class in the .tsx that uses it.
 */
function usedComponentsStylesheet(root: string): string | undefined {
  const tool = createRequire(import.meta.url)(
    path.resolve(root, 'node_modules/@codegouvfr/react-dsfr/bin/only-include-used-components.js'),
  ) as UsedComponentsTool;
  const used = new Set<string>();
  const scan = (dir: string): boolean => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!scan(file)) return false;
        continue;
      }
      if (!/\.(tsx?|jsx?)$/.test(entry.name)) continue;
      const rawFileContent = readFileSync(file, 'utf8');
      for (const moduleId of tool.getReactDsfrImportedModuleIds({ rawFileContent })) {
        const components = tool.resolveModuleIdToDsfrComponents({ moduleId });
        if (!components) return false;
        for (const component of components) used.add(component);
      }
      for (const component of tool.detectDsfrComponentsFromClassNames({ rawFileContent }))
        used.add(component);
    }
    return true;
  };
  if (!scan(path.resolve(root, 'src/web'))) return undefined;
  return tool.generateDsfrCssCode({
    dsfrComponents: [...used],
    isMinified: true,
    readDsfrFile: (relative) => {
      const file = path.resolve(root, DSFR_DIST, relative);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  });
}

function dsfrStylesheet(): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'pilote-dsfr-stylesheet',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      root = config.root;
    },
    // After the public folder has been copied into the build.
    closeBundle() {
      const file = path.join(outDir, 'dsfr/dsfr.min.css');
      if (!existsSync(file)) return;
      const css = usedComponentsStylesheet(root) ?? readFileSync(file, 'utf8');
      writeFileSync(file, dropDarkTheme(trimFontFaces(css)));
    },
  };
}

/**
 * Preloads the two faces every first view draws, so that they come alongside the stylesheet instead
 * of after it. Injected here rather than written in index.html: `copy-dsfr-to-public` appends
 * `?v=<version>` to every /dsfr/ link of index.html, and a preload whose URL differs from the
 * stylesheet's `url(fonts/…)` is a second download of the same font.
 */
function fontPreloads(): Plugin {
  return {
    name: 'pilote-font-preloads',
    transformIndexHtml: () =>
      ['Marianne-Regular', 'Marianne-Bold'].map((face) => ({
        tag: 'link',
        attrs: {
          rel: 'preload',
          href: `/dsfr/fonts/${face}.woff2`,
          as: 'font',
          type: 'font/woff2',
          crossorigin: '',
        },
        injectTo: 'head',
      })),
  };
}

/**
 * MapLibre's stylesheet without the controls Pilote TI never adds (logo, geolocation, full screen,
 * terrain, globe): their artwork, inlined as data URIs, is 80 % of the file (8 KB of 10 KB
 * compressed on every map page). The navigation, attribution and scale controls keep their rules.
 */
const UNUSED_MAPLIBRE_CONTROL = /maplibregl-ctrl-(logo|geolocate|fullscreen|shrink|terrain|globe)/;

export function trimMapLibreCss(css: string): string {
  return css
    .replace(/([^{}]+)\{([^{}]*)\}/g, (_rule, selector: string, body: string) => {
      const kept = selector.split(',').filter((s) => !UNUSED_MAPLIBRE_CONTROL.test(s));
      return kept.length > 0 ? `${kept.join(',')}{${body}}` : '';
    })
    .replace(/@media[^{]*\{\}/g, '');
}

function mapLibreCss(): Plugin {
  return {
    name: 'pilote-maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/maplibre-gl\/dist\/maplibre-gl\.css(\?|$)/.test(id)) return null;
      return { code: trimMapLibreCss(code), map: null };
    },
  };
}

export default defineConfig({
  plugins: [dsfrAssets(), dsfrStylesheet(), fontPreloads(), mapLibreCss(), react()],
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
