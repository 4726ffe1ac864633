package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.ListUsersQuery;
import dev.gatehouse.application.port.in.ListUsersUseCase;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.user.User;
import java.util.List;

/** Lists every user (administrators). */
public final class ListUsersService implements ListUsersUseCase {
  private final UserRepository users;
  private final Access access;

  public ListUsersService(UserRepository users, WorkspaceRepository workspaces) {
    this.users = users;
    this.access = new Access(users, workspaces);
  }

  @Override
  public List<User> list(ListUsersQuery query) {
    access.administrator(query.actor());
    return Transactions.read(users::list);
  }
}
