-- Gatehouse storage, version 7: the challenge lifecycle (issues 16 and 18).
-- A fraud suspension that overtakes a challenge denies it as SUSPENDED (it was reported as
-- LOCKED_OUT before, losing that it was a fraud report).
ALTER TABLE challenges DROP CONSTRAINT challenges_denial_reason_check;
ALTER TABLE challenges ADD CONSTRAINT challenges_denial_reason_check CHECK (denial_reason IN
  ('DENIED', 'FRAUD', 'TIMEOUT', 'LOCKED_OUT', 'SUSPENDED', 'TOO_MANY_PASSCODES', 'CANCELLED'));
-- The follow lease (lease_owner, lease_until; V1) is now used: one process at a time follows each
-- pending push or call with a Duo transaction, renewing its leases; another takes a lapsed one over.
-- A node renews its own leases by owner.
CREATE INDEX challenges_pending_by_owner ON challenges (lease_owner) WHERE state = 'PENDING';
