import {
  type CampaignCalendar,
  type CampaignPhase,
  campaignPhase,
  PHASE_LABELS,
  type TerritoryCampaignState,
} from '../../domain/campagnes';
import type { AppContext } from '../platform/context';
import { queryOne, type Sql } from '../platform/db/database';
import { notFound } from '../platform/http/errors';

// Reading campaigns and the state of their territories and regions.

export interface CampaignRow {
  id: string;
  nom: string;
  ouverture: string;
  cloture: string;
  tous_territoires: boolean;
  closed_at: Date | null;
  nb_actions: number | null;
  created_at: Date;
  demo: boolean;
}

export const calendarOf = (c: CampaignRow): CampaignCalendar => ({
  nom: c.nom,
  ouverture: c.ouverture,
  cloture: c.cloture,
  closedAt: c.closed_at,
});

export const unknownCampaign = (id: string) =>
  notFound(`Campagne introuvable : « ${id} ». Consultez la liste sur /api/v1/campagnes.`);

const CAMPAIGN_COLUMNS =
  'id, nom, ouverture, cloture, tous_territoires, closed_at, nb_actions, created_at, demo';

export async function loadCampaign(
  sql: Sql,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CampaignRow> {
  const row = await queryOne<CampaignRow>(
    sql,
    `SELECT ${CAMPAIGN_COLUMNS} FROM campagnes WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw unknownCampaign(id);
  return row;
}

export async function listCampaigns(sql: Sql): Promise<CampaignRow[]> {
  const { rows } = await sql.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campagnes ORDER BY ouverture DESC, created_at DESC`,
  );
  return rows;
}

export function presentCampaign(
  c: CampaignRow,
  ctx: AppContext,
  counts?: { territoires: number; regions: number },
): Record<string, unknown> {
  const phase: CampaignPhase = campaignPhase(calendarOf(c), ctx.clock.now());
  return {
    id: c.id,
    nom: c.nom,
    ouverture: c.ouverture,
    cloture: c.cloture,
    etat: phase,
    etatLibelle: PHASE_LABELS[phase],
    close: phase === 'close',
    closeLe: c.closed_at ? c.closed_at.toISOString() : null,
    tousTerritoires: c.tous_territoires,
    nbActions: c.nb_actions,
    ...(counts ? { nbTerritoires: counts.territoires, nbRegions: counts.regions } : {}),
    demo: c.demo,
  };
}

export interface TiStateRow {
  territoire_id: string;
  region_code: string;
  signed_off_at: Date | null;
  sent_back_at: Date | null;
  sent_back_comment: string | null;
  validated_at: Date | null;
}

export async function loadTerritoryStates(
  sql: Sql,
  campaignId: string,
  filter: { territoire?: string; region?: string } = {},
  lock = false,
): Promise<TiStateRow[]> {
  const params: unknown[] = [campaignId];
  let where = 'ct.campagne_id = $1';
  if (filter.territoire) {
    params.push(filter.territoire);
    where += ` AND ct.territoire_id = $${params.length}`;
  }
  if (filter.region) {
    params.push(filter.region);
    where += ` AND ct.region_code = $${params.length}`;
  }
  const { rows } = await sql.query<TiStateRow>(
    `SELECT ct.territoire_id, ct.region_code, ct.signed_off_at, ct.sent_back_at, ct.sent_back_comment, cr.validated_at
       FROM campagne_territoires ct
       LEFT JOIN campagne_regions cr ON cr.campagne_id = ct.campagne_id AND cr.region_code = ct.region_code
      WHERE ${where} ORDER BY ct.territoire_id${lock ? ' FOR UPDATE OF ct' : ''}`,
    params,
  );
  return rows;
}

export const toState = (row: TiStateRow, nom?: string): TerritoryCampaignState => ({
  territoire: row.territoire_id,
  nom,
  signedOffAt: row.signed_off_at,
  sentBackAt: row.sent_back_at,
  sentBackComment: row.sent_back_comment,
  regionValidatedAt: row.validated_at,
});
