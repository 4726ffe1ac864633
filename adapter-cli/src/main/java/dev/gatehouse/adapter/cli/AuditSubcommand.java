package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ListAuditEventsQuery;
import dev.gatehouse.application.port.in.ListAuditEventsUseCase;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse audit [WORKSPACE] [--limit N]}: the audit trail, newest first (administrators). */
@Command(name = "audit", description = "Show the audit trail, newest first (administrators).",
    footerHeading = "%nExample:%n", footer = "  gatehouse audit servers --limit 20")
final class AuditSubcommand extends UseCaseSubcommand {
  private static final int MAX_LIMIT = 1000;

  @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", description = "Only this workspace's events.")
  String workspace;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "At most N events, 1 to 1000 (default ${DEFAULT-VALUE}).")
  int limit;

  private final Supplier<ListAuditEventsUseCase> listAuditEvents;

  AuditSubcommand(CliContext context) {
    super(context);
    this.listAuditEvents = context.useCase(ListAuditEventsUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    Optional<WorkspaceName> only = Optional.ofNullable(workspace)
        .map(text -> CliArguments.parse("WORKSPACE", text, WorkspaceName::new));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new CliInputException("--limit must be between 1 and " + MAX_LIMIT);
    }
    List<AuditEvent> events = listAuditEvents.get()
        .list(new ListAuditEventsQuery(actor, only, Optional.empty(), limit));
    if (output.isJson()) {
      output.json(events.stream().map(CliAuditEvent::from).toList());
    } else if (events.isEmpty()) {
      output.line("No audit events.");
    } else {
      output.table(List.of("TIME", "EVENT", "ACTOR", "WORKSPACE", "SUBJECT", "METHOD", "OUTCOME", "DETAIL"),
          events.stream().map(CliAuditEvent::from)
              .map(e -> List.of(e.at(), e.type(), dash(e.actor()), dash(e.workspace()), dash(e.subject()),
                  dash(e.method()), e.outcome(), e.detail()))
              .toList());
    }
    return CliExitCodes.Exit.done();
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }
}
