package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DuoMethod;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a user stands with one workspace: enabled or not, a member or not, and the abuse rules
 * recorded against them there. The one place that decides whether they may get in, or start a
 * challenge, right now.
 */
public record MemberStanding(boolean enabled, boolean member, Optional<AccessGuard> guard) {
  public MemberStanding {
    Require.notNull("guard", guard);
  }

  /**
   * What stops the user now, if anything: a disabled user, a non-member, a suspension, a passcode
   * lockout, and, when {@code sending} names a method that sends to the device, the cooldown after a
   * denied or cancelled request.
   */
  public Optional<Restriction> restrictionAt(Instant now, Optional<DuoMethod> sending) {
    if (!enabled) {
      return Optional.of(new Restriction(Restriction.Kind.USER_DISABLED, Optional.empty()));
    }
    if (!member) {
      return Optional.of(new Restriction(Restriction.Kind.NOT_MEMBER, Optional.empty()));
    }
    return guard.flatMap(g -> sending.isPresent() ? g.restrictionAt(now, sending.get()) : g.restrictionAt(now));
  }
}
