import { groupStuckByTerritory, STUCK_STATUTS, type StatusTrail, stuckActions } from '../../domain/campagnes';
import type { Sql } from '../platform/db/database';
import { campaignRowsSql, type Filter } from './figures';
import type { CampaignRow } from './store';

// Actions stuck in « En pause » or « Amont » for two campaigns or more, up to a reference campaign.
// Only rows in a stuck statut are read from each campaign: a run of the same statut can only go on
// through such rows, anything else (another statut, or absence) ends it.

export async function stuckUpTo(sql: Sql, reference: CampaignRow, filter: Filter) {
  const { rows: earlier } = await sql.query<CampaignRow>(
    `SELECT id, nom, ouverture, cloture, tous_territoires, closed_at, nb_actions, created_at, demo FROM campagnes
      WHERE closed_at IS NOT NULL AND ouverture < $1 AND id <> $2 ORDER BY ouverture`,
    [reference.ouverture, reference.id],
  );
  const sequence = [...earlier, reference];
  const statusMaps: Map<string, { statut: string; territoire: string; region: string; titre: string }>[] = [];
  for (const c of sequence) {
    const params: unknown[] = [c.id, [...STUCK_STATUTS]];
    const parts = ['statut = ANY($2::text[])'];
    if (filter.region) {
      params.push(filter.region);
      parts.push(`region_code = $${params.length}`);
    }
    if (filter.territoire) {
      params.push(filter.territoire);
      parts.push(`territoire_id = $${params.length}`);
    }
    const { rows } = await sql.query<{
      action_id: string;
      statut: string;
      territoire_id: string;
      region_code: string;
      titre: string;
    }>(
      `SELECT action_id, statut, territoire_id, region_code, titre FROM (${campaignRowsSql(c, '$1')}) s WHERE ${parts.join(' AND ')}`,
      params,
    );
    statusMaps.push(
      new Map(
        rows.map((r) => [
          r.action_id,
          { statut: r.statut, territoire: r.territoire_id, region: r.region_code, titre: r.titre },
        ]),
      ),
    );
  }
  const latest = statusMaps.at(-1)!;
  const trails: StatusTrail[] = [...latest].map(([action, info]) => ({
    action,
    territoire: info.territoire,
    region: info.region,
    titre: info.titre,
    statuts: statusMaps.map((m) => m.get(action)?.statut ?? 'autre'),
  }));
  const stuck = stuckActions(trails);
  return { campagnes: sequence, stuck, groups: groupStuckByTerritory(stuck) };
}
