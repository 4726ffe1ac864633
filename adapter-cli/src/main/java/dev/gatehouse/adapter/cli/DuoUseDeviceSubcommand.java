package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.ChooseDuoDeviceResult;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse duo use-device WORKSPACE DEVICE --method M [--passcode CODE]}: the seed's "Use
 * this device" and "Save": the choice becomes active once this first authentication is approved.
 */
@Command(name = "use-device", description = "Choose a device and method, then authenticate once to activate them.")
final class DuoUseDeviceSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  @Parameters(index = "1", paramLabel = "DEVICE", description = "The device id, as 'duo devices' lists it.")
  String device;

  @Option(names = "--method", paramLabel = "push|sms|phone|passcode", required = true,
      description = "How Duo asks you: push, sms, phone or passcode.")
  String method;

  @Mixin
  PasscodeOption passcode;

  DuoUseDeviceSubcommand(CliContext context) {
    super(context);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    DeviceSelection selection = new DeviceSelection(CliArguments.parse("DEVICE", device, DeviceId::new),
        CliArguments.parse("--method", method, DuoMethod::parse));
    Optional<Passcode> given = passcode.read();
    CliSelection shown = CliSelection.from(selection);
    ChooseDuoDeviceResult result = context.gatehouse().chooseDuoDevice()
        .choose(new ChooseDuoDeviceCommand(actor, name, selection, ClientContext.UNKNOWN));
    if (result instanceof ChooseDuoDeviceResult.Denied denied) {
      if (output.isJson()) {
        output.json(CliDeviceVerification.denied(name.value(), shown, denied.denial()));
      }
      return CliExitCodes.forChoice(result);
    }
    ChooseDuoDeviceResult.Verifying verifying = (ChooseDuoDeviceResult.Verifying) result;
    output.line("Verifying " + selection.device() + " with " + selection.method().wireName()
        + " for workspace " + name + "...");
    ChallengeProgress.Ending ending = new ChallengeProgress(context, output, actor)
        .follow(verifying.challenge(), given);
    if (ending instanceof ChallengeProgress.Finished finished) {
      boolean approved = finished.challenge().state() == ChallengeState.APPROVED;
      if (output.isJson()) {
        output.json(CliDeviceVerification.ended(approved ? "activated" : "denied", name.value(), shown,
            finished.challenge()));
      } else if (approved) {
        output.line(output.style().green("Device " + selection.device() + " (" + selection.method().wireName()
            + ") is now active") + " for workspace " + name + ".");
      }
    }
    return CliExitCodes.forEnding(ending);
  }
}
