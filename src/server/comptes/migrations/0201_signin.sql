-- Sign-in machinery: invitation and reset links, per-IP attempt counters, OpenID Connect flows.

ALTER TABLE users ADD COLUMN invited_by uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
-- The ProConnect subject seen at the last ProConnect sign-in (for information; people are matched by email).
ALTER TABLE users ADD COLUMN proconnect_sub text;

-- A visible, revocable identifier for each session (the token hash never leaves the server).
ALTER TABLE sessions ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX sessions_id ON sessions (id);
ALTER TABLE sessions ADD COLUMN method text NOT NULL DEFAULT 'password' CHECK (method IN ('password', 'proconnect', 'test'));

-- Single-use links sent by email: only their SHA-256 is stored.
CREATE TABLE user_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('invitation', 'reinitialisation')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX user_tokens_user ON user_tokens (user_id);

-- Sign-in attempts per IP and fixed time window, shared by every app instance (rate limiting).
CREATE TABLE signin_attempts (
  ip text NOT NULL,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL,
  PRIMARY KEY (ip, window_start)
);

-- OpenID Connect authorisation requests in flight (state → PKCE verifier and nonce), ten minutes each.
CREATE TABLE oidc_flows (
  state text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
