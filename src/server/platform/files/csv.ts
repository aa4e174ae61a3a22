import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** Reads a small reference CSV (header row, comma or semicolon) into records; French error on failure. */
export async function readCsvFile(
  file: string,
  options: { delimiter?: string } = {},
): Promise<Record<string, string>[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`Fichier de référence introuvable : ${path.relative(process.cwd(), file)}`);
  }
  try {
    return parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      delimiter: options.delimiter ?? ',',
    }) as Record<string, string>[];
  } catch (error) {
    throw new Error(
      `Fichier de référence illisible : ${path.relative(process.cwd(), file)} (${(error as Error).message})`,
    );
  }
}

/** Reads a JSON file; French error naming the file when it is missing or malformed. */
export async function readJsonFile<T>(file: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`Fichier de référence introuvable : ${path.relative(process.cwd(), file)}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(
      `Fichier de référence illisible : ${path.relative(process.cwd(), file)} (JSON invalide : ${(error as Error).message})`,
    );
  }
}
