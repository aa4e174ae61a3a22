import type { Laureate, RebondMission } from '../../domain/financements';
import { insertRows } from '../platform/db/bulk';
import type { Sql } from '../platform/db/database';

// Laureates and Rebond missions between the database and the domain's shapes.

interface LaureateRow {
  id: string;
  dispositif: Laureate['dispositif'];
  beneficiaire: string;
  siren: string | null;
  projet: string;
  commune_insee: string | null;
  commune_nom: string | null;
  departement_code: string | null;
  region_code: string;
  territoire_id: string | null;
  hors_ti: boolean;
  subvention_euros: number;
  investissement_euros: number | null;
  emplois_prevus: number | null;
  emplois_conditionnes: number | null;
  filiere: Laureate['filiere'];
  attenuation_climat: boolean | null;
  economie_circulaire: boolean | null;
  annee: number;
  mission_id: string | null;
  demo: boolean;
  action_ids: string[] | null;
}

export async function readLaureates(db: Sql): Promise<Laureate[]> {
  const { rows } = await db.query<LaureateRow>(
    `SELECT l.*, (SELECT array_agg(a.action_id::text ORDER BY a.action_id) FROM laureat_actions a WHERE a.laureat_id = l.id) AS action_ids
       FROM laureats l ORDER BY l.dispositif, l.region_code, l.territoire_id, l.beneficiaire, l.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    dispositif: r.dispositif,
    beneficiaire: r.beneficiaire,
    siren: r.siren,
    projet: r.projet,
    communeInsee: r.commune_insee ?? '',
    communeNom: r.commune_nom ?? '',
    dep: r.departement_code ?? '',
    reg: r.region_code,
    tiId: r.territoire_id,
    horsTi: r.hors_ti,
    subventionEuros: r.subvention_euros,
    investissementEuros: r.investissement_euros,
    emploisPrevus: r.emplois_prevus,
    emploisConditionnes: r.emplois_conditionnes,
    filiere: r.filiere,
    attenuationClimat: r.attenuation_climat,
    economieCirculaire: r.economie_circulaire,
    annee: r.annee,
    missionId: r.mission_id,
    actionIds: r.action_ids ?? [],
    demo: r.demo,
  }));
}

export async function readMissions(db: Sql): Promise<RebondMission[]> {
  const { rows } = await db.query<{
    id: string;
    territoire_id: string;
    region_code: string;
    nom: string;
    annee: number;
    entretiens: number;
    projets_recenses: number;
    investissements_recenses_euros: number;
    emplois_recenses: number;
    entreprises_soutenues: number;
    enveloppe_euros: number;
    ingenierie_euros: number | null;
    demo: boolean;
  }>('SELECT * FROM rebond_missions ORDER BY region_code, territoire_id, id');
  return rows.map((r) => ({
    id: r.id,
    tiId: r.territoire_id,
    reg: r.region_code,
    nom: r.nom,
    annee: r.annee,
    entretiens: r.entretiens,
    projetsRecenses: r.projets_recenses,
    investissementsRecensesEuros: r.investissements_recenses_euros,
    emploisRecenses: r.emplois_recenses,
    entreprisesSoutenues: r.entreprises_soutenues,
    enveloppeEuros: r.enveloppe_euros,
    ingenierieEuros: r.ingenierie_euros,
    demo: r.demo,
  }));
}

const LAUREATE_COLUMNS = [
  'id',
  'dispositif',
  'beneficiaire',
  'siren',
  'projet',
  'commune_insee',
  'commune_nom',
  'departement_code',
  'region_code',
  'territoire_id',
  'hors_ti',
  'subvention_euros',
  'investissement_euros',
  'emplois_prevus',
  'emplois_conditionnes',
  'filiere',
  'attenuation_climat',
  'economie_circulaire',
  'annee',
  'mission_id',
  'demo',
] as const;

/** Inserts or replaces (by id) the laureates and their links to actions. */
export async function saveLaureates(tx: Sql, list: readonly Laureate[]): Promise<void> {
  if (list.length === 0) return;
  const ids = list.map((l) => l.id);
  await tx.query('DELETE FROM laureats WHERE id = ANY($1::text[])', [ids]);
  await insertRows(
    tx,
    'laureats',
    LAUREATE_COLUMNS,
    list.map((l) => ({
      id: l.id,
      dispositif: l.dispositif,
      beneficiaire: l.beneficiaire,
      siren: l.siren,
      projet: l.projet,
      commune_insee: l.communeInsee || null,
      commune_nom: l.communeNom || null,
      departement_code: l.dep || null,
      region_code: l.reg,
      territoire_id: l.tiId,
      hors_ti: l.horsTi,
      subvention_euros: l.subventionEuros,
      investissement_euros: l.investissementEuros,
      emplois_prevus: l.emploisPrevus,
      emplois_conditionnes: l.emploisConditionnes,
      filiere: l.filiere,
      attenuation_climat: l.attenuationClimat,
      economie_circulaire: l.economieCirculaire,
      annee: l.annee,
      mission_id: l.missionId,
      demo: l.demo,
    })),
  );
  const links = list.flatMap((l) => l.actionIds.map((action_id) => ({ laureat_id: l.id, action_id })));
  if (links.length) await insertRows(tx, 'laureat_actions', ['laureat_id', 'action_id'], links);
}

/** Inserts or replaces (by id) Rebond missions. */
export async function saveMissions(tx: Sql, list: readonly RebondMission[]): Promise<void> {
  if (list.length === 0) return;
  await tx.query(
    `INSERT INTO rebond_missions (id, territoire_id, region_code, nom, annee, entretiens, projets_recenses,
            investissements_recenses_euros, emplois_recenses, entreprises_soutenues, enveloppe_euros, ingenierie_euros, demo)
     SELECT id, territoire_id, region_code, nom, annee, entretiens, projets_recenses, investissements_recenses_euros,
            emplois_recenses, entreprises_soutenues, enveloppe_euros, ingenierie_euros, demo
       FROM json_populate_recordset(NULL::rebond_missions, $1::json)
     ON CONFLICT (id) DO UPDATE SET territoire_id = EXCLUDED.territoire_id, region_code = EXCLUDED.region_code,
            nom = EXCLUDED.nom, annee = EXCLUDED.annee, entretiens = EXCLUDED.entretiens,
            projets_recenses = EXCLUDED.projets_recenses,
            investissements_recenses_euros = EXCLUDED.investissements_recenses_euros,
            emplois_recenses = EXCLUDED.emplois_recenses, entreprises_soutenues = EXCLUDED.entreprises_soutenues,
            enveloppe_euros = EXCLUDED.enveloppe_euros, ingenierie_euros = EXCLUDED.ingenierie_euros,
            demo = EXCLUDED.demo, updated_at = now()`,
    [
      JSON.stringify(
        list.map((m) => ({
          id: m.id,
          territoire_id: m.tiId,
          region_code: m.reg,
          nom: m.nom,
          annee: m.annee,
          entretiens: m.entretiens,
          projets_recenses: m.projetsRecenses,
          investissements_recenses_euros: m.investissementsRecensesEuros,
          emplois_recenses: m.emploisRecenses,
          entreprises_soutenues: m.entreprisesSoutenues,
          enveloppe_euros: m.enveloppeEuros,
          ingenierie_euros: m.ingenierieEuros,
          demo: m.demo,
        })),
      ),
    ],
  );
}

/** Whether the actions module's table exists (laureates and land needs link to actions). */
export async function hasActions(db: Sql): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass('actions')::text AS t");
  return rows[0]?.t != null;
}

/** Actions (id, TI, axis) of the current plans, for linking laureates to what they serve. */
export async function readActionRefs(db: Sql): Promise<{ id: string; tiId: string; axe: string }[]> {
  if (!(await hasActions(db))) return [];
  const { rows } = await db.query<{ id: string; tiId: string; axe: string }>(
    'SELECT id::text AS id, territoire_id AS "tiId", axe FROM actions WHERE archived_at IS NULL',
  );
  return rows;
}
