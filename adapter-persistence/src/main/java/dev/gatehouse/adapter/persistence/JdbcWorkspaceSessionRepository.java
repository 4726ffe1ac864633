package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.WorkspaceSessionRepository;
import dev.gatehouse.domain.session.GrantKind;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.session.WorkspaceSession;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Workspace sessions in {@code workspace_sessions}: the token by hash only, revoked in place. A
 * session is live while {@code revoked_at IS NULL AND expires_at > now}, the same rule as
 * {@link WorkspaceSession#isLiveAt}.
 */
final class JdbcWorkspaceSessionRepository implements WorkspaceSessionRepository {
  private static final String COLUMNS =
      "id, token_hash, workspace_id, user_name, grant_kind, created_at, expires_at, revoked_at";
  private static final String LIVE = " AND revoked_at IS NULL AND expires_at > ?";

  private final JdbcTransactions db;

  JdbcWorkspaceSessionRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(WorkspaceSession session) {
    db.guarded("add workspace session of " + session.user(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO workspace_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, session.id().value());
        s.setString(2, session.tokenHash().value());
        s.setString(3, session.workspace().value());
        s.setString(4, session.user().value());
        s.setString(5, session.grantKind().name());
        Columns.setInstant(s, 6, session.createdAt());
        Columns.setInstant(s, 7, session.expiresAt());
        Columns.setInstant(s, 8, session.revokedAt().orElse(null));
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
  public Optional<WorkspaceSession> find(SessionId id) {
    return db.run("find workspace session " + id, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workspace_sessions WHERE id = ?")) {
        s.setString(1, id.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(session(r)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<WorkspaceSession> findLatestDuoApproved(WorkspaceId workspace, UserName user) {
    return db.run("find latest Duo-approved session of " + user, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workspace_sessions"
          + " WHERE workspace_id = ? AND user_name = ? AND grant_kind = 'DUO_APPROVED' AND revoked_at IS NULL"
          + " ORDER BY created_at DESC LIMIT 1")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(session(r)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<WorkspaceSession> findLatestDuoApprovedOf(UserName user) {
    return db.run("find latest Duo-approved session of " + user + " in any workspace", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workspace_sessions"
          + " WHERE user_name = ? AND grant_kind = 'DUO_APPROVED' AND revoked_at IS NULL"
          + " ORDER BY created_at DESC LIMIT 1")) {
        s.setString(1, user.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(session(r)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<WorkspaceSession> listLive(WorkspaceId workspace, Instant now) {
    return db.run("list live sessions of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workspace_sessions"
          + " WHERE workspace_id = ?" + LIVE + " ORDER BY created_at DESC, id")) {
        s.setString(1, workspace.value());
        Columns.setInstant(s, 2, now);
        try (ResultSet r = s.executeQuery()) {
          List<WorkspaceSession> sessions = new ArrayList<>();
          while (r.next()) {
            sessions.add(session(r));
          }
          return sessions;
        }
      }
    });
  }

  @Override
  public boolean revoke(SessionId id, Instant at) {
    return db.run("revoke workspace session " + id, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE workspace_sessions SET revoked_at = ? WHERE id = ?" + LIVE)) {
        Columns.setInstant(s, 1, at);
        s.setString(2, id.value());
        Columns.setInstant(s, 3, at);
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int revokeAll(WorkspaceId workspace, Optional<UserName> user, Instant at) {
    return db.run("revoke sessions of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE workspace_sessions SET revoked_at = ?"
          + " WHERE workspace_id = ?" + LIVE + (user.isPresent() ? " AND user_name = ?" : ""))) {
        Columns.setInstant(s, 1, at);
        s.setString(2, workspace.value());
        Columns.setInstant(s, 3, at);
        if (user.isPresent()) {
          s.setString(4, user.get().value());
        }
        return s.executeUpdate();
      }
    });
  }

  @Override
  public int revokeAllOf(UserName user, Instant at) {
    return db.run("revoke sessions of " + user, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE workspace_sessions SET revoked_at = ? WHERE user_name = ?" + LIVE)) {
        Columns.setInstant(s, 1, at);
        s.setString(2, user.value());
        Columns.setInstant(s, 3, at);
        return s.executeUpdate();
      }
    });
  }

  private static WorkspaceSession session(ResultSet r) throws SQLException {
    return new WorkspaceSession(new SessionId(r.getString("id")), new TokenHash(r.getString("token_hash")),
        new WorkspaceId(r.getString("workspace_id")), UserName.trusted(r.getString("user_name")),
        GrantKind.valueOf(r.getString("grant_kind")), Columns.instant(r, "created_at"),
        Columns.instant(r, "expires_at"), Columns.optionalInstant(r, "revoked_at"));
  }
}
