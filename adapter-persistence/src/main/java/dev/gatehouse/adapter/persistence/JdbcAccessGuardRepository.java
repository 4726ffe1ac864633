package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.AccessGuardRepository;
import dev.gatehouse.domain.challenge.AccessGuard;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cooldowns, suspensions and lockouts in {@code access_guards}, wrong passcodes in {@code passcode_failures}. */
final class JdbcAccessGuardRepository implements AccessGuardRepository {
  private final JdbcTransactions db;

  JdbcAccessGuardRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void save(AccessGuard guard) {
    db.atomically("save access guard of " + guard.user(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO access_guards (workspace_id, user_name, suspended_at, cooldown_until, locked_until,"
              + " updated_at) VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (workspace_id, user_name) DO UPDATE SET"
              + " suspended_at = excluded.suspended_at, cooldown_until = excluded.cooldown_until,"
              + " locked_until = excluded.locked_until, updated_at = now()")) {
        s.setString(1, guard.workspace().value());
        s.setString(2, guard.user().value());
        Columns.setInstant(s, 3, guard.suspendedAt().orElse(null));
        Columns.setInstant(s, 4, guard.cooldownUntil().orElse(null));
        Columns.setInstant(s, 5, guard.lockedUntil().orElse(null));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM passcode_failures WHERE workspace_id = ? AND user_name = ?")) {
        s.setString(1, guard.workspace().value());
        s.setString(2, guard.user().value());
        s.executeUpdate();
      }
      if (!guard.wrongPasscodes().isEmpty()) {
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO passcode_failures (workspace_id, user_name, position, failed_at) VALUES (?, ?, ?, ?)")) {
          int position = 0;
          for (Instant at : guard.wrongPasscodes()) {
            s.setString(1, guard.workspace().value());
            s.setString(2, guard.user().value());
            s.setInt(3, position++);
            Columns.setInstant(s, 4, at);
            s.addBatch();
          }
          s.executeBatch();
        }
      }
      return null;
    });
  }

  @Override
  public Optional<AccessGuard> find(WorkspaceId workspace, UserName user) {
    return db.run("find access guard of " + user, c -> {
      if (db.inTransaction()) {
        // Held until the transaction ends, even while the member has no row yet, so that
        // read-modify-write of one guard from two requests or nodes is serialised.
        try (PreparedStatement s = c.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtextextended('access_guard:' || ? || ':' || ?, 0))")) {
          s.setString(1, workspace.value());
          s.setString(2, user.value());
          s.execute();
        }
      }
      // The guard and its wrong passcodes in one statement (one snapshot), the passcodes in order.
      Optional<Instant> suspendedAt;
      Optional<Instant> cooldownUntil;
      Optional<Instant> lockedUntil;
      List<Instant> wrongPasscodes = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT g.suspended_at, g.cooldown_until, g.locked_until,"
          + " f.failed_at FROM access_guards g LEFT JOIN passcode_failures f"
          + " ON f.workspace_id = g.workspace_id AND f.user_name = g.user_name"
          + " WHERE g.workspace_id = ? AND g.user_name = ? ORDER BY f.position")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          suspendedAt = Columns.optionalInstant(r, "suspended_at");
          cooldownUntil = Columns.optionalInstant(r, "cooldown_until");
          lockedUntil = Columns.optionalInstant(r, "locked_until");
          do {
            Columns.optionalInstant(r, "failed_at").ifPresent(wrongPasscodes::add);
          } while (r.next());
        }
      }
      return Optional.of(AccessGuard.restore(workspace, user, suspendedAt, cooldownUntil, lockedUntil,
          wrongPasscodes));
    });
  }
}
