package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.Require;
import java.time.Instant;
import java.util.Objects;

/** A person who administers or opens workspaces. */
public final class User {
  private final UserName name;
  private final Role role;
  private final DuoUsername duoUsername;
  private final Instant createdAt;
  private final boolean disabled;

  private User(UserName name, Role role, DuoUsername duoUsername, Instant createdAt, boolean disabled) {
    this.name = Require.notNull("name", name);
    this.role = Require.notNull("role", role);
    this.duoUsername = Require.notNull("duoUsername", duoUsername);
    this.createdAt = Require.notNull("createdAt", createdAt);
    this.disabled = disabled;
  }

  /** A new user; without an explicit Duo username Duo knows them by their Gatehouse name. */
  public static User create(UserName name, Role role, DuoUsername duoUsername, Instant now) {
    return new User(name, role, duoUsername == null ? DuoUsername.of(name) : duoUsername, now, false);
  }

  public static User restore(UserName name, Role role, DuoUsername duoUsername, Instant createdAt) {
    return new User(name, role, duoUsername, createdAt, false);
  }

  public static User restore(UserName name, Role role, DuoUsername duoUsername, Instant createdAt,
      boolean disabled) {
    return new User(name, role, duoUsername, createdAt, disabled);
  }

  /** The same user, disabled: no token or session of theirs is accepted. */
  public User disable() {
    return new User(name, role, duoUsername, createdAt, true);
  }

  /** The same user, enabled again (their old tokens and sessions stay revoked). */
  public User enable() {
    return new User(name, role, duoUsername, createdAt, false);
  }

  public boolean isDisabled() {
    return disabled;
  }

  public UserName name() {
    return name;
  }

  public Role role() {
    return role;
  }

  public boolean isAdministrator() {
    return role == Role.ADMINISTRATOR;
  }

  public DuoUsername duoUsername() {
    return duoUsername;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User other && name.equals(other.name) && role == other.role
        && duoUsername.equals(other.duoUsername) && createdAt.equals(other.createdAt)
        && disabled == other.disabled;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, role, duoUsername, createdAt);
  }

  @Override
  public String toString() {
    return "User[" + name + ", " + role + (disabled ? ", disabled" : "") + "]";
  }
}
