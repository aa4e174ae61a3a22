-- Every email the platform sends (invitations, password resets, campaign reminders), kept as a
-- transactional outbox: the row is written in the same transaction as the change that causes it, so
-- a rolled-back change sends nothing. Embedded mode (no SMTP_URL): rows stay here with status
-- 'outbox' and national users read them in the app. With SMTP_URL: 'pending' rows are delivered
-- after commit by a dispatcher ('sent' or, after several attempts, 'failed').
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  -- Who or what caused the mail (e.g. 'comptes.invitation', 'campagnes.relance'): filters the outbox page.
  category text,
  status text NOT NULL CHECK (status IN ('outbox', 'pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  sent_at timestamptz,
  last_error text,
  message_id text
);
CREATE INDEX outbox_created ON outbox (created_at DESC);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
