package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.Role;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Users in the {@code users} table. */
final class JdbcUserRepository implements UserRepository {
  private final JdbcTransactions db;

  JdbcUserRepository(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public void add(User user) {
    db.guarded("add user " + user.name(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO users (name, role, duo_username, created_at) VALUES (?, ?, ?, ?)")) {
        s.setString(1, user.name().value());
        s.setString(2, user.role().name());
        s.setString(3, user.duoUsername().value());
        Columns.setInstant(s, 4, user.createdAt());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Optional<User> find(UserName name) {
    return db.run("find user " + name, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT name, role, duo_username, created_at FROM users WHERE name = ?")) {
        s.setString(1, name.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          return Optional.of(User.restore(new UserName(r.getString("name")), Role.valueOf(r.getString("role")),
              new DuoUsername(r.getString("duo_username")), Columns.instant(r, "created_at")));
        }
      }
    });
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
