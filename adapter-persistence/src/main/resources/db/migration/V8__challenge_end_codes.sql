-- Gatehouse storage, version 8: how Gatehouse itself ended a challenge (issue 16).
-- A code that each face words (superseded, expired, duo_unavailable, ...), so the core stores no
-- sentence of its own; status_message keeps Duo's own message or the gateway's report behind it.
-- Challenges stored before have none: their status message says it all.
ALTER TABLE challenges ADD COLUMN end_code text
  CONSTRAINT challenges_end_code_check CHECK (end_code IN ('SUPERSEDED', 'CANCELLED', 'MEMBER_REMOVED',
    'EXPIRED', 'INTERRUPTED', 'PASSCODE_UNANSWERED', 'DUO_NOT_CONFIGURED', 'DUO_UNAVAILABLE', 'DUO_RATE_LIMITED',
    'DUO_CREDENTIALS_REJECTED', 'DUO_INTEGRATION_FORBIDDEN', 'DUO_REQUEST_REJECTED', 'DUO_LOCAL_CONFIGURATION')),
  ADD CONSTRAINT challenges_end_code_final CHECK (end_code IS NULL OR state IN ('DENIED', 'EXPIRED', 'FAILED'));
