package dev.gatehouse.domain.user;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A stored API token: its public id, whose it is, the hash of its value, its scopes, when it was
 * issued, when it expires (if ever), when it was last used and whether it was revoked.
 */
public record ApiToken(TokenId id, TokenHash hash, UserName owner, Set<TokenScope> scopes,
    Instant issuedAt, Optional<Instant> expiresAt, Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt) {
  /** Last-used times are kept to this precision, so a busy token is not written on every request. */
  public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  public ApiToken {
    Require.notNull("id", id);
    Require.notNull("hash", hash);
    Require.notNull("owner", owner);
    Require.notNull("scopes", scopes);
    scopes = scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    Require.notNull("issuedAt", issuedAt);
    Require.notNull("expiresAt", expiresAt);
    Require.notNull("lastUsedAt", lastUsedAt);
    Require.notNull("revokedAt", revokedAt);
    if (expiresAt.filter(e -> !e.isAfter(issuedAt)).isPresent()) {
      throw new InvalidValueException("expiresAt", "must be after issuedAt");
    }
  }

  /** A token just issued: never used, not revoked. */
  public static ApiToken issue(TokenId id, TokenHash hash, UserName owner, Set<TokenScope> scopes,
      Instant issuedAt, Optional<Instant> expiresAt) {
    return new ApiToken(id, hash, owner, scopes, issuedAt, expiresAt, Optional.empty(), Optional.empty());
  }

  /** Neither revoked nor expired at the given time. */
  public boolean isActiveAt(Instant now) {
    return revokedAt.isEmpty() && expiresAt.filter(e -> !now.isBefore(e)).isEmpty();
  }

  /** Whether a use at this time should be recorded: at most once per {@link #LAST_USED_PRECISION}. */
  public boolean lastUseIsStaleAt(Instant now) {
    return lastUsedAt.filter(last -> now.isBefore(last.plus(LAST_USED_PRECISION))).isEmpty();
  }

  public boolean hasScope(TokenScope scope) {
    return scopes.contains(scope);
  }
}
