package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.util.Optional;

/**
 * Stores users. Methods throw {@link StorageException} when storage fails.
 */
public interface UserRepository {
  /** Stores a new user; throws {@link DuplicateEntryException} when the name is taken. */
  void add(User user);

  Optional<User> find(UserName name);

  long count();
}
