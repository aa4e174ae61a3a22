import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/config';

// Where the référentiel's inputs live. The administrative geography comes from two vintages of
// @etalab/decoupage-administratif; the programme's perimeters and zonages are shipped in
// data/reference/ with their provenance.

const require = createRequire(import.meta.url);
export const REFERENCE_DIR = path.join(PROJECT_ROOT, 'data/reference');
/** PILOTE_REFERENCE_DIR points the loaders at another copy of the reference data (tests of corrupt files). */
const referenceDir = () => process.env.PILOTE_REFERENCE_DIR ?? REFERENCE_DIR;

export type Cog = '2023' | '2026';
const DECOUPAGE_PACKAGE: Record<Cog, string> = {
  '2023': 'decoupage-2023',
  '2026': '@etalab/decoupage-administratif',
};

export function decoupageFile(
  cog: Cog,
  name: 'communes' | 'epci' | 'ept' | 'departements' | 'regions',
): string {
  const pkg = path.dirname(require.resolve(`${DECOUPAGE_PACKAGE[cog]}/package.json`));
  return path.join(pkg, 'data', `${name}.json`);
}

export const referenceFile = (...parts: string[]) => path.join(referenceDir(), ...parts);

export const PERIMETRE_FILES = {
  temps1: {
    territoires: 'territoires-industrie/ti_temps1.csv',
    membres: 'territoires-industrie/ti_temps1_membres.csv',
  },
  '2023-11': {
    territoires: 'territoires-industrie/ti_temps2_2023-11.csv',
    membres: 'territoires-industrie/ti_temps2_2023-11_membres.csv',
  },
  '2024-09': {
    territoires: 'territoires-industrie/ti_temps2_2024-09.csv',
    membres: 'territoires-industrie/ti_temps2_2024-09_membres.csv',
  },
} as const;

export const ZONAGE_FILES = {
  communes: 'zonages/zonages_communes_cog2023.csv',
  densite: 'zonages/densite.csv',
  ruralite: 'zonages/ruralite.csv',
  centralite: 'zonages/centralite.csv',
} as const;

/** Fingerprint of every input, so that loading is skipped when nothing changed and redone otherwise. */
export async function referenceFingerprint(): Promise<string> {
  const files = [
    ...Object.values(PERIMETRE_FILES).flatMap((f) => [
      referenceFile(f.territoires),
      referenceFile(f.membres),
    ]),
    ...Object.values(ZONAGE_FILES).map((f) => referenceFile(f)),
    require.resolve('decoupage-2023/package.json'),
    require.resolve('@etalab/decoupage-administratif/package.json'),
  ];
  const hash = createHash('sha256');
  for (const file of files) {
    try {
      hash.update(await readFile(file));
    } catch {
      throw new Error(`Fichier de référence introuvable : ${path.relative(PROJECT_ROOT, file)}`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
