-- Gatehouse storage, version 1. Never edit once landed: add V2__... instead.
-- Enumerations are text with CHECK constraints (readable in psql, cheap to extend in a migration).
-- Times are timestamptz (microseconds, UTC).

CREATE TABLE users (
  name         text        PRIMARY KEY CHECK (char_length(name) BETWEEN 1 AND 64),
  role         text        NOT NULL CHECK (role IN ('ADMINISTRATOR', 'MEMBER')),
  duo_username text        NOT NULL CHECK (char_length(duo_username) BETWEEN 1 AND 100),
  created_at   timestamptz NOT NULL
);

-- Only the SHA-256 of a token is stored; the plain token is shown once and forgotten.
CREATE TABLE api_tokens (
  token_hash text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  owner      text        NOT NULL REFERENCES users (name),
  issued_at  timestamptz NOT NULL
);
CREATE INDEX api_tokens_by_owner ON api_tokens (owner);

CREATE TABLE workspaces (
  id          text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{8,64}$'),
  name        text        NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 64),
  description text        NOT NULL CHECK (char_length(description) <= 500),
  created_at  timestamptz NOT NULL
);

CREATE TABLE workspace_members (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_name    text NOT NULL REFERENCES users (name),
  PRIMARY KEY (workspace_id, user_name)
);
CREATE INDEX workspace_members_by_user ON workspace_members (user_name);

-- One row per workspace protected by Duo; no row means no second factor.
-- The Duo secret key is AES-256-GCM ciphertext (with its tag) under the master key named by
-- duo_secret_key_id, with a random 96-bit nonce and the workspace id as associated data.
CREATE TABLE mfa_policies (
  workspace_id          text        PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  provider              text        NOT NULL CHECK (provider IN ('DUO')),
  api_hostname          text        NOT NULL,
  integration_key       text        NOT NULL CHECK (integration_key ~ '^[A-Z0-9]{20}$'),
  duo_secret_key_id     text        NOT NULL CHECK (char_length(duo_secret_key_id) BETWEEN 1 AND 64),
  duo_secret_nonce      bytea       NOT NULL CHECK (octet_length(duo_secret_nonce) = 12),
  duo_secret_ciphertext bytea       NOT NULL CHECK (octet_length(duo_secret_ciphertext) > 16),
  failmode              text        NOT NULL CHECK (failmode IN ('SECURE', 'SAFE')),
  session_lifetime_ms   bigint      NOT NULL CHECK (session_lifetime_ms > 0),
  challenge_lifetime_ms bigint      NOT NULL CHECK (challenge_lifetime_ms > 0),
  push_cooldown_ms      bigint      NOT NULL CHECK (push_cooldown_ms >= 0),
  remember_for_ms       bigint      NOT NULL CHECK (remember_for_ms >= 0),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
-- Key rotation: find rows still encrypted under an old key.
CREATE INDEX mfa_policies_by_key ON mfa_policies (duo_secret_key_id);

-- A member's active and pending device selection for one workspace.
CREATE TABLE device_choices (
  workspace_id   text        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_name      text        NOT NULL REFERENCES users (name),
  active_device  text,
  active_method  text        CHECK (active_method IN ('PUSH', 'SMS', 'PHONE', 'PASSCODE')),
  pending_device text,
  pending_method text        CHECK (pending_method IN ('PUSH', 'SMS', 'PHONE', 'PASSCODE')),
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, user_name),
  CHECK ((active_device IS NULL) = (active_method IS NULL)),
  CHECK ((pending_device IS NULL) = (pending_method IS NULL)),
  CHECK (active_device IS NOT NULL OR pending_device IS NOT NULL)
);
CREATE INDEX device_choices_by_user ON device_choices (user_name);

-- The truth about every second-factor authentication, shared by all nodes. Updates are
-- optimistic (WHERE version = ?); a node waiting on Duo holds a lease (lease_owner, lease_until)
-- so a dead node's challenges are picked up by another one.
CREATE TABLE challenges (
  id              text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22,64}$'),
  workspace_id    text        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_name       text        NOT NULL REFERENCES users (name),
  purpose         text        NOT NULL CHECK (purpose IN ('UNLOCK', 'VERIFY_DEVICE')),
  device_id       text        NOT NULL,
  method          text        NOT NULL CHECK (method IN ('PUSH', 'SMS', 'PHONE', 'PASSCODE')),
  state           text        NOT NULL
                  CHECK (state IN ('PENDING', 'AWAITING_PASSCODE', 'APPROVED', 'DENIED', 'EXPIRED', 'FAILED')),
  denial_reason   text        CHECK (denial_reason IN
                  ('DENIED', 'FRAUD', 'TIMEOUT', 'LOCKED_OUT', 'TOO_MANY_PASSCODES', 'CANCELLED')),
  duo_txid        text        CHECK (char_length(duo_txid) BETWEEN 1 AND 128),
  status_message  text        NOT NULL CHECK (char_length(status_message) <= 512),
  wrong_passcodes integer     NOT NULL CHECK (wrong_passcodes BETWEEN 0 AND 5),
  created_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  session_issued  boolean     NOT NULL,
  version         bigint      NOT NULL CHECK (version >= 0),
  lease_owner     text,
  lease_until     timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'DENIED') = (denial_reason IS NOT NULL)),
  CHECK (expires_at > created_at),
  CHECK (NOT (state = 'AWAITING_PASSCODE' AND method IN ('PUSH', 'PHONE'))),
  CHECK ((lease_owner IS NULL) = (lease_until IS NULL))
);
-- At most one open push or call per member and workspace, enforced by the database for all nodes.
CREATE UNIQUE INDEX challenges_one_open_out_of_band ON challenges (workspace_id, user_name)
  WHERE method IN ('PUSH', 'PHONE') AND state IN ('PENDING', 'AWAITING_PASSCODE');
-- The watcher's and the expiry sweep's path: open challenges by expiry, pending ones by lease.
CREATE INDEX challenges_open_by_expiry ON challenges (expires_at)
  WHERE state IN ('PENDING', 'AWAITING_PASSCODE');
CREATE INDEX challenges_pending_by_lease ON challenges (lease_until NULLS FIRST)
  WHERE state = 'PENDING';
CREATE INDEX challenges_by_member ON challenges (workspace_id, user_name, created_at);
CREATE INDEX challenges_by_user ON challenges (user_name);

-- Granted workspace sessions; the token is kept only as its SHA-256.
CREATE TABLE workspace_sessions (
  token_hash   text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  workspace_id text        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_name    text        NOT NULL REFERENCES users (name),
  grant_kind   text        NOT NULL
               CHECK (grant_kind IN ('NO_MFA', 'DUO_APPROVED', 'DUO_BYPASS', 'FAILSAFE', 'REMEMBERED')),
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX workspace_sessions_latest_duo_approved
  ON workspace_sessions (workspace_id, user_name, created_at DESC) WHERE grant_kind = 'DUO_APPROVED';
CREATE INDEX workspace_sessions_by_user ON workspace_sessions (user_name);
CREATE INDEX workspace_sessions_by_expiry ON workspace_sessions (expires_at);

-- Cooldowns, fraud suspensions and passcode lockouts of one member in one workspace.
CREATE TABLE access_guards (
  workspace_id   text        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_name      text        NOT NULL REFERENCES users (name),
  suspended_at   timestamptz,
  cooldown_until timestamptz,
  locked_until   timestamptz,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_name)
);
CREATE INDEX access_guards_by_user ON access_guards (user_name);
CREATE INDEX access_guards_suspended ON access_guards (workspace_id) WHERE suspended_at IS NOT NULL;

-- The wrong passcodes inside the sliding window, in the order they were typed.
CREATE TABLE passcode_failures (
  workspace_id text        NOT NULL,
  user_name    text        NOT NULL,
  position     integer     NOT NULL CHECK (position BETWEEN 0 AND 9),
  failed_at    timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, user_name, position),
  FOREIGN KEY (workspace_id, user_name) REFERENCES access_guards (workspace_id, user_name) ON DELETE CASCADE
);

-- The audit trail. Names, not foreign keys: the trail outlives what it talks about.
CREATE TABLE audit_events (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  type        text        NOT NULL CHECK (type IN (
                'USER_ADDED', 'API_TOKEN_ISSUED', 'WORKSPACE_CREATED', 'MEMBER_ADDED', 'MEMBER_REMOVED',
                'DUO_CHECKED', 'MFA_CONFIGURED', 'MFA_CONFIGURATION_REJECTED', 'MFA_DISABLED',
                'DEVICE_CHOSEN', 'DEVICE_ACTIVATED', 'CHALLENGE_STARTED', 'CHALLENGE_APPROVED',
                'CHALLENGE_DENIED', 'CHALLENGE_EXPIRED', 'CHALLENGE_FAILED', 'PASSCODE_REJECTED',
                'PASSCODE_LOCKOUT', 'ACCESS_GRANTED', 'ACCESS_DENIED', 'DUO_BYPASS', 'FAILSAFE_GRANTED',
                'DUO_PROBLEM', 'SUSPENDED', 'SUSPENSION_CLEARED')),
  actor       text,
  workspace   text,
  subject     text,
  method      text        CHECK (method IN ('PUSH', 'SMS', 'PHONE', 'PASSCODE')),
  duo_txid    text,
  outcome     text        NOT NULL CHECK (char_length(outcome) <= 64),
  detail      text        NOT NULL CHECK (char_length(detail) <= 1000)
);
CREATE INDEX audit_events_by_time ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_by_workspace ON audit_events (workspace, occurred_at DESC, id DESC);
CREATE INDEX audit_events_by_actor ON audit_events (actor, occurred_at DESC, id DESC);
CREATE INDEX audit_events_by_subject ON audit_events (subject, occurred_at DESC, id DESC);

-- Append-only in the database itself, whoever connects: rows can be inserted, never changed.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
