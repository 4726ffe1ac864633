package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.readiness.DuoReadinessQuery;
import dev.gatehouse.application.port.in.readiness.DuoReadinessReport;
import dev.gatehouse.application.port.in.readiness.GetDuoReadinessUseCase;
import dev.gatehouse.application.port.in.readiness.MemberReadiness;
import dev.gatehouse.application.port.in.readiness.Verdict;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse duo readiness WORKSPACE [--api-hostname H --integration-key K [secret]]}: what
 * the next open means for every member, asked of Duo by preauth only (nothing is sent to anyone).
 */
@Command(name = "readiness",
    description = "Report every member's Duo readiness without sending anything to anyone (administrators).",
    footerHeading = "%nExamples:%n",
    footer = {"  gatehouse duo readiness servers",
        "  gatehouse duo readiness servers --api-hostname api-xxxxxxxx.duosecurity.com"
            + " --integration-key DIXXXXXXXXXXXXXXXXXX --secret-key-file duo.key"})
final class DuoReadinessSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace whose members to check.")
  String workspace;

  @Option(names = "--api-hostname", paramLabel = "H",
      description = "Check against these settings instead of the saved ones: the API hostname.")
  String apiHostname;

  @Option(names = "--integration-key", paramLabel = "K",
      description = "With --api-hostname: the integration key of the settings to check.")
  String integrationKey;

  @Mixin
  SecretKeyOptions secretKey;

  private final Supplier<GetDuoReadinessUseCase> duoReadiness;

  DuoReadinessSubcommand(CliContext context) {
    super(context);
    this.duoReadiness = context.useCase(GetDuoReadinessUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    Optional<DuoSettings> settings = unsavedSettings();
    DuoReadinessReport report = duoReadiness.get()
        .report(new DuoReadinessQuery(actor, name, settings));
    if (output.isJson()) {
      output.json(CliReadiness.from(report));
    } else {
      show(output, report);
    }
    return CliExitCodes.Exit.done();
  }

  /** The settings to check in place of the saved ones: all of them, or none (the secret is never read then). */
  private Optional<DuoSettings> unsavedSettings() {
    if (apiHostname == null && integrationKey == null) {
      if (secretKey.file != null || secretKey.variable != null) {
        throw new CliInputException("--secret-key-file and --secret-key-env need --api-hostname and"
            + " --integration-key (without them the saved settings are used)");
      }
      return Optional.empty();
    }
    if (apiHostname == null || integrationKey == null) {
      throw new CliInputException("give both --api-hostname and --integration-key to check unsaved settings");
    }
    return Optional.of(DuoSettingsOptions.read(context, apiHostname, integrationKey, secretKey));
  }

  private static void show(CliOutput output, DuoReadinessReport report) {
    output.line("Duo readiness of workspace " + report.workspace() + " ("
        + (report.unsavedSettings() ? "unsaved settings" : "saved settings") + ", checked " + report.checkedAt()
        + "). Nothing was sent to anyone.");
    if (report.members().isEmpty()) {
      output.line("The workspace has no members.");
      return;
    }
    output.table(List.of("MEMBER", "DUO", "DEVICES", "CHOICE", "VERDICT", "REASON"), report.members().stream()
        .map(m -> List.of(m.member().value(), m.preauth().wireName(), devices(m), choice(m),
            m.verdict().wireName().replace('_', ' '), CliText.readiness(m)))
        .toList());
    output.line("");
    line(output, report, Verdict.ASKED, "Will be asked by Duo");
    line(output, report, Verdict.CANNOT_GET_IN, "Cannot get in");
    line(output, report, Verdict.NO_SECOND_FACTOR, "Get in without a second factor");
    line(output, report, Verdict.NOT_CHECKED, "Could not be checked");
  }

  private static void line(CliOutput output, DuoReadinessReport report, Verdict verdict, String label) {
    List<UserName> names = report.with(verdict);
    output.line(label + " (" + names.size() + "): " + (names.isEmpty() ? "nobody"
        : names.stream().map(UserName::value).collect(Collectors.joining(", "))));
  }

  private static String devices(MemberReadiness member) {
    return member.devices().isEmpty() ? "-" : member.devices().size() + "";
  }

  private static String choice(MemberReadiness member) {
    if (member.activeChoice().isEmpty()) {
      return "-";
    }
    String chosen = member.activeChoice().get().device() + " (" + member.activeChoice().get().method().wireName() + ")";
    return member.preauth() == dev.gatehouse.application.port.in.readiness.PreauthAnswer.AUTH
        && !member.choiceStillListed() ? chosen + ", not listed" : chosen;
  }
}
