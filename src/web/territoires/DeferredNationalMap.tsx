/**
 * The national map for pages where it sits below the first screen (the home page): MapLibre, its
 * worker and the national layer weigh about 420 KB as transferred, more than the whole first view
 * the design brief allows (≤ 300 KB). They are fetched only when the map's frame comes within
 * NEAR_MARGIN of the viewport; until then a frame of the same size (no layout shift) says the map
 * loads. Nothing in it takes the focus: the table twin and the search stay the keyboard route.
 */
import { lazy, type RefObject, Suspense, useEffect, useRef, useState } from 'react';
import { Loading } from '../platform/QueryState';
import { preloadNationalMap } from './carteQuery';
import './maps.css';

const NationalMap = lazy(() => import('./NationalMap'));

/**
 * Far enough ahead for the code and layer to arrive while the user scrolls the last screen down,
 * close enough that a reader who never scrolls to the map never pays for it.
 */
const NEAR_MARGIN = '200px 0px';

/**
 * True once `ref` has come within `margin` of the viewport (and stays true: a map, once loaded,
 * stays). Watches only once `placed`: the frame's position is known only when what is above it is drawn.
 */
function useNearViewport(
  ref: RefObject<HTMLElement | null>,
  margin: string,
  placed: boolean,
  onNear: () => void,
): boolean {
  const [near, setNear] = useState(false);
  const onNearRef = useRef(onNear);
  onNearRef.current = onNear;
  useEffect(() => {
    const element = ref.current;
    if (!element || near || !placed) return;
    // No IntersectionObserver (very old browser): load at once rather than never.
    if (typeof IntersectionObserver === 'undefined') {
      onNearRef.current();
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        onNearRef.current();
        setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin, near, placed]);
  return near;
}

/** Same frame as the map (`.pilote-map` sets its height), with the loading message in its middle. */
function MapPlaceholder({ frame }: { frame?: RefObject<HTMLDivElement | null> }) {
  return (
    <div ref={frame} className="pilote-map" data-testid="carte-nationale-attente">
      <div className="pilote-map__overlay">
        <Loading label="Chargement de la carte…" />
      </div>
    </div>
  );
}

/**
 * `placed`: false while content above the map is still loading (and will push the map down): the
 * frame is not watched until then, or it would look near the first screen for a moment.
 */
export function DeferredNationalMap({
  region,
  description,
  placed = true,
}: {
  region?: string;
  description: string;
  placed?: boolean;
}) {
  const frame = useRef<HTMLDivElement>(null);
  // The code and the layer start together, in parallel, the moment the frame comes near.
  const near = useNearViewport(frame, NEAR_MARGIN, placed, preloadNationalMap);
  if (!near) return <MapPlaceholder frame={frame} />;
  return (
    <Suspense fallback={<MapPlaceholder />}>
      <NationalMap region={region} description={description} />
    </Suspense>
  );
}
