-- Six-monthly update campaigns: the campaign, the territories it concerns (with their sign-off or
-- send-back), the regions (validation), per-campaign reviews of actions, the reminders sent, and the
-- frozen snapshot taken at closing.

CREATE TABLE campagnes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nom text NOT NULL,
  ouverture date NOT NULL,
  -- Deadline to sign off; the campaign stays open until closed_at (snapshot taken).
  cloture date NOT NULL CHECK (cloture > ouverture),
  tous_territoires boolean NOT NULL DEFAULT true,
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  -- Number of actions in the snapshot (set at closing).
  nb_actions integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  demo boolean NOT NULL DEFAULT false
);
CREATE INDEX campagnes_ouverture ON campagnes (ouverture DESC);

CREATE TABLE campagne_territoires (
  campagne_id uuid NOT NULL REFERENCES campagnes (id) ON DELETE CASCADE,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  signed_off_at timestamptz,
  signed_off_by uuid REFERENCES users (id),
  -- Last send-back by the region (kept after a new sign-off, so the comment stays readable).
  sent_back_at timestamptz,
  sent_back_by uuid REFERENCES users (id),
  sent_back_comment text,
  PRIMARY KEY (campagne_id, territoire_id)
);
CREATE INDEX campagne_territoires_region ON campagne_territoires (campagne_id, region_code);

CREATE TABLE campagne_regions (
  campagne_id uuid NOT NULL REFERENCES campagnes (id) ON DELETE CASCADE,
  region_code text NOT NULL,
  validated_at timestamptz,
  validated_by uuid REFERENCES users (id),
  PRIMARY KEY (campagne_id, region_code)
);

-- An action confirmed (or created, or edited) by its territory during a campaign.
CREATE TABLE campagne_revues (
  campagne_id uuid NOT NULL REFERENCES campagnes (id) ON DELETE CASCADE,
  action_id uuid NOT NULL,
  territoire_id text NOT NULL,
  reviewed_at timestamptz NOT NULL,
  reviewed_by uuid REFERENCES users (id),
  PRIMARY KEY (campagne_id, action_id)
);
CREATE INDEX campagne_revues_territoire ON campagne_revues (campagne_id, territoire_id);

-- Reminders and escalations sent, one row per territory (or region) reached.
CREATE TABLE campagne_rappels (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campagne_id uuid NOT NULL REFERENCES campagnes (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('rappel', 'relance-regionale', 'manuel')),
  territoire_id text,
  region_code text,
  destinataires integer NOT NULL,
  sent_at timestamptz NOT NULL,
  sent_by uuid REFERENCES users (id),
  job_key text
);
CREATE INDEX campagne_rappels_campagne ON campagne_rappels (campagne_id, sent_at DESC);

-- Every action as it stood when the campaign closed: the campaign's figures come from here and
-- never change afterwards (no foreign key to actions: an action deleted later stays in the snapshot).
CREATE TABLE campagne_snapshots (
  campagne_id uuid NOT NULL REFERENCES campagnes (id),
  action_id uuid NOT NULL,
  territoire_id text NOT NULL,
  region_code text NOT NULL,
  titre text NOT NULL,
  axe text NOT NULL,
  thematiques text[] NOT NULL,
  statut text,
  revue boolean NOT NULL,
  last_reviewed_at timestamptz,
  external_ref text,
  PRIMARY KEY (campagne_id, action_id)
);

-- Figures of a closed campaign by axis, thématique, statut and region, computed once at closing.
CREATE TABLE campagne_stats (
  campagne_id uuid NOT NULL REFERENCES campagnes (id),
  dimension text NOT NULL CHECK (dimension IN ('axe', 'thematique', 'statut', 'region')),
  key text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (campagne_id, dimension, key)
);

-- A snapshot is frozen: no update, no delete, ever (a closed campaign cannot be deleted either).
CREATE FUNCTION campagne_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le cliché d''une campagne close ne peut pas être modifié.';
END $$;
CREATE TRIGGER campagne_snapshots_frozen BEFORE UPDATE OR DELETE ON campagne_snapshots
  FOR EACH ROW EXECUTE FUNCTION campagne_snapshot_frozen();
CREATE TRIGGER campagne_stats_frozen BEFORE UPDATE OR DELETE ON campagne_stats
  FOR EACH ROW EXECUTE FUNCTION campagne_snapshot_frozen();
