package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.challenge.DeviceListResult;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesQuery;
import dev.gatehouse.application.port.in.challenge.ListDuoDevicesUseCase;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse duo devices WORKSPACE}: the seed's device list, with the current choice. */
@Command(name = "devices", description = "List your Duo devices and what they can do (or Duo's enroll, bypass or deny).",
    footerHeading = "%nExample:%n", footer = "  gatehouse duo devices servers")
final class DuoDevicesSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace you want to open.")
  String workspace;

  private final Supplier<ListDuoDevicesUseCase> listDuoDevices;

  DuoDevicesSubcommand(CliContext context) {
    super(context);
    this.listDuoDevices = context.useCase(ListDuoDevicesUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    DeviceListResult result = listDuoDevices.get()
        .list(new ListDuoDevicesQuery(actor, name, ClientContext.UNKNOWN));
    if (output.isJson()) {
      output.json(CliDeviceList.from(name.value(), result));
    } else if (result instanceof DeviceListResult.Devices devices) {
      show(output, name, devices);
    } else if (result instanceof DeviceListResult.Bypass bypass) {
      output.line("Duo lets you in without a second factor: " + bypass.message());
    }
    return CliExitCodes.forDevices(result);
  }

  private static void show(CliOutput output, WorkspaceName name, DeviceListResult.Devices devices) {
    if (!devices.message().isEmpty()) {
      output.line("Duo: " + devices.message());
    }
    if (devices.devices().isEmpty()) {
      output.line("Duo lists no devices for you.");
      return;
    }
    output.table(List.of("DEVICE", "TYPE", "NAME", "METHODS", "CHOICE"), devices.devices().stream()
        .map(device -> List.of(device.id().value(), device.type(), device.displayName(), methods(device),
            choice(device, devices.active(), devices.pending())))
        .toList());
    devices.suggested().ifPresent(only -> output.line("Only one device: " + only
        + ". Choose it with: gatehouse duo use-device " + name + " " + only + " --method push|sms|phone|passcode"));
  }

  private static String methods(DuoDevice device) {
    String methods = Arrays.stream(DuoMethod.values()).filter(device::supports).map(DuoMethod::wireName)
        .collect(Collectors.joining(", "));
    return methods.isEmpty() ? "-" : methods;
  }

  private static String choice(DuoDevice device, Optional<DeviceSelection> active, Optional<DeviceSelection> pending) {
    List<String> marks = new ArrayList<>();
    active.filter(s -> s.device().equals(device.id())).ifPresent(s -> marks.add("active (" + s.method().wireName() + ")"));
    pending.filter(s -> s.device().equals(device.id())).ifPresent(s -> marks.add("pending (" + s.method().wireName() + ")"));
    return marks.isEmpty() ? "" : String.join(", ", marks);
  }
}
