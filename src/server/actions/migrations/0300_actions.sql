-- Action plans: the action sheets (fiches action) of the Territoires d'industrie, their field-level
-- history, and a revision counter that lets every instance cache aggregated figures safely.

-- Search text of an action, for the French full-text index. A SQL wrapper marked IMMUTABLE because
-- array_to_string() is only STABLE, and a generated column needs an immutable expression.
-- Accents are removed before stemming so that « ecole » finds « école ».
CREATE FUNCTION actions_search_vector(title text, description text, owner text, filiere text,
                                      partners text[], tags text[], external_ref text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('pg_catalog.french'::regconfig, public.f_unaccent(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('pg_catalog.french'::regconfig, public.f_unaccent(
             coalesce(owner, '') || ' ' || coalesce(filiere, '') || ' ' ||
             coalesce(pg_catalog.array_to_string(partners, ' '), '') || ' ' ||
             coalesce(pg_catalog.array_to_string(tags, ' '), '') || ' ' || coalesce(external_ref, ''))), 'B')
        || setweight(to_tsvector('pg_catalog.french'::regconfig, public.f_unaccent(coalesce(description, ''))), 'C')
  $$;

CREATE TABLE actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territoire_id text NOT NULL,
  -- Denormalised from territoires (current perimeter) so that the region filter and the regional
  -- figures need no join at 100× the data; a TI never changes region within a perimeter, and
  -- refreshRegionCodes() realigns it when the référentiel is reloaded.
  region_code text NOT NULL,
  title text NOT NULL,
  description text,
  axe text NOT NULL CHECK (axe IN ('competences', 'foncier', 'innovation', 'transition', 'transversal')),
  thematiques text[] NOT NULL DEFAULT '{}',
  -- NULL = « Non renseigné » (not a status a person sets).
  statut text CHECK (statut IN ('amont', 'etude', 'en-cours', 'en-pause', 'realise', 'abandonne')),
  owner text,
  partners text[] NOT NULL DEFAULT '{}',
  planned_budget numeric(14, 2),
  funding_obtained numeric(14, 2),
  start_date date,
  end_date date,
  filiere text,
  tags text[] NOT NULL DEFAULT '{}',
  external_ref text,
  -- Optimistic locking: every write checks and increments it.
  version integer NOT NULL DEFAULT 1,
  archived_at timestamptz,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  -- When a territory last confirmed the sheet (campaign sign-off), even without a change.
  last_reviewed_at timestamptz,
  search tsvector GENERATED ALWAYS AS (
    actions_search_vector(title, description, owner, filiere, partners, tags, external_ref)
  ) STORED
);
CREATE INDEX actions_territoire ON actions (territoire_id, title);
CREATE INDEX actions_region ON actions (region_code);
CREATE INDEX actions_axe ON actions (axe);
CREATE INDEX actions_statut ON actions (statut);
CREATE INDEX actions_updated ON actions (updated_at DESC);
CREATE INDEX actions_thematiques ON actions USING gin (thematiques);
CREATE INDEX actions_search ON actions USING gin (search);
CREATE INDEX actions_external_ref ON actions (territoire_id, lower(external_ref)) WHERE external_ref IS NOT NULL;

-- Every change of every field: who, when, before, after. One row per field for updates; one row
-- (field NULL, after = the whole sheet) for a creation, an archive or a restore.
CREATE TABLE action_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action_id uuid NOT NULL REFERENCES actions (id),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('created', 'updated', 'archived', 'restored', 'imported')),
  -- The version the action reached with this change: a 409 lists the changes after the caller's version.
  version integer NOT NULL,
  field text,
  before jsonb,
  after jsonb
);
CREATE INDEX action_history_action ON action_history (action_id, at, id);

-- Bumped by every write to actions (same transaction): cached figures are keyed by it, so any
-- instance behind a load balancer sees a change at once.
CREATE TABLE actions_revision (
  id integer PRIMARY KEY CHECK (id = 1),
  rev bigint NOT NULL
);
INSERT INTO actions_revision VALUES (1, 0);
