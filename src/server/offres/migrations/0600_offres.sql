-- Offers & parcours: the catalogue mirrored from data/offres/ (refreshed at every start, for joins and
-- figures), the uptake of offers by actions, and requests (sollicitations) with their thread.
-- Actions are referenced by id without a foreign key: the actions module owns that table and its
-- lifecycle (archiving keeps the row), and a request must outlive a re-import of the plan.

CREATE TABLE offres (
  slug text PRIMARY KEY,
  titre text NOT NULL,
  operateur text NOT NULL,
  statut text NOT NULL CHECK (statut IN ('ouverte', 'a-venir', 'fermee')),
  nature text[] NOT NULL,
  axes text[] NOT NULL,
  thematiques text[] NOT NULL,
  data jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- An offer requested, obtained or refused for an action (declared by the territory or the nation).
-- No foreign key to offres: an offer removed from the catalogue keeps its history.
CREATE TABLE offre_usages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action_id uuid NOT NULL,
  offre_slug text NOT NULL,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  resultat text NOT NULL CHECK (resultat IN ('demandee', 'obtenue', 'refusee')),
  date date NOT NULL,
  montant numeric CHECK (montant IS NULL OR montant >= 0),
  commentaire text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  demo boolean NOT NULL DEFAULT false
);
CREATE INDEX offre_usages_action ON offre_usages (action_id);
CREATE INDEX offre_usages_offre ON offre_usages (offre_slug, region_code);

CREATE TABLE sollicitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Human reference shown in mails and pages (« S-000123 »).
  numero integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  action_id uuid NOT NULL,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  offre_slug text,
  via_cellule boolean NOT NULL,
  -- Operator currently addressed; NULL while the cellule régionale has not assigned it.
  organisation text,
  objet text NOT NULL,
  statut text NOT NULL CHECK (statut IN ('nouvelle', 'en-instruction', 'favorable', 'reorientee', 'declinee')),
  echeance date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- First decision (favorable, déclinée, réorientée): the answer time runs to it.
  decided_at timestamptz,
  demo boolean NOT NULL DEFAULT false,
  CHECK (via_cellule OR organisation IS NOT NULL)
);
CREATE INDEX sollicitations_organisation ON sollicitations (organisation, created_at DESC);
CREATE INDEX sollicitations_territoire ON sollicitations (territoire_id, created_at DESC);
CREATE INDEX sollicitations_region ON sollicitations (region_code, created_at DESC);
CREATE INDEX sollicitations_action ON sollicitations (action_id);

CREATE TABLE sollicitation_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sollicitation_id uuid NOT NULL REFERENCES sollicitations (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id),
  -- Name and side at the time of writing (the thread reads the same after a role change).
  author_name text NOT NULL,
  side text NOT NULL CHECK (side IN ('territoire', 'cellule', 'operateur', 'national')),
  body text NOT NULL,
  statut text,
  organisation text,
  created_at timestamptz NOT NULL DEFAULT now(),
  demo boolean NOT NULL DEFAULT false
);
CREATE INDEX sollicitation_messages_thread ON sollicitation_messages (sollicitation_id, id);
