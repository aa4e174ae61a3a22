import {
  type CampaignProgress,
  freshnessThresholds,
  rollUpProgress,
  type TerritoryFigures,
} from '../../domain/campagnes';
import { tiDirectory } from '../actions/territories';
import type { AppContext } from '../platform/context';
import type { Sql } from '../platform/db/database';
import type { CampaignRow } from './store';

// Live progress of a campaign: one SQL aggregate per territory (whatever the number of actions),
// rolled up to regions and the nation by the domain. An action counts as reviewed in the campaign
// when its territory confirmed it (campagne_revues) or a person created or edited it since the
// opening (action_history). Once closed, the figures come from the frozen snapshot.

interface TiAggregate {
  territoire_id: string;
  region_code: string;
  signed_off_at: Date | null;
  sent_back_at: Date | null;
  sent_back_comment: string | null;
  actions: number;
  reviewed: number;
  a_jour: number;
  a_revoir: number;
  jamais: number;
  oldest: Date | null;
}

/** SQL: « the action a was reviewed in campaign $1 opened at $2 » (for live actions). */
export const REVIEWED_SQL = `(r.action_id IS NOT NULL OR EXISTS (
    SELECT 1 FROM action_history h
     WHERE h.action_id = a.id AND h.at >= $2 AND h.user_id IS NOT NULL
       AND h.kind IN ('created', 'updated', 'imported', 'restored')))`;

export async function territoryAggregates(
  sql: Sql,
  c: CampaignRow,
  now: Date,
  filter: { territoire?: string; region?: string } = {},
): Promise<TiAggregate[]> {
  const at = c.closed_at ?? now;
  const { freshFrom, staleFrom } = freshnessThresholds(at);
  const params: unknown[] = [c.id, `${c.ouverture}T00:00:00Z`, freshFrom, staleFrom];
  let where = 'ct.campagne_id = $1';
  if (filter.territoire) {
    params.push(filter.territoire);
    where += ` AND ct.territoire_id = $${params.length}`;
  }
  if (filter.region) {
    params.push(filter.region);
    where += ` AND ct.region_code = $${params.length}`;
  }
  const head = `ct.territoire_id, ct.region_code, ct.signed_off_at, ct.sent_back_at, ct.sent_back_comment`;
  const text = c.closed_at
    ? `SELECT ${head}, count(s.action_id)::int AS actions,
              count(s.action_id) FILTER (WHERE s.revue)::int AS reviewed,
              count(s.action_id) FILTER (WHERE s.last_reviewed_at >= $3)::int AS a_jour,
              count(s.action_id) FILTER (WHERE s.last_reviewed_at < $3 AND s.last_reviewed_at >= $4)::int AS a_revoir,
              count(s.action_id) FILTER (WHERE s.last_reviewed_at IS NULL)::int AS jamais,
              min(s.last_reviewed_at) AS oldest
         FROM campagne_territoires ct
         LEFT JOIN campagne_snapshots s ON s.campagne_id = ct.campagne_id AND s.territoire_id = ct.territoire_id
        WHERE ${where} AND $2::text IS NOT NULL
        GROUP BY ${head}`
    : `SELECT ${head}, count(a.id)::int AS actions,
              count(a.id) FILTER (WHERE ${REVIEWED_SQL})::int AS reviewed,
              count(a.id) FILTER (WHERE a.last_reviewed_at >= $3)::int AS a_jour,
              count(a.id) FILTER (WHERE a.last_reviewed_at < $3 AND a.last_reviewed_at >= $4)::int AS a_revoir,
              count(a.id) FILTER (WHERE a.last_reviewed_at IS NULL)::int AS jamais,
              min(a.last_reviewed_at) AS oldest
         FROM campagne_territoires ct
         LEFT JOIN actions a ON a.territoire_id = ct.territoire_id AND a.archived_at IS NULL
         LEFT JOIN campagne_revues r ON r.campagne_id = ct.campagne_id AND r.action_id = a.id
        WHERE ${where}
        GROUP BY ${head}`;
  const { rows } = await sql.query<TiAggregate>(text, params);
  return rows;
}

export async function campaignProgress(
  ctx: AppContext,
  c: CampaignRow,
  filter: { territoire?: string; region?: string } = {},
  sql: Sql = ctx.db,
): Promise<CampaignProgress> {
  const directory = await tiDirectory(ctx);
  const aggregates = await territoryAggregates(sql, c, ctx.clock.now(), filter);
  const figures: TerritoryFigures[] = aggregates.map((r) => ({
    territoire: r.territoire_id,
    nom: directory.tiName(r.territoire_id) ?? r.territoire_id,
    region: r.region_code,
    actions: r.actions,
    reviewed: r.reviewed,
    freshness: {
      'a-jour': r.a_jour,
      'a-revoir': r.a_revoir,
      ancienne: r.actions - r.a_jour - r.a_revoir - r.jamais,
      jamais: r.jamais,
    },
    oldestReview: r.oldest ? r.oldest.toISOString().slice(0, 10) : null,
    signedOffAt: r.signed_off_at,
    sentBackAt: r.sent_back_at,
    sentBackComment: r.sent_back_comment,
  }));
  const { rows } = await sql.query<{ region_code: string; validated_at: Date | null }>(
    'SELECT region_code, validated_at FROM campagne_regions WHERE campagne_id = $1',
    [c.id],
  );
  const regions = new Map(
    rows.map((r) => [
      r.region_code,
      { nom: directory.regions.get(r.region_code) ?? r.region_code, validatedAt: r.validated_at },
    ]),
  );
  return rollUpProgress(figures, regions);
}
