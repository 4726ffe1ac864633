package dev.gatehouse.domain.mfa;

import dev.gatehouse.domain.common.IllegalTransitionException;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's device and method for one workspace. A new selection stays pending until a first
 * challenge with it is approved; until then the previously active selection (if any) stays in use.
 */
public final class DeviceChoice {
  private final WorkspaceId workspace;
  private final UserName user;
  private final DeviceSelection active;
  private final DeviceSelection pending;
  private final Instant updatedAt;

  private DeviceChoice(WorkspaceId workspace, UserName user, DeviceSelection active,
      DeviceSelection pending, Instant updatedAt) {
    this.workspace = Require.notNull("workspace", workspace);
    this.user = Require.notNull("user", user);
    this.active = active;
    this.pending = pending;
    this.updatedAt = Require.notNull("updatedAt", updatedAt);
  }

  /** A first choice: pending, nothing active yet. */
  public static DeviceChoice create(WorkspaceId workspace, UserName user, DeviceSelection selection,
      Instant now) {
    return new DeviceChoice(workspace, user, null, Require.notNull("selection", selection), now);
  }

  public static DeviceChoice restore(WorkspaceId workspace, UserName user,
      Optional<DeviceSelection> active, Optional<DeviceSelection> pending, Instant updatedAt) {
    if (active.isEmpty() && pending.isEmpty()) {
      throw new InvalidValueException(
          "deviceChoice", "must hold an active or a pending selection");
    }
    return new DeviceChoice(workspace, user, active.orElse(null), pending.orElse(null), updatedAt);
  }

  /** Replaces any pending selection; the active one stays until the new one is verified. */
  public DeviceChoice choose(DeviceSelection selection, Instant now) {
    return new DeviceChoice(workspace, user, active, Require.notNull("selection", selection), now);
  }

  /** The pending selection was approved by Duo: it becomes the active one. */
  public DeviceChoice activate(DeviceSelection verified, Instant now) {
    if (!verified.equals(pending)) {
      throw new IllegalTransitionException("DeviceChoice", "pending " + pending,
          "activate a selection that is not the pending one");
    }
    return new DeviceChoice(workspace, user, pending, null, now);
  }

  public WorkspaceId workspace() {
    return workspace;
  }

  public UserName user() {
    return user;
  }

  public Optional<DeviceSelection> active() {
    return Optional.ofNullable(active);
  }

  public Optional<DeviceSelection> pending() {
    return Optional.ofNullable(pending);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeviceChoice other && workspace.equals(other.workspace)
        && user.equals(other.user) && Objects.equals(active, other.active)
        && Objects.equals(pending, other.pending) && updatedAt.equals(other.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workspace, user, active, pending);
  }

  @Override
  public String toString() {
    return "DeviceChoice[" + user + "@" + workspace + ", active=" + active + ", pending=" + pending + "]";
  }
}
