// Reading requests (sollicitations) and their thread from the database, in the API's French shape,
// and the SQL filter of what each role may see.

import type { Actor } from '../../domain/comptes/policy';
import {
  isLate,
  type SollicitationScope,
  type SollicitationStatut,
  sollicitationStatutLabel,
} from '../../domain/offres/sollicitations';
import { operateurLabel } from '../../domain/offres/vocabulary';
import type { Sql } from '../platform/db/database';
import { reference } from './notify';

export interface SollicitationRow {
  id: string;
  numero: number;
  action_id: string;
  territoire_id: string;
  region_code: string;
  offre_slug: string | null;
  via_cellule: boolean;
  organisation: string | null;
  objet: string;
  statut: SollicitationStatut;
  echeance: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  decided_at: Date | null;
  demo: boolean;
  action_titre: string | null;
  territoire_nom: string | null;
  region_nom: string | null;
  offre_titre: string | null;
  demandeur: string | null;
}

export const SELECT_SOLLICITATION = `
  SELECT s.id, s.numero, s.action_id, s.territoire_id, s.region_code, s.offre_slug, s.via_cellule,
         s.organisation, s.objet, s.statut, s.echeance, s.created_by, s.created_at, s.updated_at,
         s.decided_at, s.demo, a.title AS action_titre, t.nom AS territoire_nom, r.nom AS region_nom,
         o.titre AS offre_titre, u.display_name AS demandeur
    FROM sollicitations s
    LEFT JOIN actions a ON a.id = s.action_id
    LEFT JOIN perimetres p ON p.courant
    LEFT JOIN territoires t ON t.version = p.version AND t.id = s.territoire_id
    LEFT JOIN regions r ON r.code = s.region_code
    LEFT JOIN offres o ON o.slug = s.offre_slug
    LEFT JOIN users u ON u.id = s.created_by`;

export const scopeOf = (row: SollicitationRow): SollicitationScope => ({
  territoire: row.territoire_id,
  region: row.region_code,
  organisation: row.organisation,
  viaCellule: row.via_cellule,
});

export function sollicitationItem(row: SollicitationRow, today: string) {
  return {
    id: row.id,
    reference: reference(row.numero),
    objet: row.objet,
    statut: row.statut,
    statutLibelle: sollicitationStatutLabel(row.statut),
    destinataire: row.via_cellule ? 'cellule-regionale' : 'operateur',
    viaCellule: row.via_cellule,
    organisation: row.organisation,
    organisationLibelle: row.organisation ? operateurLabel(row.organisation) : null,
    adresseeA: row.organisation
      ? operateurLabel(row.organisation)
      : `Cellule régionale${row.region_nom ? ` (${row.region_nom})` : ''}`,
    action: { id: row.action_id, titre: row.action_titre ?? '(action supprimée)' },
    territoire: { id: row.territoire_id, nom: row.territoire_nom ?? row.territoire_id },
    region: { code: row.region_code, nom: row.region_nom ?? row.region_code },
    offre: row.offre_slug ? { slug: row.offre_slug, titre: row.offre_titre ?? row.offre_slug } : null,
    demandeur: row.demandeur,
    echeance: row.echeance,
    enRetard: isLate(row.statut, row.echeance, today),
    creeLe: row.created_at.toISOString(),
    modifieLe: row.updated_at.toISOString(),
    decideLe: row.decided_at?.toISOString() ?? null,
    demo: row.demo,
  };
}

export async function readSollicitation(sql: Sql, id: string): Promise<SollicitationRow | undefined> {
  const { rows } = await sql.query<SollicitationRow>(`${SELECT_SOLLICITATION} WHERE s.id = $1`, [id]);
  return rows[0];
}

export async function readThread(sql: Sql, id: string) {
  const { rows } = await sql.query<{
    id: number;
    author_name: string;
    side: string;
    body: string;
    statut: string | null;
    organisation: string | null;
    created_at: Date;
  }>(
    `SELECT id, author_name, side, body, statut, organisation, created_at
       FROM sollicitation_messages WHERE sollicitation_id = $1 ORDER BY created_at, id`,
    [id],
  );
  return rows.map((m) => ({
    id: m.id,
    auteur: m.author_name,
    cote: m.side,
    texte: m.body,
    statut: m.statut,
    statutLibelle: m.statut ? sollicitationStatutLabel(m.statut) : null,
    organisation: m.organisation,
    organisationLibelle: m.organisation ? operateurLabel(m.organisation) : null,
    le: m.created_at.toISOString(),
  }));
}

export type Boite = 'recue' | 'envoyee' | 'toutes';

/**
 * SQL condition (on alias s) and parameters for the requests `actor` may see in a box: `recue` =
 * addressed to the caller (its organisation; its region's task force; everything for national),
 * `envoyee` = sent by its territories, `toutes` = everything it may read.
 */
export function visibilityFilter(
  actor: Actor,
  boite: Boite,
  firstParam = 1,
): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const parts: string[] = [];
  for (const g of actor.grants) {
    if (g.role === 'national') return { where: 'TRUE', params: [] };
    if (g.role === 'partner' && boite !== 'envoyee') parts.push(`s.organisation = ${param(g.organisation)}`);
    if (g.role === 'territorial' && boite !== 'recue') parts.push(`s.territoire_id = ${param(g.territoire)}`);
    if (g.role === 'regional') {
      if (boite === 'recue') parts.push(`(s.via_cellule AND s.region_code = ${param(g.region)})`);
      if (boite === 'toutes') parts.push(`s.region_code = ${param(g.region)}`);
    }
  }
  return { where: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params };
}
