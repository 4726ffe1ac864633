-- Gatehouse storage, version 5: per-entry step-up (issue 13).
-- entries.step_up_ms: revealing the entry's secret needs a Duo approval for that entry and that
-- workspace session no older than this (1 minute to 24 hours); NULL = no step-up.
-- A step-up is a challenge with purpose STEP_UP that names the entry and the session it counts for
-- (both ids, no foreign keys: entry and session ids are never reused, and a challenge outlives
-- neither usefully; the audit trail keeps the story).
ALTER TABLE entries
  ADD COLUMN step_up_ms bigint CHECK (step_up_ms BETWEEN 60000 AND 86400000 AND step_up_ms % 1000 = 0);

ALTER TABLE challenges DROP CONSTRAINT challenges_purpose_check;
ALTER TABLE challenges
  ADD CONSTRAINT challenges_purpose_check CHECK (purpose IN ('UNLOCK', 'VERIFY_DEVICE', 'STEP_UP')),
  ADD COLUMN step_up_entry_id   text CHECK (step_up_entry_id ~ '^[A-Za-z0-9_-]{8,64}$'),
  ADD COLUMN step_up_session_id text CHECK (step_up_session_id ~ '^[A-Za-z0-9_-]{8,64}$'),
  ADD CHECK ((purpose = 'STEP_UP') = (step_up_entry_id IS NOT NULL)
             AND (purpose = 'STEP_UP') = (step_up_session_id IS NOT NULL));
-- The reveal's path: the newest approved step-up of one entry on one session.
CREATE INDEX challenges_step_up ON challenges (step_up_entry_id, step_up_session_id, created_at)
  WHERE purpose = 'STEP_UP';
