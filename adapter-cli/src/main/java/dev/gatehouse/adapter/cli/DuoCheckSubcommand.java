package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.CheckDuoSettingsCommand;
import dev.gatehouse.application.port.in.CheckDuoSettingsUseCase;
import dev.gatehouse.application.port.in.DuoCheckResult;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.UserName;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatehouse duo check --api-hostname H --integration-key K [secret]}: the seed's Check button. */
@Command(name = "check", description = "Check Duo settings with Duo without saving them (administrators).",
    footerHeading = "%nExample:%n",
    footer = "  gatehouse duo check --api-hostname api-xxxxxxxx.duosecurity.com"
        + " --integration-key DIXXXXXXXXXXXXXXXXXX")
final class DuoCheckSubcommand extends UseCaseSubcommand {
  @Mixin
  DuoSettingsOptions settings;

  private final Supplier<CheckDuoSettingsUseCase> checkDuoSettings;

  DuoCheckSubcommand(CliContext context) {
    super(context);
    this.checkDuoSettings = context.useCase(CheckDuoSettingsUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    DuoSettings duo = settings.read(context);
    DuoCheckResult result = checkDuoSettings.get().check(new CheckDuoSettingsCommand(actor, duo));
    if (output.isJson()) {
      output.json(CliDuoCheck.from(result));
    } else if (result instanceof DuoCheckResult.Passed) {
      output.line(output.style().green("Duo accepted the settings") + " for " + duo.apiHostname()
          + " (integration key " + duo.integrationKey() + "). Nothing was saved.");
    }
    return CliExitCodes.forCheck(result);
  }
}
