package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.MemberRole;
import dev.gatehouse.domain.workspace.Workspace;
import dev.gatehouse.domain.workspace.WorkspaceDescription;
import dev.gatehouse.domain.workspace.WorkspaceId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/** Workspaces in {@code workspaces}, their members and roles in {@code workspace_members}. */
final class JdbcWorkspaceRepository implements WorkspaceRepository {
  // COLLATE "C": sorted as Java sorts strings, whatever the database's locale.
  private static final String SELECT = "SELECT w.id, w.name, w.description, w.created_at,"
      + " coalesce(array_agg(m.user_name ORDER BY m.user_name COLLATE \"C\")"
      + " FILTER (WHERE m.user_name IS NOT NULL), '{}') AS members,"
      + " coalesce(array_agg(m.role ORDER BY m.user_name COLLATE \"C\")"
      + " FILTER (WHERE m.user_name IS NOT NULL), '{}') AS roles"
      + " FROM workspaces w LEFT JOIN workspace_members m ON m.workspace_id = w.id ";

  private final JdbcTransactions db;

  JdbcWorkspaceRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(Workspace workspace) {
    db.atomically("add workspace " + workspace.name(), c -> {
      db.guarded("add workspace " + workspace.name(), g -> {
        try (PreparedStatement s = g.prepareStatement(
            "INSERT INTO workspaces (id, name, description, created_at) VALUES (?, ?, ?, ?)")) {
          s.setString(1, workspace.id().value());
          s.setString(2, workspace.name().value());
          s.setString(3, workspace.description().value());
          Columns.setInstant(s, 4, workspace.createdAt());
          return s.executeUpdate();
        }
      });
      insertMembers(c, workspace);
      return null;
    });
  }

  @Override
  public void update(Workspace workspace) {
    db.atomically("update workspace " + workspace.name(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE workspaces SET name = ?, description = ? WHERE id = ?")) {
        s.setString(1, workspace.name().value());
        s.setString(2, workspace.description().value());
        s.setString(3, workspace.id().value());
        if (s.executeUpdate() == 0) {
          throw new StorageException("no workspace " + workspace.id() + " to update");
        }
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM workspace_members WHERE workspace_id = ?")) {
        s.setString(1, workspace.id().value());
        s.executeUpdate();
      }
      insertMembers(c, workspace);
      return null;
    });
  }

  private static void insertMembers(Connection c, Workspace workspace) throws SQLException {
    if (workspace.members().isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO workspace_members (workspace_id, user_name, role) VALUES (?, ?, ?)")) {
      for (Map.Entry<UserName, MemberRole> member : workspace.roles().entrySet()) {
        s.setString(1, workspace.id().value());
        s.setString(2, member.getKey().value());
        s.setString(3, member.getValue().name());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public Optional<Workspace> find(WorkspaceName name) {
    return db.run("find workspace " + name, c -> one(c, SELECT + "WHERE w.name = ? GROUP BY w.id", name.value()));
  }

  @Override
  public Optional<Workspace> findForUpdate(WorkspaceName name) {
    return db.run("find workspace " + name + " for update", c -> {
      // Locks the workspace row until the caller's transaction ends; concurrent member changes queue.
      try (PreparedStatement s = c.prepareStatement("SELECT id FROM workspaces WHERE name = ? FOR UPDATE")) {
        s.setString(1, name.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
        }
      }
      return one(c, SELECT + "WHERE w.name = ? GROUP BY w.id", name.value());
    });
  }

  @Override
  public Optional<Workspace> find(WorkspaceId id) {
    return db.run("find workspace " + id, c -> one(c, SELECT + "WHERE w.id = ? GROUP BY w.id", id.value()));
  }

  @Override
  public List<Workspace> list() {
    return db.run("list workspaces", c -> {
      try (PreparedStatement s = c.prepareStatement(SELECT + "GROUP BY w.id ORDER BY w.name COLLATE \"C\"");
           ResultSet r = s.executeQuery()) {
        List<Workspace> all = new ArrayList<>();
        while (r.next()) {
          all.add(workspace(r));
        }
        return all;
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

  private static Workspace workspace(ResultSet r) throws SQLException {
    Map<UserName, MemberRole> members = new TreeMap<>();
    Array names = r.getArray("members");
    Array roles = r.getArray("roles");
    Object[] memberNames = (Object[]) names.getArray();
    Object[] memberRoles = (Object[]) roles.getArray();
    for (int i = 0; i < memberNames.length; i++) {
      members.put(new UserName((String) memberNames[i]), MemberRole.valueOf((String) memberRoles[i]));
    }
    names.free();
    roles.free();
    return Workspace.restore(new WorkspaceId(r.getString("id")), new WorkspaceName(r.getString("name")),
        new WorkspaceDescription(r.getString("description")), members, Columns.instant(r, "created_at"));
  }
}
