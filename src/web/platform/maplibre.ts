/**
 * MapLibre for every map of the platform: loaded only by the pages that draw a map (import this
 * module lazily), with its worker bundled by Vite, French control labels, no base-map tiles (each
 * map brings its own GeoJSON layers) and, under automation or in development, the instance exposed
 * as `window.__piloteMap` so that browser tests can query the rendered features.
 */
import {
  Map as MapLibreMap,
  type MapOptions,
  prewarm,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);
// Start the worker now, while the page still fetches its layers, rather than at the first map.
prewarm();

declare global {
  interface Window {
    __piloteMap?: MapLibreMap;
  }
}

export type { MapLibreMap };

const FRENCH_LOCALE = {
  'Map.Title': 'Carte',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'NavigationControl.ResetBearing': 'Réorienter vers le nord',
  'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + molette pour zoomer sur la carte',
  'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + molette pour zoomer sur la carte',
  'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
  'AttributionControl.ToggleAttribution': 'Afficher les sources',
};

/** A style with no tiles and no glyphs: only a background, the caller adds its sources and layers. */
export const emptyStyle = (background: string): StyleSpecification => ({
  version: 8,
  sources: {},
  layers: [{ id: 'fond', type: 'background', paint: { 'background-color': background } }],
});

/**
 * Creates a map in `container`. The map is a picture for keyboard and screen-reader users (each map
 * has a table twin next to it), so the canvas is taken out of the tab order.
 */
export function createMap(container: HTMLElement, options: Omit<MapOptions, 'container'>): MapLibreMap {
  const map = new MapLibreMap({
    container,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    keyboard: false,
    cooperativeGestures: true,
    renderWorldCopies: false,
    fadeDuration: 0,
    locale: FRENCH_LOCALE,
    ...options,
  });
  map.touchZoomRotate.disableRotation();
  const canvas = map.getCanvas();
  canvas.setAttribute('tabindex', '-1');
  canvas.removeAttribute('aria-label');
  canvas.setAttribute('role', 'presentation');
  if (import.meta.env.DEV || navigator.webdriver) window.__piloteMap = map;
  return map;
}
