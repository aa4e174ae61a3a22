-- Salaried employment and job seekers per commune (COG 2026), one row per commune with its yearly
-- series as JSON objects {"2015": 33, …}: the shape of the domain's CommuneEmployment, so that an
-- import of a newer year only merges keys. A missing year or a JSON null is « donnée non
-- disponible » (Mayotte, communes with no private employer), never 0.
CREATE TABLE emploi_communes (
  insee text PRIMARY KEY,
  -- URSSAF, private salaried jobs at 31 December.
  salaries jsonb NOT NULL DEFAULT '{}',
  -- URSSAF, private salaried jobs of the « Industrie » sector at 31 December.
  salaries_industrie jsonb NOT NULL DEFAULT '{}',
  -- URSSAF, industrial establishments with employees.
  etablissements_industrie jsonb NOT NULL DEFAULT '{}',
  -- DARES, job seekers in categories A, B, C at the 4th quarter (rounded to 5 by the producer).
  demandeurs jsonb NOT NULL DEFAULT '{}'
);

-- Every import of a producer's newer file (CLI « import emploi »), to date the figures it brought.
CREATE TABLE emploi_imports (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('urssaf', 'dares')),
  fichier text NOT NULL,
  annees integer[] NOT NULL,
  communes integer NOT NULL,
  imported_at timestamptz NOT NULL
);
