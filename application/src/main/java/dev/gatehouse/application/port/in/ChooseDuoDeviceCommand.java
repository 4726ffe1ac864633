package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.common.Require;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;

/** Choose a device and method for a workspace; a first authentication with it activates the choice. */
public record ChooseDuoDeviceCommand(UserName actor, WorkspaceName workspace, DeviceSelection selection, ClientContext client) {
  public ChooseDuoDeviceCommand {
    Require.notNull("actor", actor);
    Require.notNull("workspace", workspace);
    Require.notNull("selection", selection);
    Require.notNull("client", client);
  }
}
