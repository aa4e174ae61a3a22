import type { AppContext } from '../platform/context';
import { badRequest } from '../platform/http/errors';
import type { ActionLite } from './actions-data';

// The action plans as frozen by an update campaign (campagnes module): the dashboards and the
// thematic maps can show a past campaign instead of the live plans. Until the campagnes module's
// tables exist, any campaign asked for is unknown.

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

/** Campaigns that can be chosen as a filter, most recent first (empty while none exists). */
export async function listCampaigns(ctx: AppContext): Promise<CampaignInfo[]> {
  if (!(await campaignsInstalled(ctx))) return [];
  return [];
}

export async function campaignActions(ctx: AppContext, code: string): Promise<CampaignActions> {
  const known = await listCampaigns(ctx);
  const found = known.find((c) => c.code === code);
  if (!found) {
    throw badRequest(
      `Campagne « ${code} » inconnue ; ${known.length ? `attendu l'une de : ${known.map((c) => c.code).join(', ')}` : "aucune campagne n'est encore enregistrée"}.`,
    );
  }
  return { ...found, revision: code, actions: [] };
}
