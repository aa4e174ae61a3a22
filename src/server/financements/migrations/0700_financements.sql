-- Funding laureates (Fonds vert « Territoires d'industrie en transition écologique », Rebond
-- industriel, ANCT and Rebond engineering) and the Rebond industriel missions. A laureate is placed
-- at its commune, hence in its TI and region; `hors_ti` marks a commune outside every TI.
-- Amounts in euros (numeric: no float drift when summing millions).

CREATE TABLE rebond_missions (
  id text PRIMARY KEY,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  nom text NOT NULL,
  annee integer NOT NULL,
  entretiens integer NOT NULL DEFAULT 0,
  projets_recenses integer NOT NULL DEFAULT 0,
  investissements_recenses_euros numeric NOT NULL DEFAULT 0,
  emplois_recenses integer NOT NULL DEFAULT 0,
  entreprises_soutenues integer NOT NULL DEFAULT 0,
  enveloppe_euros numeric NOT NULL,
  ingenierie_euros numeric,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rebond_missions_ti ON rebond_missions (territoire_id);

CREATE TABLE laureats (
  id text PRIMARY KEY,
  dispositif text NOT NULL
    CHECK (dispositif IN ('fonds-vert', 'rebond-industriel', 'ingenierie-anct', 'ingenierie-rebond')),
  beneficiaire text NOT NULL,
  siren text,
  projet text NOT NULL DEFAULT '',
  -- NULL when the laureate was placed in its TI from an intercommunalité's SIREN, without a commune.
  commune_insee text,
  commune_nom text,
  departement_code text,
  region_code text NOT NULL,
  territoire_id text,
  hors_ti boolean NOT NULL DEFAULT false,
  subvention_euros numeric NOT NULL CHECK (subvention_euros >= 0),
  investissement_euros numeric CHECK (investissement_euros >= 0),
  emplois_prevus integer,
  emplois_conditionnes integer,
  filiere text CHECK (filiere IN ('economie-circulaire', 'relocalisation-biens', 'bioeconomie', 'autre')),
  attenuation_climat boolean,
  economie_circulaire boolean,
  annee integer NOT NULL,
  mission_id text REFERENCES rebond_missions (id) ON DELETE SET NULL,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX laureats_ti ON laureats (territoire_id);
CREATE INDEX laureats_region ON laureats (region_code);
CREATE INDEX laureats_siren ON laureats (siren);

-- The actions of a TI's plan a laureate serves. No foreign key to `actions` (another module's
-- table): the importer checks that each id is an action of the laureate's TI.
CREATE TABLE laureat_actions (
  laureat_id text NOT NULL REFERENCES laureats (id) ON DELETE CASCADE,
  action_id uuid NOT NULL,
  PRIMARY KEY (laureat_id, action_id)
);
CREATE INDEX laureat_actions_action ON laureat_actions (action_id);
