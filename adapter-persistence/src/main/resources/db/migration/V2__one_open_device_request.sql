-- Gatehouse storage, version 2: at most one open push, call OR SMS per member and workspace
-- (SMS sends were unlimited). The index keeps its name, so errors and checks that name it still hold.

-- Open challenges that would break the wider rule (several open SMS, or an SMS beside an open
-- push or call) fail first; a push or call is kept over an SMS, then the newest.
UPDATE challenges SET state = 'FAILED', status_message = 'Superseded by another open Duo request',
    version = version + 1, updated_at = now()
WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY workspace_id, user_name
        ORDER BY (method IN ('PUSH', 'PHONE')) DESC, created_at DESC, id) AS rank
    FROM challenges
    WHERE method IN ('PUSH', 'PHONE', 'SMS') AND state IN ('PENDING', 'AWAITING_PASSCODE')
  ) ranked
  WHERE rank > 1
);

DROP INDEX challenges_one_open_out_of_band;
CREATE UNIQUE INDEX challenges_one_open_out_of_band ON challenges (workspace_id, user_name)
  WHERE method IN ('PUSH', 'PHONE', 'SMS') AND state IN ('PENDING', 'AWAITING_PASSCODE');
