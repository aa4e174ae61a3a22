import { readFile } from 'node:fs/promises';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { type CachedBody, prepareBody } from '../platform/http/cached-response';
import { referenceFile } from './reference-files';

// Map layers are built offline (scripts/build-map-layers.ts) from the shipped contours into
// data/reference/derived/. The national layer is sent as is; a territory's members map is cut out
// of the members layer once per territory and kept.

const NATIONAL_LAYER = 'derived/carte-territoires.topojson';
const MEMBERS_LAYER = 'derived/territoires-membres.topojson';

let national: Promise<CachedBody> | null = null;
export function nationalLayer(): Promise<CachedBody> {
  national ??= readFile(referenceFile(NATIONAL_LAYER), 'utf8')
    .then((text) => prepareBody(text, 'application/json; charset=utf-8'))
    .catch((error) => {
      national = null;
      throw new Error(
        `Couche cartographique introuvable : data/reference/${NATIONAL_LAYER} (${error.message})`,
      );
    });
  return national;
}

interface MembersIndex {
  territories: Map<string, GeoJSON.Feature>;
  groupements: Map<string, GeoJSON.Feature>;
}
// The index (every groupement's outline as GeoJSON, about 8 MiB) only serves to cut out maps that
// are not cached yet: it is dropped once no map has been cut out for a while, and read again if a
// new one is needed (after a référentiel reload, say).
const INDEX_IDLE_MS = 60_000;
let members: Promise<MembersIndex> | null = null;
let dropIndex: NodeJS.Timeout | null = null;
function membersIndex(): Promise<MembersIndex> {
  if (dropIndex) clearTimeout(dropIndex);
  dropIndex = setTimeout(() => {
    members = null;
  }, INDEX_IDLE_MS).unref();
  members ??= readFile(referenceFile(MEMBERS_LAYER), 'utf8')
    .then((text) => {
      const topology = JSON.parse(text) as Topology;
      const asMap = (name: string, key: string) => {
        const collection = feature(topology, topology.objects[name]!) as unknown as GeoJSON.FeatureCollection;
        return new Map(collection.features.map((f) => [String(f.properties?.[key]), f]));
      };
      return { territories: asMap('territoires', 'id'), groupements: asMap('groupements', 'siren') };
    })
    .catch((error) => {
      members = null;
      throw error;
    });
  return members;
}

// One map per territory, replaced when its members change (référentiel reload).
const memberMaps = new Map<string, { members: string; body: CachedBody }>();
/** GeoJSON of a territory's outline and its member groupements (true coordinates). */
export async function territoryMap(
  id: string,
  memberCodes: { code: string; nom: string; type: string }[],
): Promise<CachedBody> {
  const key = memberCodes.map((m) => `${m.code}:${m.nom}:${m.type}`).join(',');
  const cached = memberMaps.get(id);
  if (cached?.members === key) return cached.body;
  const index = await membersIndex();
  const features: GeoJSON.Feature[] = [];
  const outline = index.territories.get(id);
  if (outline) features.push({ ...outline, properties: { kind: 'territoire', id } });
  for (const m of memberCodes) {
    const g = index.groupements.get(m.code);
    if (g)
      features.push({ ...g, properties: { kind: 'groupement', siren: m.code, nom: m.nom, type: m.type } });
  }
  const body = prepareBody({ type: 'FeatureCollection', features }, 'application/geo+json; charset=utf-8');
  memberMaps.set(id, { members: key, body });
  return body;
}
