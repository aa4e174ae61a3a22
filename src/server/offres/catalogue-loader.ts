// Loads the catalogue of offers at start: every data/offres/*.yaml file, parsed with `yaml`, checked
// by the domain rules. Any broken file stops the load with one message listing every file and field
// at fault, so the server refuses to start on a broken catalogue instead of serving part of it.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import {
  formatOfferIssue,
  type Offer,
  type OfferIssue,
  validateCatalogue,
} from '../../domain/offres/catalogue';

/** data/offres/ of the project, whatever the working directory. */
export const DEFAULT_CATALOGUE_DIR = fileURLToPath(new URL('../../../data/offres/', import.meta.url));

export class CatalogueLoadError extends Error {
  constructor(readonly issues: OfferIssue[]) {
    super(
      `Catalogue des offres invalide (${issues.length} erreur${issues.length > 1 ? 's' : ''}) :\n` +
        issues.map((issue) => `- ${formatOfferIssue(issue)}`).join('\n'),
    );
    this.name = 'CatalogueLoadError';
  }
}

/**
 * Reads and validates every offer file of `dir` (default data/offres/), sorted by slug.
 * Files are named `offres/<name>.yaml` in messages, as a reviewer finds them in the repository.
 */
export async function loadCatalogue(dir: string = DEFAULT_CATALOGUE_DIR): Promise<Offer[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch (error) {
    throw new CatalogueLoadError([
      { file: dir, field: '', message: `dossier du catalogue illisible (${(error as Error).message})` },
    ]);
  }
  const issues: OfferIssue[] = [];
  const files: { fileName: string; data: unknown }[] = [];
  for (const name of names) {
    const fileName = `offres/${name}`;
    const text = await readFile(join(dir, name), 'utf8');
    try {
      files.push({ fileName, data: parse(text, { prettyErrors: true, uniqueKeys: true }) });
    } catch (error) {
      const where =
        error instanceof YAMLParseError && error.linePos
          ? `ligne ${error.linePos[0].line}, colonne ${error.linePos[0].col}`
          : 'position inconnue';
      // The parser's first line repeats the position; keep only what went wrong.
      const detail = ((error as Error).message.split('\n')[0] ?? '')
        .replace(/ at line \d+, column \d+:?$/, '')
        .trim();
      issues.push({ file: fileName, field: '', message: `YAML illisible (${where}) : ${detail}` });
    }
  }
  // Every file unreadable: say so, rather than also claiming the catalogue is empty.
  if (files.length === 0 && issues.length > 0) throw new CatalogueLoadError(issues);
  const result = validateCatalogue(files);
  if (!result.ok) issues.push(...result.issues);
  if (issues.length > 0 || !result.ok) throw new CatalogueLoadError(issues);
  return result.offers;
}
