package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ConfigureDuoCommand;
import dev.gatehouse.application.port.in.ConfigureDuoResult;
import dev.gatehouse.application.port.in.ConfigureDuoUseCase;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.Failmode;
import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse duo configure WORKSPACE --api-hostname H --integration-key K [secret] [--failmode M]}. */
@Command(name = "configure", description = "Check Duo settings, then save them for WORKSPACE (administrators).",
    footerHeading = "%nExample:%n",
    footer = "  gatehouse duo configure servers --api-hostname api-xxxxxxxx.duosecurity.com"
        + " --integration-key DIXXXXXXXXXXXXXXXXXX --secret-key-file duo.key")
final class DuoConfigureSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace to protect with Duo.")
  String workspace;

  @Mixin
  DuoSettingsOptions settings;

  @Option(names = "--failmode", paramLabel = "secure|safe", defaultValue = "secure",
      description = "When Duo cannot be reached: secure denies, safe grants (audited). Default: ${DEFAULT-VALUE}.")
  String failmode;

  private final Supplier<ConfigureDuoUseCase> configureDuo;

  DuoConfigureSubcommand(CliContext context) {
    super(context);
    this.configureDuo = context.useCase(ConfigureDuoUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    Failmode mode = CliArguments.parse("--failmode", failmode, Failmode::parse);
    DuoSettings duo = settings.read(context);
    ConfigureDuoResult result = configureDuo.get()
        .configure(new ConfigureDuoCommand(actor, name, duo, mode, MfaOptions.DEFAULTS));
    if (output.isJson()) {
      output.json(CliDuoCheck.from(name.value(), result));
    } else if (result instanceof ConfigureDuoResult.Configured) {
      output.line(output.style().green("Duo checked and saved") + " for workspace " + name + " ("
          + duo.apiHostname() + ", failmode " + mode.wireName() + "). Members now choose a device: "
          + "gatehouse duo devices " + name);
    }
    return CliExitCodes.forConfigure(result);
  }
}
