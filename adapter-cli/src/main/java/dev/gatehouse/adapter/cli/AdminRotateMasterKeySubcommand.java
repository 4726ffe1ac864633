package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.MasterKeyRotated;
import dev.gatehouse.application.port.in.RotateMasterKeyCommand;
import dev.gatehouse.application.port.in.RotateMasterKeyUseCase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code gatehouse admin rotate-master-key}: re-wraps every workspace data key under a new master key, in one transaction. */
@Command(name = "rotate-master-key", description = "Re-wrap every workspace data key under a new master key, "
    + "in one transaction (administrators); entries are not touched.")
final class AdminRotateMasterKeySubcommand extends UseCaseSubcommand {
  private final Supplier<RotateMasterKeyUseCase> rotateMasterKey;

  AdminRotateMasterKeySubcommand(CliContext context) {
    super(context);
    this.rotateMasterKey = context.useCase(RotateMasterKeyUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    MasterKeyRotated rotated = rotateMasterKey.get().rotate(new RotateMasterKeyCommand(context.actor()));
    if (output.isJson()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("previousKeyId", rotated.previousKeyId());
      json.put("currentKeyId", rotated.currentKeyId());
      json.put("rewrapped", rotated.rewrapped());
      output.json(json);
    } else {
      output.line("Rotated the master key from " + rotated.previousKeyId() + " to " + rotated.currentKeyId()
          + "; " + rotated.rewrapped() + (rotated.rewrapped() == 1 ? " data key" : " data keys") + " re-wrapped.");
    }
    return CliExitCodes.Exit.done();
  }
}
