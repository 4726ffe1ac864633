package dev.gatehouse.application.port.in.challenge;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;

/**
 * Choose a device and method for a workspace; a first authentication with it activates the choice.
 * Without a device, the one device Duo lists that can do the method is chosen; with several, the
 * member must name one.
 */
public record ChooseDuoDeviceCommand(UserName actor, WorkspaceName workspace, Optional<DeviceId> device,
    DuoMethod method, ClientContext client) {
  public ChooseDuoDeviceCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("device", device);
    Require.notNull("method", method);
    Require.notNull("client", client);
  }

  /** Choose this device and method. */
  public ChooseDuoDeviceCommand(UserName actor, WorkspaceName workspace, DeviceSelection selection,
      ClientContext client) {
    this(actor, workspace, Optional.of(Require.notNull("selection", selection).device()), selection.method(), client);
  }
}
