/**
 * The stylesheet trimming done at build time (vite.config.ts): the Marianne faces kept, the woff
 * fallbacks dropped, the dark theme removed rule by rule, MapLibre's unused controls left out —
 * without touching any rule a page of the light theme uses.
 */
import { describe, expect, it } from 'vitest';
import { dropDarkTheme, trimFontFaces, trimMapLibreCss } from '../../vite.config';

const face = (weight: number, style = 'normal') =>
  `@font-face{font-family:Marianne;src:url(../fonts/Marianne-${weight}.woff2) format("woff2"),url(../fonts/Marianne-${weight}.woff) format("woff");font-weight:${weight};font-style:${style};font-display:swap}`;

describe('polices Marianne', () => {
  it('ne garde que les graisses 400 et 700, en woff2 seulement', () => {
    const css = trimFontFaces([300, 400, 500, 700].map((w) => face(w)).join(''));
    expect(css).not.toContain('font-weight:300');
    expect(css).not.toContain('font-weight:500');
    expect(css).toContain('font-weight:400');
    expect(css).toContain('font-weight:700');
    expect(css).not.toContain('.woff)');
    expect(css).toContain('font-display:swap');
  });
  it('garde les italiques des graisses retenues et les autres familles', () => {
    const other = '@font-face{font-family:Spectral;src:url(s.woff2) format("woff2");font-weight:800}';
    const css = trimFontFaces(face(400, 'italic') + other);
    expect(css).toContain('font-style:italic');
    expect(css).toContain('Spectral');
  });
});

describe('thème sombre', () => {
  it('retire une règle dont tous les sélecteurs sont du thème sombre, garde les autres', () => {
    const css =
      ':root[data-fr-theme=dark]{--a:#000}' +
      ':root,:root[data-fr-theme=dark]{--b:#fff}' +
      '.fr-btn{color:var(--b)}' +
      '@media (min-width:48em){:root[data-fr-theme=dark] .x{color:red}}';
    const out = dropDarkTheme(css);
    expect(out).not.toContain('--a:#000');
    expect(out).toContain(':root,:root[data-fr-theme=dark]{--b:#fff}');
    expect(out).toContain('.fr-btn{color:var(--b)}');
    expect(out).not.toContain('@media');
  });
});

describe('feuille de style de MapLibre', () => {
  it('retire les contrôles jamais ajoutés et garde la navigation et l’attribution', () => {
    const css =
      '.maplibregl-ctrl-logo{background:url(data:image/svg+xml;base64,AAA)}' +
      '.maplibregl-ctrl-zoom-in,.maplibregl-ctrl-fullscreen{width:29px}' +
      '.maplibregl-ctrl-attrib{font-size:12px}';
    const out = trimMapLibreCss(css);
    expect(out).not.toContain('ctrl-logo');
    expect(out).not.toContain('fullscreen');
    expect(out).toContain('.maplibregl-ctrl-zoom-in{width:29px}');
    expect(out).toContain('.maplibregl-ctrl-attrib{font-size:12px}');
  });
});
