package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.ApiToken;
import java.util.List;

/** API tokens by id, owner, scopes and times, newest first; never their values. */
public interface ListApiTokensUseCase {
  List<ApiToken> list(ListApiTokensQuery query);
}
