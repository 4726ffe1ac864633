package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.session.ListSessionsQuery;
import dev.gatehouse.application.port.in.session.ListSessionsUseCase;
import dev.gatehouse.application.port.in.session.SessionSummary;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse session list WORKSPACE}: live sessions, newest first (administrators). */
@Command(name = "list", description = "List the live sessions of WORKSPACE, newest first (administrators).")
final class SessionListSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  private final Supplier<ListSessionsUseCase> listSessions;

  SessionListSubcommand(CliContext context) {
    super(context);
    this.listSessions = context.useCase(ListSessionsUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    List<SessionSummary> sessions = listSessions.get().list(new ListSessionsQuery(context.actor(), name));
    if (output.isJson()) {
      output.json(sessions.stream().map(CliSession::from).toList());
    } else if (sessions.isEmpty()) {
      output.line("No live sessions in workspace " + name + ".");
    } else {
      output.table(List.of("ID", "USER", "KIND", "CREATED", "EXPIRES"), sessions.stream().map(CliSession::from)
          .map(s -> List.of(s.id(), s.user(), s.kind(), s.createdAt(), s.expiresAt())).toList());
    }
    return CliExitCodes.Exit.done();
  }
}
