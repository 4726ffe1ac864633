package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.ListApiTokensQuery;
import dev.gatehouse.application.port.in.ListApiTokensUseCase;
import dev.gatehouse.domain.user.ApiToken;
import dev.gatehouse.domain.user.UserName;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token list [NAME]}: ids, owners, scopes and times, never the tokens. */
@Command(name = "list", description = "List API tokens (administrators: anyone's or NAME's; others: their own); never the tokens.")
final class TokenListSubcommand extends UseCaseSubcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this user's tokens.")
  String name;

  private final Supplier<ListApiTokensUseCase> listApiTokens;

  TokenListSubcommand(CliContext context) {
    super(context);
    this.listApiTokens = context.useCase(ListApiTokensUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    Optional<UserName> owner = Optional.ofNullable(name).map(text -> CliArguments.parse("NAME", text, UserName::new));
    List<ApiToken> tokens = listApiTokens.get().list(new ListApiTokensQuery(actor, owner));
    if (output.isJson()) {
      output.json(tokens.stream().map(CliApiToken::from).toList());
    } else if (tokens.isEmpty()) {
      output.line("No API tokens.");
    } else {
      output.table(List.of("ID", "USER", "SCOPES", "CREATED", "EXPIRES", "LAST USED", "REVOKED"),
          tokens.stream().map(CliApiToken::from).map(t -> List.of(t.id(), t.user(),
              t.scopes().isEmpty() ? "-" : String.join(",", t.scopes()), t.createdAt(),
              dash(t.expiresAt(), "never"), dash(t.lastUsedAt(), "never"), dash(t.revokedAt(), "-"))).toList());
    }
    return CliExitCodes.Exit.done();
  }

  private static String dash(String value, String absent) {
    return value == null ? absent : value;
  }
}
