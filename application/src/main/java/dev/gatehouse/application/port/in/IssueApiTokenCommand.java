package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.UserName;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Issue an API token for a user (an administrator, or the user themselves), valid for
 * {@code expiresIn} when given (1 minute to 366 days), with extra scopes (administrators only).
 */
public record IssueApiTokenCommand(UserName actor, UserName owner, Optional<Duration> expiresIn,
    Set<TokenScope> scopes) {
  public IssueApiTokenCommand {
    Require.notNull("actor", actor);
    Require.notNull("owner", owner);
    Require.notNull("expiresIn", expiresIn)
        .ifPresent(d -> Require.inRange("expiresIn", d, Duration.ofMinutes(1), Duration.ofDays(366)));
    scopes = Set.copyOf(Require.notNull("scopes", scopes));
  }

  /** A token that never expires, without extra scopes. */
  public IssueApiTokenCommand(UserName actor, UserName owner) {
    this(actor, owner, Optional.empty(), Set.of());
  }
}
