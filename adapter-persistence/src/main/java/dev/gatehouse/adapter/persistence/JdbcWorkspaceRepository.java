package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Workspaces in {@code workspaces}; membership in {@code workspace_members}, one row per member,
 * read one member at a time by its primary key (workspace, user) or a workspace's members at once.
 */
final class JdbcWorkspaceRepository implements WorkspaceRepository {
  private static final String COLUMNS = "w.id, w.name, w.description, w.created_at";
  // COLLATE "C": sorted as Java sorts strings, whatever the database's locale.
  private static final String BY_NAME = " ORDER BY w.name COLLATE \"C\"";

  private final JdbcTransactions db;

  JdbcWorkspaceRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(Workspace workspace) {
    db.guarded("add workspace " + workspace.name(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO workspaces (id, name, description, created_at) VALUES (?, ?, ?, ?)")) {
        s.setString(1, workspace.id().value());
        s.setString(2, workspace.name().value());
        s.setString(3, workspace.description().value());
        Columns.setInstant(s, 4, workspace.createdAt());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public void update(Workspace workspace) {
    db.run("update workspace " + workspace.name(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE workspaces SET name = ?, description = ? WHERE id = ?")) {
        s.setString(1, workspace.name().value());
        s.setString(2, workspace.description().value());
        s.setString(3, workspace.id().value());
        if (s.executeUpdate() == 0) {
          throw new StorageException("no workspace " + workspace.id() + " to update");
        }
        return null;
      }
    });
  }

  @Override
  public Optional<Workspace> find(WorkspaceName name) {
    return db.run("find workspace " + name,
        c -> one(c, "SELECT " + COLUMNS + " FROM workspaces w WHERE w.name = ?", name.value()));
  }

  @Override
  public Optional<Workspace> findForUpdate(WorkspaceName name) {
    // Locks the workspace row until the caller's transaction ends; concurrent member changes queue.
    return db.run("find workspace " + name + " for update",
        c -> one(c, "SELECT " + COLUMNS + " FROM workspaces w WHERE w.name = ? FOR UPDATE", name.value()));
  }

  @Override
  public Optional<Workspace> find(WorkspaceId id) {
    return db.run("find workspace " + id,
        c -> one(c, "SELECT " + COLUMNS + " FROM workspaces w WHERE w.id = ?", id.value()));
  }

  @Override
  public List<Workspace> list() {
    return db.run("list workspaces", c -> all(c, "SELECT " + COLUMNS + " FROM workspaces w" + BY_NAME));
  }

  @Override
  public List<Workspace> listOf(UserName member) {
    return db.run("list workspaces of " + member, c -> all(c, "SELECT " + COLUMNS
        + " FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id WHERE m.user_name = ?" + BY_NAME,
        member.value()));
  }

  @Override
  public Optional<MemberRole> roleOf(WorkspaceId workspace, UserName user) {
    return db.run("find the role of " + user + " in workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT role FROM workspace_members WHERE workspace_id = ? AND user_name = ?")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(MemberRole.valueOf(r.getString(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void putMember(WorkspaceId workspace, UserName user, MemberRole role) {
    db.run("put member " + user + " in workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO workspace_members (workspace_id, user_name, role)"
          + " VALUES (?, ?, ?) ON CONFLICT (workspace_id, user_name) DO UPDATE SET role = excluded.role")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        s.setString(3, role.name());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public boolean removeMember(WorkspaceId workspace, UserName user) {
    return db.run("remove member " + user + " from workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM workspace_members WHERE workspace_id = ? AND user_name = ?")) {
        s.setString(1, workspace.value());
        s.setString(2, user.value());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public SortedMap<UserName, MemberRole> members(WorkspaceId workspace) {
    return db.run("list members of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT user_name, role FROM workspace_members WHERE workspace_id = ?")) {
        s.setString(1, workspace.value());
        try (ResultSet r = s.executeQuery()) {
          SortedMap<UserName, MemberRole> members = new TreeMap<>();
          while (r.next()) {
            members.put(UserName.trusted(r.getString(1)), MemberRole.valueOf(r.getString(2)));
          }
          return members;
        }
      }
    });
  }

  @Override
  public int memberCount(WorkspaceId workspace) {
    return db.run("count members of workspace " + workspace, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM workspace_members WHERE workspace_id = ?")) {
        s.setString(1, workspace.value());
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return r.getInt(1);
        }
      }
    });
  }

  private static Optional<Workspace> one(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(workspace(r)) : Optional.empty();
      }
    }
  }

  private static List<Workspace> all(Connection c, String sql, String... keys) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < keys.length; i++) {
        s.setString(i + 1, keys[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        List<Workspace> all = new ArrayList<>();
        while (r.next()) {
          all.add(workspace(r));
        }
        return all;
      }
    }
  }

  private static Workspace workspace(ResultSet r) throws SQLException {
    return Workspace.restore(new WorkspaceId(r.getString("id")), new WorkspaceName(r.getString("name")),
        new WorkspaceDescription(r.getString("description")), Columns.instant(r, "created_at"));
  }
}
