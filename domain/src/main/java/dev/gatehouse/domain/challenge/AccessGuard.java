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
 * The abuse rules for one member of one workspace: the cooldown after a denied or cancelled push,
 * call or SMS, the suspension after a fraud report (until an administrator clears it), and the
 * temporary lock after too many wrong passcodes in a sliding window. Passcodes are counted in the
 * window as soon as they are reserved for verification, so concurrent guesses cannot outrun it.
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
    Optional<Restriction> always = restrictionAt(now);
    if (always.isPresent() || !method.sendsToDevice() || cooldownUntil == null || !now.isBefore(cooldownUntil)) {
      return always;
    }
    return Optional.of(new Restriction(Restriction.Kind.COOLDOWN, Optional.of(cooldownUntil)));
  }

  /**
   * The rule (if any) that stops this member from getting in at all now: a suspension or a passcode
   * lockout (a cooldown only stops sending to the device).
   */
  public Optional<Restriction> restrictionAt(Instant now) {
    if (suspendedAt != null) {
      return Optional.of(new Restriction(Restriction.Kind.SUSPENDED, Optional.empty()));
    }
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return Optional.of(new Restriction(Restriction.Kind.LOCKED_OUT, Optional.of(lockedUntil)));
    }
    return Optional.empty();
  }

  /** A push, call or SMS was denied or cancelled: the next one waits for the cooldown. */
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
    return reservePasscodeAttempt(now).afterReservedPasscodeWasWrong(now);
  }

  /**
   * Counts a passcode before Duo verifies it. When the window is already full (every counted
   * passcode still being verified or wrong), the member is locked out instead and nothing more is
   * counted; callers check {@link #isLockedOut} and send nothing to Duo then.
   */
  public AccessGuard reservePasscodeAttempt(Instant now) {
    List<Instant> recent = recent(now);
    if (recent.size() >= MAX_WRONG_PASSCODES_PER_WINDOW) {
      return lockedOutFrom(now);
    }
    recent.add(now);
    return new AccessGuard(workspace, user, suspendedAt, cooldownUntil, lockedUntil, recent);
  }

  /** A reserved passcode was wrong: it stays counted, and a full window locks the member out. */
  public AccessGuard afterReservedPasscodeWasWrong(Instant now) {
    List<Instant> recent = recent(now);
    return recent.size() >= MAX_WRONG_PASSCODES_PER_WINDOW ? lockedOutFrom(now)
        : new AccessGuard(workspace, user, suspendedAt, cooldownUntil, lockedUntil, recent);
  }

  /** Locked for {@link #LOCKOUT} from now; the counted passcodes are spent. */
  private AccessGuard lockedOutFrom(Instant now) {
    return new AccessGuard(workspace, user, suspendedAt, cooldownUntil, now.plus(LOCKOUT), List.of());
  }

  /** Duo accepted the passcode reserved at {@code reservedAt}: it no longer counts. */
  public AccessGuard releasePasscodeAttempt(Instant reservedAt) {
    List<Instant> remaining = new ArrayList<>(wrongPasscodes);
    remaining.remove(Require.notNull("reservedAt", reservedAt));
    return new AccessGuard(workspace, user, suspendedAt, cooldownUntil, lockedUntil, remaining);
  }

  private List<Instant> recent(Instant now) {
    List<Instant> recent = new ArrayList<>();
    for (Instant at : wrongPasscodes) {
      if (at.isAfter(now.minus(PASSCODE_WINDOW))) {
        recent.add(at);
      }
    }
    return recent;
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

  /** The passcodes counted in the window: wrong ones, and reserved ones Duo is still verifying. */
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
