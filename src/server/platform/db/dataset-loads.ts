import type { Sql } from './database';

// `dataset_loads` records which datasets are in the database (reference loads, demonstration seeds),
// so that a seed runs once: at first start, never again on later starts or on other instances.

/** Whether `dataset` was loaded. */
export async function alreadyLoaded(db: Sql, dataset: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM dataset_loads WHERE dataset = $1', [dataset]);
  return rows.length > 0;
}

/** Records `dataset` as loaded (demonstration version) with its row count, in the caller's transaction. */
export async function markLoaded(tx: Sql, dataset: string, rows: number): Promise<void> {
  await tx.query(
    `INSERT INTO dataset_loads (dataset, version, rows_loaded) VALUES ($1, 'demo', $2)
     ON CONFLICT (dataset) DO UPDATE SET rows_loaded = EXCLUDED.rows_loaded, loaded_at = now()`,
    [dataset, rows],
  );
}
