-- A ProConnect session keeps the ID token it was opened with: signing out of Pilote TI then also ends
-- the ProConnect session (RP-initiated logout needs it as id_token_hint). Dropped with the session.
ALTER TABLE sessions ADD COLUMN id_token text;
