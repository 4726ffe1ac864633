package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;

/**
 * Stores users. Methods throw {@link StorageException} when storage fails.
 */
public interface UserRepository {
  /** Stores a new user; throws {@link DuplicateEntryException} when the name is taken. */
  void add(User user);

  /**
   * Stores the first user, an administrator, only if no user exists yet: atomically with respect
   * to every other writer, so two concurrent first users cannot both become administrators.
   * Returns whether it was stored (false: a user exists).
   */
  boolean addFirstAdministrator(User administrator);

  Optional<User> find(UserName name);

  /** Replaces a stored user (its disabled flag); the user must exist. */
  void update(User user);

  /** All users, sorted by name. */
  List<User> list();

  long count();
}
