package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.session.RevokeSessionCommand;
import dev.gatehouse.application.port.in.session.RevokeSessionUseCase;
import dev.gatehouse.domain.session.SessionId;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse session revoke WORKSPACE ID}: at once, on every node (administrators). */
@Command(name = "revoke", description = "Revoke one session of WORKSPACE by its id (administrators).")
final class SessionRevokeSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace.")
  String workspace;

  @Parameters(index = "1", paramLabel = "ID", description = "The session's id, as 'session list' shows it.")
  String id;

  private final Supplier<RevokeSessionUseCase> revokeSession;

  SessionRevokeSubcommand(CliContext context) {
    super(context);
    this.revokeSession = context.useCase(RevokeSessionUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    SessionId session = CliArguments.parse("ID", id, SessionId::new);
    boolean revoked = revokeSession.get().revoke(new RevokeSessionCommand(context.actor(), name, session));
    if (output.isJson()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("workspace", name.value());
      json.put("session", session.value());
      json.put("revoked", revoked);
      output.json(json);
    } else {
      output.line(revoked ? "Revoked session " + session + " of workspace " + name + "."
          : "Session " + session + " of workspace " + name + " had already ended.");
    }
    return CliExitCodes.Exit.done();
  }
}
