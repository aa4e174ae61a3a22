-- Persisted jobs (campaign reminders and any later scheduled work). A job is created once per `key`
-- (ON CONFLICT DO NOTHING), claimed by one instance at a time with FOR UPDATE SKIP LOCKED and a lease
-- (`locked_until`): if the instance dies mid-run the lease expires and another instance takes it up.
-- Its effects and its 'done' mark commit in one transaction, so it takes effect once.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL UNIQUE,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_until timestamptz,
  lease_token text,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('pending', 'running');
CREATE INDEX jobs_kind ON jobs (kind, status);
