package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.AccessDeniedException;
import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.session.CloseSessionCommand;
import dev.gatehouse.application.port.in.session.CloseSessionUseCase;
import dev.gatehouse.application.port.in.session.SessionCredentials;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse close WORKSPACE}: closes (locks) the session {@code open} cached, at once on
 * every node, and forgets it.
 */
@Command(name = "close", description = "Close (lock) the workspace session cached by 'open' and forget it.")
final class CloseSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace to close.")
  String workspace;

  private final Supplier<CloseSessionUseCase> closeSession;

  CloseSubcommand(CliContext context) {
    super(context);
    this.closeSession = context.useCase(CloseSessionUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    WorkspaceName name = CliArguments.parse("WORKSPACE", workspace, WorkspaceName::new);
    Optional<CliSessionCache.Cached> cached = context.sessions().find(actor, name);
    boolean closed = false;
    if (cached.isPresent()) {
      try {
        closed = closeSession.get()
            .close(new CloseSessionCommand(new SessionCredentials(actor, name, cached.get().token())));
      } catch (AccessDeniedException | NotFoundException e) {
        // No longer a member, disabled, or the workspace is gone: the session is dead either way.
        context.sessions().forget(actor, name);
        throw e;
      }
      // A storage failure above keeps the token, so that closing can be tried again.
      context.sessions().forget(actor, name);
    }
    if (output.isJson()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("workspace", name.value());
      json.put("closed", closed);
      output.json(json);
    } else if (closed) {
      output.line("Workspace " + name + " is closed; the next entry command asks Duo again.");
    } else if (cached.isPresent()) {
      output.line("Workspace " + name + " was already closed (its session had ended); forgot it here.");
    } else {
      output.line("No session of workspace " + name + " is cached here; nothing to close.");
    }
    return CliExitCodes.Exit.done();
  }
}
