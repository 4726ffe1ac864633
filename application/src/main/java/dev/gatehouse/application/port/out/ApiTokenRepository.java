package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import java.util.Optional;

/** Stores API tokens by hash only. Methods throw {@link StorageException} when storage fails. */
public interface ApiTokenRepository {
  void add(ApiToken token);

  Optional<ApiToken> find(TokenHash hash);
}
