-- Extensions used for accent-insensitive and fuzzy search (available in PGlite and in PostgreSQL's contrib).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets us index normalised text.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Lower-case, accent-free, punctuation-free form used by every name search (mirrors normalizeText()).
-- Schema-qualified: PostgreSQL 17+ runs index maintenance with a restricted search_path.
CREATE OR REPLACE FUNCTION f_normalize(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.f_unaccent(replace(replace($1, 'œ', 'oe'), 'Œ', 'oe'))), '[^a-z0-9]+', ' ', 'g')) $$;

-- What the platform has loaded and when: reference data sets, demonstration data.
CREATE TABLE dataset_loads (
  dataset text PRIMARY KEY,
  version text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  rows_loaded integer NOT NULL DEFAULT 0
);
