package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceCommand;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceResult;
import dev.gatehouse.application.port.in.challenge.ChooseDuoDeviceUseCase;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse duo use-device WORKSPACE [DEVICE] --method M [--passcode-stdin | --passcode CODE]}: the seed's "Use
 * this device" and "Save": the choice becomes active once this first authentication is approved.
 * Without DEVICE, the only device that can do the method is used.
 */
@Command(name = "use-device", description = {
        "Choose a device and method for WORKSPACE, then authenticate once (Duo asks you) to activate them.",
        "See your devices and what they can do first with: gatehouse duo devices WORKSPACE"},
    footerHeading = "%nExample:%n", footer = "  gatehouse duo use-device servers --method push")
final class DuoUseDeviceSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DEVICE",
      description = "The device id, as 'duo devices' lists it; leave it out when only one of your devices "
          + "can do the method.")
  String device;

  @Option(names = "--method", paramLabel = "push|sms|phone|passcode", required = true,
      description = "How Duo asks you: push, sms, phone or passcode.")
  String method;

  @Mixin
  PasscodeOption passcode;

  private final Supplier<ChooseDuoDeviceUseCase> chooseDuoDevice;

  DuoUseDeviceSubcommand(CliContext context) {
    super(context);
    this.chooseDuoDevice = context.useCase(ChooseDuoDeviceUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    Optional<DeviceId> named = Optional.ofNullable(device)
        .map(text -> CliArguments.parse("DEVICE", text, DeviceId::new));
    DuoMethod chosenMethod = CliArguments.parse("--method", method, DuoMethod::parse);
    Optional<Passcode> given = passcode.read(context);
    ChooseDuoDeviceResult result = chooseDuoDevice.get()
        .choose(new ChooseDuoDeviceCommand(actor, name, named, chosenMethod, ClientContext.UNKNOWN));
    if (result instanceof ChooseDuoDeviceResult.Denied denied) {
      if (output.isJson()) {
        output.json(CliDeviceVerification.denied(name.value(),
            new CliSelection(named.map(DeviceId::value).orElse(null), chosenMethod.wireName()), denied.denial()));
      }
      return CliExitCodes.forChoice(result);
    }
    ChooseDuoDeviceResult.Verifying verifying = (ChooseDuoDeviceResult.Verifying) result;
    // Duo may have picked the device (the only one that can do the method): show the one in use.
    DeviceSelection selection = verifying.challenge().selection();
    CliSelection shown = CliSelection.from(selection);
    if (named.isEmpty()) {
      output.line("Using " + selection.device() + ", your only Duo device that can do "
          + selection.method().wireName() + ".");
    }
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
