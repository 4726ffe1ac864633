package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.TokenId;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.user.UserName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores API tokens by hash only, with their life cycle. Methods throw {@link StorageException} when storage fails. */
public interface ApiTokenRepository {
  void add(ApiToken token);

  /**
   * The token with this hash (compared in constant time), active or not, with its owner as stored
   * now: authenticating a request is one look-up.
   */
  Optional<OwnedToken> find(TokenHash hash);

  /** A token and the user it belongs to. */
  record OwnedToken(ApiToken token, User owner) {}

  Optional<ApiToken> find(TokenId id);

  /** Tokens, of one owner when given, newest first. */
  List<ApiToken> list(Optional<UserName> owner);

  /** Records a use; returns whether the token exists. */
  boolean touch(TokenId id, Instant usedAt);

  /** Revokes the token if it is not revoked yet; returns whether it was revoked now. */
  boolean revoke(TokenId id, Instant at);

  /** Revokes every unrevoked token of the owner; returns how many. */
  int revokeAllOf(UserName owner, Instant at);
}
