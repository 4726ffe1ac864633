package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.RevokeApiTokenCommand;
import dev.gatehouse.application.port.in.RevokeApiTokenUseCase;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.TokenId;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token revoke ID}: at once, on every node; revoking twice changes nothing. */
@Command(name = "revoke", description = "Revoke the API token with this id (administrators, or its owner).")
final class TokenRevokeSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The token's id, as 'token issue' and 'token list' show it.")
  String id;

  private final Supplier<RevokeApiTokenUseCase> revokeApiToken;

  TokenRevokeSubcommand(CliContext context) {
    super(context);
    this.revokeApiToken = context.useCase(RevokeApiTokenUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    TokenId token = CliArguments.parse("ID", id, TokenId::new);
    ApiToken revoked = revokeApiToken.get().revoke(new RevokeApiTokenCommand(context.actor(), token));
    if (output.isJson()) {
      output.json(CliApiToken.from(revoked));
    } else {
      output.line("Revoked token " + revoked.id() + " of " + revoked.owner() + ".");
    }
    return CliExitCodes.Exit.done();
  }
}
