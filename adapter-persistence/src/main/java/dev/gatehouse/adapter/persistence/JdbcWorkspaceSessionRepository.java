package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Workspace sessions in {@code workspace_sessions}, by token hash only. */
final class JdbcWorkspaceSessionRepository implements WorkspaceSessionRepository {
  private static final String COLUMNS = "token_hash, workspace_id, user_name, grant_kind, created_at, expires_at";

  private final JdbcTransactions db;

  JdbcWorkspaceSessionRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(WorkspaceSession session) {
    db.guarded("add workspace session of " + session.user(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO workspace_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        s.setString(1, session.tokenHash().value());
        s.setString(2, session.workspace().value());
        s.setString(3, session.user().value());
        s.setString(4, session.grantKind().name());
        Columns.setInstant(s, 5, session.createdAt());
        Columns.setInstant(s, 6, session.expiresAt());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Optional<WorkspaceSession> find(TokenHash hash) {
    return db.run("find workspace session", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM workspace_sessions WHERE token_hash = ?")) {
        s.setString(1, hash.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || !JdbcApiTokenRepository.sameHash(hash, r.getString("token_hash"))) {
            return Optional.empty();
          }
          return Optional.of(session(r));
        }
      }
    });
  }

  @Override
  public Optional<WorkspaceSession> findLatestDuoApproved(WorkspaceId workspace, UserName user) {
    return db.run("find latest Duo-approved session of " + user, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workspace_sessions"
          + " WHERE workspace_id = ? AND user_name = ? AND grant_kind = 'DUO_APPROVED'"
          + " ORDER BY created_at DESC LIMIT 1")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(session(r)) : Optional.empty();
        }
      }
    });
  }

  private static WorkspaceSession session(ResultSet r) throws SQLException {
    return new WorkspaceSession(new TokenHash(r.getString("token_hash")), new WorkspaceId(r.getString("workspace_id")),
        new UserName(r.getString("user_name")), GrantKind.valueOf(r.getString("grant_kind")),
        Columns.instant(r, "created_at"), Columns.instant(r, "expires_at"));
  }
}
