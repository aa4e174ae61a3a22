import type { LandNeed, Site } from '../../domain/foncier';
import { insertRows } from '../platform/db/bulk';
import type { Sql } from '../platform/db/database';

// Sites clés en main and land needs between the database and the domain's shapes.

export async function readSites(db: Sql): Promise<Site[]> {
  const { rows } = await db.query<{
    id: string;
    nom: string;
    commune_insee: string;
    commune_nom: string;
    departement_code: string;
    region_code: string;
    territoire_id: string | null;
    hors_ti: boolean;
    surface_ha: number;
    maturite: Site['maturite'];
    recyclage_foncier: boolean;
    atelier: Site['atelier'];
    feuille_de_route: boolean;
    demo: boolean;
  }>('SELECT * FROM sites_cles_en_main ORDER BY region_code, territoire_id, nom, id');
  return rows.map((r) => ({
    id: r.id,
    nom: r.nom,
    communeInsee: r.commune_insee,
    communeNom: r.commune_nom,
    dep: r.departement_code,
    reg: r.region_code,
    tiId: r.territoire_id,
    horsTi: r.hors_ti,
    surfaceHa: r.surface_ha,
    maturite: r.maturite,
    recyclageFoncier: r.recyclage_foncier,
    atelier: r.atelier,
    feuilleDeRoute: r.feuille_de_route,
    demo: r.demo,
  }));
}

export async function readLandNeeds(db: Sql): Promise<LandNeed[]> {
  const { rows } = await db.query<{
    id: string;
    territoire_id: string;
    region_code: string;
    libelle: string;
    type: LandNeed['type'];
    surface_ha: number;
    echeance: number | null;
    action_id: string | null;
    demo: boolean;
  }>('SELECT * FROM besoins_fonciers ORDER BY region_code, territoire_id, id');
  return rows.map((r) => ({
    id: r.id,
    tiId: r.territoire_id,
    reg: r.region_code,
    libelle: r.libelle,
    type: r.type,
    surfaceHa: r.surface_ha,
    echeance: r.echeance,
    actionId: r.action_id,
    demo: r.demo,
  }));
}

/** Inserts or replaces (by id). */
export async function saveSites(tx: Sql, list: readonly Site[]): Promise<void> {
  if (list.length === 0) return;
  await tx.query('DELETE FROM sites_cles_en_main WHERE id = ANY($1::text[])', [list.map((s) => s.id)]);
  await insertRows(
    tx,
    'sites_cles_en_main',
    [
      'id',
      'nom',
      'commune_insee',
      'commune_nom',
      'departement_code',
      'region_code',
      'territoire_id',
      'hors_ti',
      'surface_ha',
      'maturite',
      'recyclage_foncier',
      'atelier',
      'feuille_de_route',
      'demo',
    ],
    list.map((s) => ({
      id: s.id,
      nom: s.nom,
      commune_insee: s.communeInsee,
      commune_nom: s.communeNom,
      departement_code: s.dep,
      region_code: s.reg,
      territoire_id: s.tiId,
      hors_ti: s.horsTi,
      surface_ha: s.surfaceHa,
      maturite: s.maturite,
      recyclage_foncier: s.recyclageFoncier,
      atelier: s.atelier,
      feuille_de_route: s.feuilleDeRoute,
      demo: s.demo,
    })),
  );
}

/** Inserts or replaces (by id). */
export async function saveLandNeeds(tx: Sql, list: readonly LandNeed[]): Promise<void> {
  if (list.length === 0) return;
  await tx.query('DELETE FROM besoins_fonciers WHERE id = ANY($1::text[])', [list.map((n) => n.id)]);
  await insertRows(
    tx,
    'besoins_fonciers',
    ['id', 'territoire_id', 'region_code', 'libelle', 'type', 'surface_ha', 'echeance', 'action_id', 'demo'],
    list.map((n) => ({
      id: n.id,
      territoire_id: n.tiId,
      region_code: n.reg,
      libelle: n.libelle,
      type: n.type,
      surface_ha: n.surfaceHa,
      echeance: n.echeance,
      action_id: n.actionId,
      demo: n.demo,
    })),
  );
}
