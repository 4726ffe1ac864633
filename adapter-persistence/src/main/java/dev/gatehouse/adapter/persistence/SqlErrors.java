package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.application.port.out.StorageException;
import java.sql.SQLException;
import java.util.Map;

/** Translates {@link SQLException}s into the storage ports' exceptions: the one place that does. */
final class SqlErrors {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK_DETECTED = "40P01";

  /** Messages for the unique constraints a caller can expect to hit. */
  private static final Map<String, String> DUPLICATES = Map.ofEntries(
      Map.entry("users_pkey", "the user name is taken"),
      Map.entry("workspaces_name_key", "the workspace name is taken"),
      Map.entry("workspaces_pkey", "the workspace id exists"),
      Map.entry("challenges_pkey", "the challenge id exists"),
      Map.entry("challenges_one_open_out_of_band", "an open push or call exists for this member and workspace"),
      Map.entry("api_tokens_pkey", "the token exists"),
      Map.entry("api_tokens_id_key", "the token id exists"),
      Map.entry("workspace_sessions_pkey", "the session token exists"),
      Map.entry("workspace_sessions_id_key", "the session id exists"),
      Map.entry("entries_name_per_workspace", "an entry with this name exists in the workspace"),
      Map.entry("entries_pkey", "the entry id exists"));

  private SqlErrors() {}

  static RuntimeException translate(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (UNIQUE_VIOLATION.equals(state)) {
      return new DuplicateEntryException(what + ": " + duplicateMessage(e));
    }
    if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
      return new ConcurrentUpdateException(what + ": changed concurrently (SQLSTATE " + state + ")");
    }
    if (state.startsWith("08")) {
      return new StorageException(what + ": the database cannot be reached (SQLSTATE " + state + ")", e);
    }
    return new StorageException(what + " failed (SQLSTATE " + state + "): " + firstLine(e.getMessage()), e);
  }

  private static String duplicateMessage(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    for (Map.Entry<String, String> known : DUPLICATES.entrySet()) {
      if (message.contains("\"" + known.getKey() + "\"")) {
        return known.getValue();
      }
    }
    return "an entry with the same identity exists";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
