package dev.gatehouse.application.service;

import dev.gatehouse.application.service.common.Access;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.ListApiTokensQuery;
import dev.gatehouse.application.port.in.ListApiTokensUseCase;
import dev.gatehouse.application.port.out.ApiTokenRepository;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.application.port.out.WorkspaceRepository;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;

/** Lists API tokens: administrators see anyone's, users their own. */
public final class ListApiTokensService implements ListApiTokensUseCase {
  private final ApiTokenRepository apiTokens;
  private final Access access;

  public ListApiTokensService(UserRepository users, WorkspaceRepository workspaces, ApiTokenRepository apiTokens) {
    this.apiTokens = apiTokens;
    this.access = new Access(users, workspaces);
  }

  @Override
  public List<ApiToken> list(ListApiTokensQuery query) {
    User actor = access.actor(query.actor());
    Optional<UserName> owner = query.owner();
    if (!actor.isAdministrator()) {
      if (owner.filter(o -> !o.equals(actor.name())).isPresent()) {
        throw new AccessDeniedException(actor.name() + " may list only their own tokens");
      }
      owner = Optional.of(actor.name());
    }
    Optional<UserName> filter = owner;
    return Transactions.read(() -> apiTokens.list(filter));
  }
}
