import type {
  BinomeMember,
  ChefDeProjet,
  Coordinator,
  Gouvernance,
  GovernanceEvent,
} from '../../domain/gouvernance';
import { insertRows } from '../platform/db/bulk';
import type { Sql } from '../platform/db/database';

// The governance tables and the domain's shapes.

export async function readGouvernance(db: Sql): Promise<Gouvernance> {
  const [m, c, k, e] = await Promise.all([
    db.query<Record<string, unknown>>('SELECT * FROM binome_membres ORDER BY territoire_id, kind, nom, id'),
    db.query<Record<string, unknown>>('SELECT * FROM chefs_de_projet ORDER BY territoire_id, nom, id'),
    db.query<Record<string, unknown>>('SELECT * FROM coordinateurs ORDER BY region_code, nom, id'),
    db.query<Record<string, unknown>>('SELECT * FROM evenements_gouvernance ORDER BY date DESC, id'),
  ]);
  return {
    membres: m.rows.map(
      (r): BinomeMember => ({
        id: r.id as string,
        tiId: r.territoire_id as string,
        reg: r.region_code as string,
        kind: r.kind as BinomeMember['kind'],
        prenom: r.prenom as string | null,
        nom: r.nom as string,
        mandat: r.mandat as string | null,
        collectivite: r.collectivite as string | null,
        entreprise: r.entreprise as string | null,
        taille: r.taille as BinomeMember['taille'],
        fonction: r.fonction as BinomeMember['fonction'],
        fonctionLibelle: r.fonction_libelle as string | null,
        email: r.email as string | null,
        telephone: r.telephone as string | null,
        demo: r.demo as boolean,
      }),
    ),
    chefsDeProjet: c.rows.map(
      (r): ChefDeProjet => ({
        id: r.id as string,
        tiId: r.territoire_id as string,
        reg: r.region_code as string,
        prenom: r.prenom as string | null,
        nom: r.nom as string,
        structure: r.structure as string | null,
        enPosteDepuis: r.en_poste_depuis as string | null,
        cofinance: r.cofinance as boolean,
        cofinancementEtatEuros: r.cofinancement_etat_euros as number | null,
        email: r.email as string | null,
        telephone: r.telephone as string | null,
        demo: r.demo as boolean,
      }),
    ),
    coordinateurs: k.rows.map(
      (r): Coordinator => ({
        id: r.id as string,
        reg: r.region_code as string,
        prenom: r.prenom as string | null,
        nom: r.nom as string,
        structure: r.structure as string | null,
        email: r.email as string | null,
        telephone: r.telephone as string | null,
        demo: r.demo as boolean,
      }),
    ),
    evenements: e.rows.map(
      (r): GovernanceEvent => ({
        id: r.id as string,
        kind: r.kind as GovernanceEvent['kind'],
        titre: r.titre as string,
        date: r.date as string,
        tiId: r.territoire_id as string | null,
        reg: r.region_code as string | null,
        participants: r.participants as number | null,
        organisations: (r.organisations as string[] | null) ?? [],
        demo: r.demo as boolean,
      }),
    ),
  };
}

/**
 * Saves an imported (or generated) governance. A file describes the whole governance of the TI (and
 * regions) it names: their binôme members, chefs de projet and coordinators are replaced by the
 * file's; events are inserted or replaced by id.
 */
export async function saveGouvernance(tx: Sql, g: Partial<Gouvernance>): Promise<void> {
  const membres = g.membres ?? [];
  const chefs = g.chefsDeProjet ?? [];
  const coordinateurs = g.coordinateurs ?? [];
  const evenements = g.evenements ?? [];
  if (membres.length) {
    await tx.query(
      'DELETE FROM binome_membres WHERE territoire_id = ANY($1::text[]) OR id = ANY($2::text[])',
      [[...new Set(membres.map((m) => m.tiId))], membres.map((m) => m.id)],
    );
    await insertRows(
      tx,
      'binome_membres',
      [
        'id',
        'territoire_id',
        'region_code',
        'kind',
        'prenom',
        'nom',
        'mandat',
        'collectivite',
        'entreprise',
        'taille',
        'fonction',
        'fonction_libelle',
        'email',
        'telephone',
        'demo',
      ],
      membres.map((m) => ({
        id: m.id,
        territoire_id: m.tiId,
        region_code: m.reg,
        kind: m.kind,
        prenom: m.prenom,
        nom: m.nom,
        mandat: m.mandat,
        collectivite: m.collectivite,
        entreprise: m.entreprise,
        taille: m.taille,
        fonction: m.fonction,
        fonction_libelle: m.fonctionLibelle,
        email: m.email,
        telephone: m.telephone,
        demo: m.demo,
      })),
    );
  }
  if (chefs.length) {
    await tx.query(
      'DELETE FROM chefs_de_projet WHERE territoire_id = ANY($1::text[]) OR id = ANY($2::text[])',
      [[...new Set(chefs.map((c) => c.tiId))], chefs.map((c) => c.id)],
    );
    await insertRows(
      tx,
      'chefs_de_projet',
      [
        'id',
        'territoire_id',
        'region_code',
        'prenom',
        'nom',
        'structure',
        'en_poste_depuis',
        'cofinance',
        'cofinancement_etat_euros',
        'email',
        'telephone',
        'demo',
      ],
      chefs.map((c) => ({
        id: c.id,
        territoire_id: c.tiId,
        region_code: c.reg,
        prenom: c.prenom,
        nom: c.nom,
        structure: c.structure,
        en_poste_depuis: c.enPosteDepuis,
        cofinance: c.cofinance,
        cofinancement_etat_euros: c.cofinancementEtatEuros,
        email: c.email,
        telephone: c.telephone,
        demo: c.demo,
      })),
    );
  }
  if (coordinateurs.length) {
    await tx.query('DELETE FROM coordinateurs WHERE region_code = ANY($1::text[]) OR id = ANY($2::text[])', [
      [...new Set(coordinateurs.map((c) => c.reg))],
      coordinateurs.map((c) => c.id),
    ]);
    await insertRows(
      tx,
      'coordinateurs',
      ['id', 'region_code', 'prenom', 'nom', 'structure', 'email', 'telephone', 'demo'],
      coordinateurs.map((c) => ({
        id: c.id,
        region_code: c.reg,
        prenom: c.prenom,
        nom: c.nom,
        structure: c.structure,
        email: c.email,
        telephone: c.telephone,
        demo: c.demo,
      })),
    );
  }
  if (evenements.length) {
    await tx.query('DELETE FROM evenements_gouvernance WHERE id = ANY($1::text[])', [
      evenements.map((e) => e.id),
    ]);
    await insertRows(
      tx,
      'evenements_gouvernance',
      [
        'id',
        'kind',
        'titre',
        'date',
        'territoire_id',
        'region_code',
        'participants',
        'organisations',
        'demo',
      ],
      evenements.map((e) => ({
        id: e.id,
        kind: e.kind,
        titre: e.titre,
        date: e.date,
        territoire_id: e.tiId,
        region_code: e.reg,
        participants: e.participants,
        organisations: e.organisations,
        demo: e.demo,
      })),
    );
  }
}
