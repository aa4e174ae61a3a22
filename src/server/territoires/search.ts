import type { Sql } from '../platform/db/database';

// Accent-, case- and typo-tolerant search over territories, groupements and communes, answering with
// the territory concerned. Exact codes (INSEE, SIREN, ti-…) win; names are ranked by trigram
// similarity on their normalised form (f_normalize, indexed).

export interface SearchHit {
  type: 'territoire' | 'groupement' | 'commune';
  code: string;
  nom: string;
  detail: string;
  territoire: { id: string; nom: string } | null;
}

export async function search(sql: Sql, q: string, version: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await sql.query<{
    type: SearchHit['type'];
    code: string;
    nom: string;
    detail: string;
    ti_id: string | null;
    ti_nom: string | null;
    score: number;
  }>(
    `WITH hits AS (
       SELECT 'territoire' AS type, t.id AS code, t.nom, 'Territoire d''industrie · ' || r.nom AS detail,
              t.id AS ti_id, t.nom AS ti_nom,
              CASE WHEN lower(t.id) = lower($1) THEN 3
                   ELSE greatest(similarity(f_normalize(t.nom), f_normalize($1)), word_similarity(f_normalize($1), f_normalize(t.nom))) + 0.2 END AS score
         FROM territoires t JOIN regions r ON r.code = t.region_code
        WHERE t.version = $2 AND (lower(t.id) = lower($1) OR f_normalize($1) <% f_normalize(t.nom) OR f_normalize(t.nom) % f_normalize($1))
       UNION ALL
       SELECT 'groupement', g.siren, g.nom, g.nature || ' · SIREN ' || g.siren,
              ti.id, ti.nom,
              CASE WHEN g.siren = $1 THEN 3
                   ELSE greatest(similarity(f_normalize(g.nom), f_normalize($1)), word_similarity(f_normalize($1), f_normalize(g.nom))) + 0.1 END
         FROM groupements g
         LEFT JOIN LATERAL (
           SELECT t.id, t.nom FROM territoire_communes tc
             JOIN groupement_communes gc ON gc.cog = '2026' AND gc.siren = g.siren AND gc.insee = tc.insee
             JOIN territoires t ON t.version = tc.version AND t.id = tc.territoire_id
            WHERE tc.version = $2 AND tc.cog = '2026' LIMIT 1) ti ON true
        WHERE g.cog = '2026' AND (g.siren = $1 OR f_normalize($1) <% f_normalize(g.nom) OR f_normalize(g.nom) % f_normalize($1))
       UNION ALL
       SELECT 'commune', c.insee, c.nom, 'Commune · ' || d.nom || ' (' || c.departement_code || ')',
              t.id, t.nom,
              CASE WHEN c.insee = $1 THEN 3 ELSE similarity(f_normalize(c.nom), f_normalize($1)) END
         FROM communes c
         JOIN departements d ON d.code = c.departement_code
         LEFT JOIN territoire_communes tc ON tc.version = $2 AND tc.cog = c.cog AND tc.insee = c.insee
         LEFT JOIN territoires t ON t.version = tc.version AND t.id = tc.territoire_id
        WHERE c.cog = '2026' AND (c.insee = $1 OR f_normalize(c.nom) % f_normalize($1))
     )
     SELECT * FROM hits ORDER BY score DESC, (ti_id IS NULL), nom LIMIT $3`,
    [q.trim(), version, limit],
  );
  return rows.map((r) => ({
    type: r.type,
    code: r.code,
    nom: r.nom,
    detail: r.detail,
    territoire: r.ti_id ? { id: r.ti_id, nom: r.ti_nom! } : null,
  }));
}
