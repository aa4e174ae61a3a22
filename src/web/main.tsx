import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link } from 'react-router-dom';
import { App } from './platform/App';
import { startCurrentPage } from './platform/earlyStart';

// DSFR links are react-router links, so that the header, footer and cards navigate without reload.
declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

startReactDsfr({ defaultColorScheme: 'light', Link });

// Region pages, whose first view is the map: start fetching MapLibre (and the national layer) now, in
// parallel with the page's own code and data, instead of after them. Not the home page, whose map is
// below the first screen and loads when scrolled near (DeferredNationalMap), nor territory pages,
// whose map is drawn in SVG without MapLibre.
if (window.location.pathname.startsWith('/regions/'))
  void import('./territoires/carteQuery').then((m) => m.preloadNationalMap());

// Ask for the page's code and data now, not after the entry has rendered the route (earlyStart.ts).
startCurrentPage();

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root absent de index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
