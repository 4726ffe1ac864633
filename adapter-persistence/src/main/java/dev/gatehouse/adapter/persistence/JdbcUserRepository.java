package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users in the {@code users} table. */
final class JdbcUserRepository implements UserRepository {
  /** The advisory lock key that serialises first-user attempts (ASCII "gh-first"). */
  private static final long FIRST_USER_LOCK = 0x67682d6669727374L;
  static final String COLUMNS = "name, role, duo_username, created_at, disabled";

  private final JdbcTransactions db;

  JdbcUserRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(User user) {
    db.guarded("add user " + user.name(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO users (name, role, duo_username, created_at, disabled) VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, user.name().value());
        s.setString(2, user.role().name());
        s.setString(3, user.duoUsername().value());
        Columns.setInstant(s, 4, user.createdAt());
        s.setBoolean(5, user.isDisabled());
        return s.executeUpdate();
      }
    });
  }

  /**
   * Serialises every first-user attempt on a transaction-scoped advisory lock, then inserts only
   * while {@code users} is empty: under READ COMMITTED the second attempt waits for the first to
   * commit and then sees its row.
   */
  @Override
  public boolean addFirstAdministrator(User administrator) {
    return db.atomically("add first administrator " + administrator.name(), c -> {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, FIRST_USER_LOCK);
        lock.execute();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO users (name, role, duo_username, created_at)"
          + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM users)")) {
        s.setString(1, administrator.name().value());
        s.setString(2, administrator.role().name());
        s.setString(3, administrator.duoUsername().value());
        Columns.setInstant(s, 4, administrator.createdAt());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<User> find(UserName name) {
    return db.run("find user " + name, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE name = ?")) {
        s.setString(1, name.value());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(user(r)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void update(User user) {
    db.run("update user " + user.name(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE users SET role = ?, duo_username = ?, disabled = ? WHERE name = ?")) {
        s.setString(1, user.role().name());
        s.setString(2, user.duoUsername().value());
        s.setBoolean(3, user.isDisabled());
        s.setString(4, user.name().value());
        if (s.executeUpdate() == 0) {
          throw new StorageException("no user " + user.name() + " to update");
        }
        return null;
      }
    });
  }

  @Override
  public List<User> list() {
    return db.run("list users", c -> {
      // COLLATE "C": sorted as Java sorts strings, whatever the database's locale.
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY name COLLATE \"C\"");
           ResultSet r = s.executeQuery()) {
        List<User> users = new ArrayList<>();
        while (r.next()) {
          users.add(user(r));
        }
        return users;
      }
    });
  }

  static User user(ResultSet r) throws SQLException {
    return User.restore(UserName.trusted(r.getString("name")), Role.valueOf(r.getString("role")),
        new DuoUsername(r.getString("duo_username")), Columns.instant(r, "created_at"), r.getBoolean("disabled"));
  }

  @Override
  public long count() {
    return db.run("count users", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM users");
           ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    });
  }
}
