package dev.gatehouse.domain.challenge;

import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The abuse rules for one member of one workspace: the cooldown after a denied push or call, the
 * suspension after a fraud report (until an administrator clears it), and the temporary lock after
 * too many wrong passcodes in a sliding window.
 */
public final class AccessGuard {
  /** Wrong passcodes a member may type in one workspace within {@link #PASSCODE_WINDOW}. */
  public static final int MAX_WRONG_PASSCODES_PER_WINDOW = 10;
  public static final Duration PASSCODE_WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCKOUT = Duration.ofMinutes(15);

  private final WorkspaceId workspace;
  private final UserName user;
  private final Instant suspendedAt;
  private final Instant cooldownUntil;
  private final Instant lockedUntil;
  private final List<Instant> wrongPasscodes;

  private AccessGuard(WorkspaceId workspace, UserName user, Instant suspendedAt,
      Instant cooldownUntil, Instant lockedUntil, List<Instant> wrongPasscodes) {
    this.workspace = Require.notNull("workspace", workspace);
    this.user = Require.notNull("user", user);
    this.suspendedAt = suspendedAt;
    this.cooldownUntil = cooldownUntil;
    this.lockedUntil = lockedUntil;
    this.wrongPasscodes = List.copyOf(Require.notNull("wrongPasscodes", wrongPasscodes));
    Require.inRange("wrongPasscodes", this.wrongPasscodes.size(), 0, MAX_WRONG_PASSCODES_PER_WINDOW);
  }

  /** A member against whom nothing is recorded. */
  public static AccessGuard clear(WorkspaceId workspace, UserName user) {
    return new AccessGuard(workspace, user, null, null, null, List.of());
  }

  public static AccessGuard restore(WorkspaceId workspace, UserName user,
      Optional<Instant> suspendedAt, Optional<Instant> cooldownUntil, Optional<Instant> lockedUntil,
      List<Instant> wrongPasscodes) {
    return new AccessGuard(workspace, user, suspendedAt.orElse(null), cooldownUntil.orElse(null),
        lockedUntil.orElse(null), wrongPasscodes);
  }

  /** The rule (if any) that stops this member from starting a challenge by this method now. */
  public Optional<Restriction> restrictionAt(Instant now, DuoMethod method) {
    if (suspendedAt != null) {
      return Optional.of(new Restriction(Restriction.Kind.SUSPENDED, Optional.empty()));
    }
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return Optional.of(new Restriction(Restriction.Kind.LOCKED_OUT, Optional.of(lockedUntil)));
    }
    if (method.isOutOfBand() && cooldownUntil != null && now.isBefore(cooldownUntil)) {
      return Optional.of(new Restriction(Restriction.Kind.COOLDOWN, Optional.of(cooldownUntil)));
    }
    return Optional.empty();
  }

  /** A push or call was denied: the next one waits for the cooldown. */
  public AccessGuard afterDenial(Instant now, Duration cooldown) {
    return new AccessGuard(workspace, user, suspendedAt, now.plus(cooldown), lockedUntil, wrongPasscodes);
  }

  /** The member reported fraud: access is suspended until an administrator clears it. */
  public AccessGuard afterFraud(Instant now) {
    return new AccessGuard(workspace, user, suspendedAt == null ? now : suspendedAt, cooldownUntil,
        lockedUntil, wrongPasscodes);
  }

  /** A wrong passcode: the tenth within the window locks the member out for {@link #LOCKOUT}. */
  public AccessGuard afterWrongPasscode(Instant now) {
    List<Instant> recent = new ArrayList<>();
    for (Instant at : wrongPasscodes) {
      if (at.isAfter(now.minus(PASSCODE_WINDOW))) {
        recent.add(at);
      }
    }
    recent.add(now);
    if (recent.size() >= MAX_WRONG_PASSCODES_PER_WINDOW) {
      return new AccessGuard(workspace, user, suspendedAt, cooldownUntil, now.plus(LOCKOUT), List.of());
    }
    return new AccessGuard(workspace, user, suspendedAt, cooldownUntil, lockedUntil, recent);
  }

  /** An administrator lifted the fraud suspension. */
  public AccessGuard clearSuspension() {
    return new AccessGuard(workspace, user, null, cooldownUntil, lockedUntil, wrongPasscodes);
  }

  public boolean isSuspended() {
    return suspendedAt != null;
  }

  public boolean isLockedOut(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public UserName user() {
    return user;
  }

  public Optional<Instant> suspendedAt() {
    return Optional.ofNullable(suspendedAt);
  }

  public Optional<Instant> cooldownUntil() {
    return Optional.ofNullable(cooldownUntil);
  }

  public Optional<Instant> lockedUntil() {
    return Optional.ofNullable(lockedUntil);
  }

  public List<Instant> wrongPasscodes() {
    return wrongPasscodes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessGuard other && workspace.equals(other.workspace) && user.equals(other.user)
        && Objects.equals(suspendedAt, other.suspendedAt)
        && Objects.equals(cooldownUntil, other.cooldownUntil)
        && Objects.equals(lockedUntil, other.lockedUntil) && wrongPasscodes.equals(other.wrongPasscodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, user, suspendedAt, cooldownUntil, lockedUntil);
  }

  @Override
  public String toString() {
    return "AccessGuard[" + user + "@" + workspace + (suspendedAt != null ? ", suspended" : "")
        + (lockedUntil != null ? ", locked until " + lockedUntil : "") + "]";
  }
}
