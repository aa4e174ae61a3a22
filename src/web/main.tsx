import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link } from 'react-router-dom';
import { App } from './platform/App';

// DSFR links are react-router links, so that the header, footer and cards navigate without reload.
declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

startReactDsfr({ defaultColorScheme: 'light', Link });

// Pages whose first view is a map: start fetching MapLibre (and the national layer) now, in parallel
// with the page's own code and data, instead of after them.
const path = window.location.pathname;
if (path === '/' || path.startsWith('/regions/'))
  void import('./territoires/carteQuery').then((m) => m.preloadNationalMap());
else if (/^\/territoires\/[^/]+$/.test(path)) void import('./territoires/TerritoireMap');

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root absent de index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
