-- Sites clés en main France 2030 and the land needs the territories record in their plans.

CREATE TABLE sites_cles_en_main (
  id text PRIMARY KEY,
  nom text NOT NULL,
  commune_insee text NOT NULL,
  commune_nom text NOT NULL,
  departement_code text NOT NULL,
  region_code text NOT NULL,
  territoire_id text,
  hors_ti boolean NOT NULL DEFAULT false,
  surface_ha numeric NOT NULL CHECK (surface_ha > 0),
  maturite text NOT NULL CHECK (maturite IN ('pret', 'court-terme', 'avant-2030')),
  recyclage_foncier boolean NOT NULL DEFAULT false,
  atelier text NOT NULL DEFAULT 'a-venir' CHECK (atelier IN ('tenu', 'a-venir', 'non-concerne')),
  feuille_de_route boolean NOT NULL DEFAULT false,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sites_cles_en_main_ti ON sites_cles_en_main (territoire_id);

CREATE TABLE besoins_fonciers (
  id text PRIMARY KEY,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  libelle text NOT NULL,
  type text CHECK (type IN ('implantation', 'extension', 'requalification', 'reserve')),
  surface_ha numeric NOT NULL CHECK (surface_ha > 0),
  echeance integer,
  -- The action of the plan the need comes from (no foreign key: another module's table).
  action_id text,
  demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX besoins_fonciers_ti ON besoins_fonciers (territoire_id);
