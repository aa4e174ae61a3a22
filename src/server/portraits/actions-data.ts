import type { StatutCode } from '../../domain/actions/vocabulary';
import type { AppContext } from '../platform/context';

// The action plans as the portraits, maps and dashboards count them: one light record per live
// (non-archived) action, read once per revision of the `actions` table (actions_revision, bumped
// by every write in the same transaction), so that every instance sees a change at once and a
// dashboard request costs one tiny query plus counting in memory.

export interface ActionLite {
  territoire: string;
  region: string;
  axe: string;
  thematiques: string[];
  statut: StatutCode | null;
  demo: boolean;
}

export interface ActionsSnapshot {
  /** False while the actions module is not installed (no `actions` table). */
  available: boolean;
  revision: string;
  actions: ActionLite[];
  byTerritory: Map<string, ActionLite[]>;
  demo: boolean;
}

const EMPTY: ActionsSnapshot = {
  available: false,
  revision: 'none',
  actions: [],
  byTerritory: new Map(),
  demo: false,
};

const snapshots = new WeakMap<
  AppContext,
  { snapshot: ActionsSnapshot; loading: Promise<ActionsSnapshot> | null }
>();

async function tableExists(ctx: AppContext, table: string): Promise<boolean> {
  const { rows } = await ctx.db.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [table]);
  return rows[0]?.ok === true;
}

/** The current revision of the action plans ('none' when the actions module is absent). */
export async function actionsRevision(ctx: AppContext): Promise<string> {
  try {
    const { rows } = await ctx.db.query<{ rev: number }>('SELECT rev FROM actions_revision WHERE id = 1');
    return rows[0] ? String(rows[0].rev) : 'none';
  } catch {
    return 'none';
  }
}

export function groupByTerritory(actions: readonly ActionLite[]): Map<string, ActionLite[]> {
  const map = new Map<string, ActionLite[]>();
  for (const a of actions) {
    const list = map.get(a.territoire);
    if (list) list.push(a);
    else map.set(a.territoire, [a]);
  }
  return map;
}

export async function actionsSnapshot(ctx: AppContext): Promise<ActionsSnapshot> {
  const revision = await actionsRevision(ctx);
  let entry = snapshots.get(ctx);
  if (entry && entry.snapshot.revision === revision) return entry.snapshot;
  if (entry?.loading) return entry.loading;
  if (!entry) {
    entry = { snapshot: EMPTY, loading: null };
    snapshots.set(ctx, entry);
  }
  const holder = entry;
  holder.loading = (async () => {
    try {
      if (revision === 'none' && !(await tableExists(ctx, 'actions'))) return EMPTY;
      const { rows } = await ctx.db.query<{
        territoire_id: string;
        region_code: string;
        axe: string;
        thematiques: string[];
        statut: StatutCode | null;
        demo: boolean;
      }>(
        `SELECT territoire_id, region_code, axe, thematiques, statut, demo
           FROM actions WHERE archived_at IS NULL`,
      );
      const actions = rows.map((r) => ({
        territoire: r.territoire_id,
        region: r.region_code,
        axe: r.axe,
        thematiques: r.thematiques ?? [],
        statut: r.statut,
        demo: r.demo,
      }));
      const snapshot: ActionsSnapshot = {
        available: true,
        revision,
        actions,
        byTerritory: groupByTerritory(actions),
        demo: actions.some((a) => a.demo),
      };
      holder.snapshot = snapshot;
      return snapshot;
    } finally {
      holder.loading = null;
    }
  })();
  return holder.loading;
}
