-- Closing 280,000 actions: the foreign key from every snapshot row to its campaign cost one trigger
-- call per row (a third of the closing time). The snapshot is only ever written by the closing, in
-- the campaign's own transaction, and a closed campaign cannot be deleted: the key adds nothing.
ALTER TABLE campagne_snapshots DROP CONSTRAINT IF EXISTS campagne_snapshots_campagne_id_fkey;
ALTER TABLE campagne_stats DROP CONSTRAINT IF EXISTS campagne_stats_campagne_id_fkey;

-- Transition counts between two closed campaigns (both frozen, so the counts never change): computed
-- at closing against the previous closed campaign, and on first request for any other pair.
CREATE TABLE campagne_transitions (
  de uuid NOT NULL,
  a uuid NOT NULL,
  from_statut text NOT NULL,
  to_statut text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (de, a, from_statut, to_statut)
);
