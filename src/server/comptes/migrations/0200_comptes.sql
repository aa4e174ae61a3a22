-- Accounts, their scoped roles, database-stored sessions and the append-only audit log.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  demo boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- One row per scoped role; a user may hold several.
CREATE TABLE user_grants (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('national', 'regional', 'territorial', 'partner')),
  region_code text,
  territoire_id text,
  organisation text,
  CHECK (
    (role = 'national' AND region_code IS NULL AND territoire_id IS NULL AND organisation IS NULL)
    OR (role = 'regional' AND region_code IS NOT NULL)
    OR (role = 'territorial' AND territoire_id IS NOT NULL)
    OR (role = 'partner' AND organisation IS NOT NULL)
  )
);
CREATE INDEX user_grants_user ON user_grants (user_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a database dump opens no session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Every write: who, when, from where, what, before and after. Append-only (see trigger).
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  ip text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  territoire_id text,
  region_code text,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_territoire ON audit_log (territoire_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le journal d''audit ne peut pas être modifié.';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
