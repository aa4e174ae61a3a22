-- The territories' référentiel. Administrative geography is kept per COG vintage ('2023' = the
-- vintage of the Temps II list, '2026' = the current one) so that EPCI changes can be told.

CREATE TABLE regions (
  code text PRIMARY KEY,
  nom text NOT NULL
);

CREATE TABLE departements (
  code text PRIMARY KEY,
  nom text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code)
);

CREATE TABLE communes (
  cog text NOT NULL,
  insee text NOT NULL,
  siren text,
  nom text NOT NULL,
  departement_code text NOT NULL,
  region_code text NOT NULL,
  population integer NOT NULL DEFAULT 0,
  -- Codes this commune had before a merger (COG 2026 only), to follow communes across vintages.
  anciens_codes text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (cog, insee)
);
CREATE INDEX communes_siren ON communes (cog, siren);
CREATE INDEX communes_nom_trgm ON communes USING gin (f_normalize(nom) gin_trgm_ops);

-- EPCI (CC, CA, CU, métropoles) and the EPT of the Métropole du Grand Paris.
CREATE TABLE groupements (
  cog text NOT NULL,
  siren text NOT NULL,
  nom text NOT NULL,
  type text NOT NULL CHECK (type IN ('epci', 'ept')),
  nature text NOT NULL,
  population integer NOT NULL DEFAULT 0,
  PRIMARY KEY (cog, siren)
);
CREATE INDEX groupements_nom_trgm ON groupements USING gin (f_normalize(nom) gin_trgm_ops);

CREATE TABLE groupement_communes (
  cog text NOT NULL,
  siren text NOT NULL,
  insee text NOT NULL,
  PRIMARY KEY (cog, siren, insee),
  FOREIGN KEY (cog, siren) REFERENCES groupements (cog, siren)
);
CREATE INDEX groupement_communes_insee ON groupement_communes (cog, insee);

-- A dated version of the programme's perimeters: Temps I, Temps II at labelling, Temps II updated.
CREATE TABLE perimetres (
  version text PRIMARY KEY,
  phase text NOT NULL CHECK (phase IN ('temps1', 'temps2')),
  date date NOT NULL,
  libelle text NOT NULL,
  courant boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX perimetres_one_current ON perimetres (courant) WHERE courant;

-- Territory ids (ti-RRnn) are reused with other meanings between Temps I and Temps II: a territory
-- is always identified by (version, id), and Temps II identity across its versions is the id.
CREATE TABLE territoires (
  version text NOT NULL REFERENCES perimetres (version),
  id text NOT NULL,
  nom text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (version, id)
);
CREATE INDEX territoires_nom_trgm ON territoires USING gin (f_normalize(nom) gin_trgm_ops);

-- The member set of a territory in a version: EPCI, EPT or single communes (by SIREN as published;
-- `code` is the SIREN for groupements and the INSEE code for communes).
CREATE TABLE territoire_membres (
  version text NOT NULL,
  territoire_id text NOT NULL,
  code text NOT NULL,
  siren text,
  nom text NOT NULL,
  type text NOT NULL CHECK (type IN ('epci', 'ept', 'commune')),
  PRIMARY KEY (version, territoire_id, code),
  FOREIGN KEY (version, territoire_id) REFERENCES territoires (version, id)
);

-- Communes covered by a territory in a version, resolved in each COG vintage (derived at load).
CREATE TABLE territoire_communes (
  version text NOT NULL,
  territoire_id text NOT NULL,
  cog text NOT NULL,
  insee text NOT NULL,
  membre_code text NOT NULL,
  PRIMARY KEY (version, cog, insee),
  FOREIGN KEY (version, territoire_id) REFERENCES territoires (version, id)
);
CREATE INDEX territoire_communes_ti ON territoire_communes (version, territoire_id, cog);

-- Other ANCT programmes and INSEE typologies per commune (COG 2023, ANCT « superposeur »).
CREATE TABLE commune_zonages (
  insee text PRIMARY KEY,
  acv boolean NOT NULL DEFAULT false,
  acv2 boolean NOT NULL DEFAULT false,
  pvd boolean NOT NULL DEFAULT false,
  va boolean NOT NULL DEFAULT false,
  massif text,
  qpv_codes text[] NOT NULL DEFAULT '{}',
  densite text,
  ruralite text,
  centralite text
);
