-- Gatehouse storage, version 3: behind the gate. Disabled users, the API token life cycle, member
-- roles, revocable sessions with public ids, entries with secrets under envelope encryption, and
-- the audit event types that come with them. Rows written by version 2 keep working: tokens and
-- sessions get fresh random ids, members become readers, users stay enabled.

ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;

-- Tokens get a public id (listed and revoked by it, never usable as the token), scopes, an
-- optional expiry, the last use (to the minute) and a revocation time; revoked tokens are kept.
ALTER TABLE api_tokens
  ADD COLUMN id           text,
  ADD COLUMN scopes       text[]      NOT NULL DEFAULT '{}' CHECK (scopes <@ ARRAY['INTROSPECT']::text[]),
  ADD COLUMN expires_at   timestamptz,
  ADD COLUMN last_used_at timestamptz,
  ADD COLUMN revoked_at   timestamptz,
  ADD CHECK (expires_at > issued_at);
UPDATE api_tokens SET id = replace(gen_random_uuid()::text, '-', '');
ALTER TABLE api_tokens
  ALTER COLUMN id SET NOT NULL,
  ADD CONSTRAINT api_tokens_id_key UNIQUE (id),
  ADD CHECK (id ~ '^[A-Za-z0-9_-]{8,64}$');
CREATE INDEX api_tokens_by_issue ON api_tokens (issued_at DESC, id);

ALTER TABLE workspace_members
  ADD COLUMN role text NOT NULL DEFAULT 'READER' CHECK (role IN ('READER', 'EDITOR'));

-- Sessions get a public id (listed, revoked and audited by it) and are revoked in place.
ALTER TABLE workspace_sessions ADD COLUMN id text, ADD COLUMN revoked_at timestamptz;
UPDATE workspace_sessions SET id = replace(gen_random_uuid()::text, '-', '');
ALTER TABLE workspace_sessions
  ALTER COLUMN id SET NOT NULL,
  ADD CONSTRAINT workspace_sessions_id_key UNIQUE (id),
  ADD CHECK (id ~ '^[A-Za-z0-9_-]{8,64}$');
-- Listing and revoking a workspace's live sessions: unrevoked ones only (expiry is checked on the rows).
CREATE INDEX workspace_sessions_live ON workspace_sessions (workspace_id, created_at DESC)
  WHERE revoked_at IS NULL;

-- Each workspace's data key: 32 random bytes, created when its first secret is stored, kept only
-- wrapped (AES-256-GCM) by the master key named by master_key_id, with the workspace id as
-- associated data. A master key rotation rewrites these rows, never the entries.
CREATE TABLE workspace_data_keys (
  workspace_id  text        PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  master_key_id text        NOT NULL CHECK (char_length(master_key_id) BETWEEN 1 AND 64),
  nonce         bytea       NOT NULL CHECK (octet_length(nonce) = 12),
  wrapped_key   bytea       NOT NULL CHECK (octet_length(wrapped_key) = 48),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workspace_data_keys_by_key ON workspace_data_keys (master_key_id);

-- Remote connections and their credentials. The secret is AES-256-GCM ciphertext (with its tag)
-- under the workspace's data key (secret_key_id names it), with a random 96-bit nonce and the
-- workspace id, entry id and secret kind as associated data: it opens in its own row only.
CREATE TABLE entries (
  id                text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{8,64}$'),
  workspace_id      text        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name              text        NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  kind              text        NOT NULL CHECK (kind IN ('RDP', 'SSH', 'VNC', 'WEB', 'DATABASE', 'OTHER')),
  host              text        NOT NULL CHECK (char_length(host) BETWEEN 1 AND 253),
  port              integer     CHECK (port BETWEEN 1 AND 65535),
  username          text        CHECK (char_length(username) BETWEEN 1 AND 256),
  domain            text        CHECK (char_length(domain) BETWEEN 1 AND 253),
  url               text        CHECK (char_length(url) BETWEEN 1 AND 2048),
  notes             text        NOT NULL CHECK (octet_length(notes) <= 4096),
  tags              text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
  created_at        timestamptz NOT NULL,
  created_by        text        NOT NULL REFERENCES users (name),
  updated_at        timestamptz NOT NULL,
  updated_by        text        NOT NULL REFERENCES users (name),
  version           bigint      NOT NULL CHECK (version >= 0),
  secret_kind       text        CHECK (secret_kind IN ('PASSWORD', 'PRIVATE_KEY')),
  secret_key_id     text        CHECK (char_length(secret_key_id) BETWEEN 1 AND 64),
  secret_nonce      bytea       CHECK (octet_length(secret_nonce) = 12),
  secret_ciphertext bytea       CHECK (octet_length(secret_ciphertext) > 16),
  CONSTRAINT entries_name_per_workspace UNIQUE (workspace_id, name),
  CHECK ((secret_kind IS NULL) = (secret_key_id IS NULL)
    AND (secret_kind IS NULL) = (secret_nonce IS NULL)
    AND (secret_kind IS NULL) = (secret_ciphertext IS NULL))
);
CREATE INDEX entries_by_creator ON entries (created_by);
CREATE INDEX entries_by_updater ON entries (updated_by);

ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_type_check CHECK (type IN (
  'USER_ADDED', 'API_TOKEN_ISSUED', 'WORKSPACE_CREATED', 'MEMBER_ADDED', 'MEMBER_REMOVED',
  'DUO_CHECKED', 'MFA_CONFIGURED', 'MFA_CONFIGURATION_REJECTED', 'MFA_DISABLED',
  'DEVICE_CHOSEN', 'DEVICE_ACTIVATED', 'CHALLENGE_STARTED', 'CHALLENGE_APPROVED',
  'CHALLENGE_DENIED', 'CHALLENGE_EXPIRED', 'CHALLENGE_FAILED', 'PASSCODE_REJECTED',
  'PASSCODE_LOCKOUT', 'ACCESS_GRANTED', 'ACCESS_DENIED', 'DUO_BYPASS', 'FAILSAFE_GRANTED',
  'DUO_PROBLEM', 'SUSPENDED', 'SUSPENSION_CLEARED', 'MEMBER_ROLE_CHANGED', 'ENTRY_ADDED',
  'ENTRY_UPDATED', 'ENTRY_REMOVED', 'CREDENTIAL_REVEALED', 'SESSION_CLOSED', 'SESSION_REVOKED',
  'API_TOKEN_REVOKED', 'USER_DISABLED', 'USER_ENABLED', 'MASTER_KEY_ROTATED',
  'DUO_READINESS_CHECKED'));
