import type { StatutCode } from '../../domain/actions/vocabulary';
import type { AppContext } from '../platform/context';
import { badRequest } from '../platform/http/errors';
import type { ActionLite } from './actions-data';

// The action plans as frozen by an update campaign (campagnes module): the dashboards and the
// thematic maps can show a past campaign (its frozen snapshot) instead of the live plans. Until the
// campagnes module's tables exist, any campaign asked for is unknown.

export interface CampaignActions {
  code: string;
  libelle: string;
  /** Cache key part: a frozen snapshot never changes, a campaign in progress may. */
  revision: string;
  actions: ActionLite[];
}

export interface CampaignInfo {
  code: string;
  libelle: string;
}

async function campaignsInstalled(ctx: AppContext): Promise<boolean> {
  const { rows } = await ctx.db.query<{ ok: boolean }>("SELECT to_regclass('campagnes') IS NOT NULL AS ok");
  return rows[0]?.ok === true;
}

/** Closed campaigns (with their frozen snapshot), most recent first; empty while none exists. */
export async function listCampaigns(ctx: AppContext): Promise<CampaignInfo[]> {
  if (!(await campaignsInstalled(ctx))) return [];
  const { rows } = await ctx.db.query<{ id: string; nom: string }>(
    'SELECT id, nom FROM campagnes WHERE closed_at IS NOT NULL ORDER BY cloture DESC, nom',
  );
  return rows.map((r) => ({ code: r.id, libelle: r.nom }));
}

// A closed campaign's snapshot never changes: it is read once and kept.
const snapshots = new WeakMap<AppContext, Map<string, CampaignActions>>();

export async function campaignActions(ctx: AppContext, code: string): Promise<CampaignActions> {
  const known = await listCampaigns(ctx);
  const found = known.find((c) => c.code === code);
  if (!found) {
    throw badRequest(
      `Campagne « ${code} » inconnue ; ${known.length ? `attendu l'une de : ${known.map((c) => `${c.code} (${c.libelle})`).join(', ')}` : "aucune campagne close n'est encore enregistrée"}.`,
    );
  }
  let cache = snapshots.get(ctx);
  if (!cache) {
    cache = new Map();
    snapshots.set(ctx, cache);
  }
  const cached = cache.get(code);
  if (cached) return cached;
  const { rows } = await ctx.db.query<{
    territoire_id: string;
    region_code: string;
    axe: string;
    thematiques: string[];
    statut: StatutCode | null;
    demo: boolean;
  }>(
    `SELECT s.territoire_id, s.region_code, s.axe, s.thematiques, s.statut, c.demo
       FROM campagne_snapshots s JOIN campagnes c ON c.id = s.campagne_id
      WHERE s.campagne_id = $1`,
    [code],
  );
  const result: CampaignActions = {
    ...found,
    revision: code,
    actions: rows.map((r) => ({
      territoire: r.territoire_id,
      region: r.region_code,
      axe: r.axe,
      thematiques: r.thematiques ?? [],
      statut: r.statut,
      demo: r.demo,
    })),
  };
  cache.set(code, result);
  return result;
}
