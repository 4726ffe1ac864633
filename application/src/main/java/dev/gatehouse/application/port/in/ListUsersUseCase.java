package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.User;
import java.util.List;

/** Every user, sorted by name. */
public interface ListUsersUseCase {
  List<User> list(ListUsersQuery query);
}
