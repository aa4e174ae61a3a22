-- The governance of the territories: binôme members (élus, industriels), chefs de projet, regional
-- coordinators, and the COPIL and network events. E-mail and phone are personal data: the API shows
-- them only to signed-in users entitled to them (src/domain/gouvernance/privacy.ts).

CREATE TABLE binome_membres (
  id text PRIMARY KEY,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('elu', 'industriel')),
  prenom text,
  nom text NOT NULL,
  mandat text,
  collectivite text,
  entreprise text,
  taille text CHECK (taille IN ('tpe', 'pme', 'eti', 'ge')),
  fonction text,
  fonction_libelle text,
  email text,
  telephone text,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX binome_membres_ti ON binome_membres (territoire_id);

CREATE TABLE chefs_de_projet (
  id text PRIMARY KEY,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  prenom text,
  nom text NOT NULL,
  structure text,
  en_poste_depuis date,
  cofinance boolean NOT NULL DEFAULT false,
  cofinancement_etat_euros numeric,
  email text,
  telephone text,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chefs_de_projet_ti ON chefs_de_projet (territoire_id);

CREATE TABLE coordinateurs (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  prenom text,
  nom text NOT NULL,
  structure text,
  email text,
  telephone text,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- COPIL (launch, local, regional) and national events (seminars, webinars…). The participants are
-- counted; the organisations represented are public, the participants' names are not kept.
CREATE TABLE evenements_gouvernance (
  id text PRIMARY KEY,
  kind text NOT NULL,
  titre text NOT NULL,
  date date NOT NULL,
  territoire_id text,
  region_code text,
  participants integer CHECK (participants >= 0),
  organisations text[] NOT NULL DEFAULT '{}',
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evenements_gouvernance_ti ON evenements_gouvernance (territoire_id);
CREATE INDEX evenements_gouvernance_date ON evenements_gouvernance (date);
