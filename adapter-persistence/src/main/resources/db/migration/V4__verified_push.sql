-- Gatehouse storage, version 4: Verified Duo Push, and a passcode that settles a waiting push.
-- verification_code: the code a pending Verified Duo Push shows (typed into Duo Mobile); every
-- node reads it from here, and it is cleared when the challenge ends. Never copied to audit_events.
-- settled_by: PASSCODE when a passcode typed while a push or call waited settled the challenge
-- in its place (otherwise the challenge's own method settled it).
ALTER TABLE challenges
  ADD COLUMN verification_code text CHECK (verification_code ~ '^[0-9]{2,8}$'),
  ADD COLUMN settled_by        text CHECK (settled_by = 'PASSCODE'),
  ADD CHECK (verification_code IS NULL OR (state = 'PENDING' AND method = 'PUSH')),
  ADD CHECK (settled_by IS NULL OR (state IN ('APPROVED', 'DENIED', 'EXPIRED', 'FAILED')
                                    AND method IN ('PUSH', 'PHONE')));
