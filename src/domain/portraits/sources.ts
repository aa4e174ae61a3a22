// The sources of the portraits' figures, worded once. The Licence Ouverte asks that every map,
// table and export names its source and the date of its last update: pages and exports take the
// text from here so that it is the same everywhere.

export interface DataSource {
  code: string;
  /** Producer and dataset, as shown under a figure. */
  label: string;
  /** Date of the last update of the shipped copy (ISO date), or null when it depends on the import. */
  updatedOn: string | null;
}

export const SOURCES = {
  urssaf: {
    code: 'urssaf',
    label: 'URSSAF, effectifs salariés du secteur privé au 31 décembre (régime général)',
    updatedOn: '2026-10-09',
  },
  dares: {
    code: 'dares',
    label: "DARES, demandeurs d'emploi inscrits en catégories A, B, C au 4e trimestre",
    updatedOn: '2026-10-09',
  },
  insee_population: {
    code: 'insee_population',
    label: 'INSEE, population municipale (découpage administratif, COG 2023)',
    updatedOn: null,
  },
  insee_densite: {
    code: 'insee_densite',
    label: 'INSEE, grille communale de densité à 7 niveaux (via ANCT)',
    updatedOn: '2024-09-16',
  },
  anct_ruralite: {
    code: 'anct_ruralite',
    label: 'ANCT / Observatoire des territoires, typologie « diversité des ruralités »',
    updatedOn: '2024-09-16',
  },
  anct_zonages: {
    code: 'anct_zonages',
    label:
      'ANCT, périmètres Action cœur de ville, Petites villes de demain, quartiers prioritaires 2024 et massifs',
    updatedOn: '2024-09-16',
  },
  plans_action: {
    code: 'plans_action',
    label: "Plans d'action des Territoires d'industrie (campagne de mise à jour)",
    updatedOn: null,
  },
} as const satisfies Record<string, DataSource>;

export type SourceCode = keyof typeof SOURCES;

/** « Source : URSSAF, … (2025) » — the line printed under a figure. */
export function sourceLine(source: SourceCode, year: number | string | null): string {
  const s = SOURCES[source];
  return year === null ? `Source : ${s.label}` : `Source : ${s.label} (${year})`;
}
