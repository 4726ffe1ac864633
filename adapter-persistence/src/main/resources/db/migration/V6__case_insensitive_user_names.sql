-- Gatehouse storage, version 6: user names compare case-insensitively, as Duo usernames do.
-- Gatehouse keeps every user name in its canonical form, lower case (Java's UserName lower-cases
-- with Locale.ROOT; names are ASCII, so lower() here agrees with it), and the users table checks it.
-- Existing names are lower-cased everywhere they are keys. Users whose names differ only in case
-- would become one user: the migration stops before changing anything and names them.
-- audit_events keeps the names as they were written (the trail is append-only).

DO $$
DECLARE
  clashes text;
BEGIN
  SELECT string_agg(names, '; ' ORDER BY names) INTO clashes FROM (
    SELECT string_agg(name, ' and ' ORDER BY name COLLATE "C") AS names
    FROM users GROUP BY lower(name) HAVING count(*) > 1
  ) same;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'user names now compare case-insensitively, and these users differ only in case: %', clashes
      USING HINT = 'Keep one user of each group: delete the others (their tokens, memberships, sessions and'
        || ' entries first) with psql on this database, then start Gatehouse again.';
  END IF;
END
$$;

-- Every key that names a user follows a change of the name: lower-casing users.name cascades.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_owner_fkey,
  ADD CONSTRAINT api_tokens_owner_fkey FOREIGN KEY (owner) REFERENCES users (name) ON UPDATE CASCADE;
ALTER TABLE workspace_members DROP CONSTRAINT workspace_members_user_name_fkey,
  ADD CONSTRAINT workspace_members_user_name_fkey FOREIGN KEY (user_name) REFERENCES users (name)
    ON UPDATE CASCADE;
ALTER TABLE device_choices DROP CONSTRAINT device_choices_user_name_fkey,
  ADD CONSTRAINT device_choices_user_name_fkey FOREIGN KEY (user_name) REFERENCES users (name)
    ON UPDATE CASCADE;
ALTER TABLE challenges DROP CONSTRAINT challenges_user_name_fkey,
  ADD CONSTRAINT challenges_user_name_fkey FOREIGN KEY (user_name) REFERENCES users (name) ON UPDATE CASCADE;
ALTER TABLE workspace_sessions DROP CONSTRAINT workspace_sessions_user_name_fkey,
  ADD CONSTRAINT workspace_sessions_user_name_fkey FOREIGN KEY (user_name) REFERENCES users (name)
    ON UPDATE CASCADE;
ALTER TABLE access_guards DROP CONSTRAINT access_guards_user_name_fkey,
  ADD CONSTRAINT access_guards_user_name_fkey FOREIGN KEY (user_name) REFERENCES users (name)
    ON UPDATE CASCADE;
ALTER TABLE passcode_failures DROP CONSTRAINT passcode_failures_workspace_id_user_name_fkey,
  ADD CONSTRAINT passcode_failures_workspace_id_user_name_fkey FOREIGN KEY (workspace_id, user_name)
    REFERENCES access_guards (workspace_id, user_name) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE entries DROP CONSTRAINT entries_created_by_fkey, DROP CONSTRAINT entries_updated_by_fkey,
  ADD CONSTRAINT entries_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (name) ON UPDATE CASCADE,
  ADD CONSTRAINT entries_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users (name) ON UPDATE CASCADE;

-- A Duo username that was the user's own name (the default) follows it; an explicit alias stays.
UPDATE users SET duo_username = lower(name), name = lower(name) WHERE duo_username = name AND name <> lower(name);
UPDATE users SET name = lower(name) WHERE name <> lower(name);

ALTER TABLE users ADD CONSTRAINT users_name_canonical CHECK (name = lower(name));
