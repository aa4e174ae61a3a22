import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseEmploiCommuneRecord } from '../../domain/portraits/employment';
import { insertRows } from '../platform/db/bulk';
import type { Database } from '../platform/db/database';
import { readCsvFile } from '../platform/files/csv';
import { referenceFile } from '../territoires/reference-files';

// Loads the shipped per-commune employment (data/reference/emploi/emploi_communes.csv, COG 2026,
// see its README) in one transaction, once per version of the file: the file's fingerprint is
// recorded in dataset_loads and a second start with the same file does nothing. Imports of newer
// producer files (import-command.ts) merge into the loaded rows afterwards.

export const EMPLOI_FILE = 'emploi/emploi_communes.csv';
export const EMPLOI_DATASET = 'emploi';
const REQUIRED = ['insee_com', 'salaries_2022', 'salaries_industrie_2025', 'demandeurs_abc_t4_2024'];

export interface EmploiLoadReport {
  skipped: boolean;
  version: string;
  communes: number;
}

export async function emploiFingerprint(): Promise<string> {
  try {
    return createHash('sha256')
      .update(await readFile(referenceFile(EMPLOI_FILE)))
      .digest('hex')
      .slice(0, 16);
  } catch {
    throw new Error(`Fichier de référence introuvable : data/reference/${EMPLOI_FILE}`);
  }
}

/** Per-year JSON object of the columns `<prefix>YYYY` of a record; empty cells are null. */
function yearColumns(record: Record<string, string>, prefix: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const pattern = new RegExp(`^${prefix}(\\d{4})$`);
  for (const [key, text] of Object.entries(record)) {
    const m = pattern.exec(key);
    if (!m) continue;
    const value = text.trim() === '' ? null : Number(text);
    out[m[1]!] = value === null || Number.isFinite(value) ? value : null;
  }
  return out;
}

export async function loadEmploi(db: Database, options: { force?: boolean } = {}): Promise<EmploiLoadReport> {
  const version = await emploiFingerprint();
  const current = await db.query<{ version: string }>(
    'SELECT version FROM dataset_loads WHERE dataset = $1',
    [EMPLOI_DATASET],
  );
  if (!options.force && current.rows[0]?.version === version) return { skipped: true, version, communes: 0 };
  const records = await readCsvFile(referenceFile(EMPLOI_FILE));
  const first = records[0];
  if (!first) throw new Error(`Fichier de référence vide : data/reference/${EMPLOI_FILE}`);
  const missing = REQUIRED.filter((c) => !(c in first));
  if (missing.length > 0) {
    throw new Error(
      `Fichier de référence incomplet : data/reference/${EMPLOI_FILE}, colonne(s) manquante(s) : ${missing.join(', ')}`,
    );
  }
  const rows = records.map((r) => {
    const parsed = parseEmploiCommuneRecord(r);
    return {
      insee: parsed.insee,
      salaries: parsed.salaries,
      // The file writes 0 where the total is missing (Mayotte): the domain parser turns it into null.
      salaries_industrie: parsed.salariesIndustrie,
      etablissements_industrie: yearColumns(r, 'etablissements_industrie_'),
      demandeurs: parsed.demandeurs,
    };
  });
  return db.transaction(async (tx) => {
    await tx.query('DELETE FROM emploi_communes');
    await insertRows(
      tx,
      'emploi_communes',
      ['insee', 'salaries', 'salaries_industrie', 'etablissements_industrie', 'demandeurs'],
      rows,
    );
    await tx.query(
      `INSERT INTO dataset_loads (dataset, version, rows_loaded) VALUES ($1, $2, $3)
       ON CONFLICT (dataset) DO UPDATE SET version = EXCLUDED.version, loaded_at = now(), rows_loaded = EXCLUDED.rows_loaded`,
      [EMPLOI_DATASET, version, rows.length],
    );
    return { skipped: false, version, communes: rows.length };
  });
}
