package dev.gatehouse.adapter.cli;

import dev.gatehouse.application.port.in.IssueApiTokenCommand;
import dev.gatehouse.application.port.in.IssueApiTokenUseCase;
import dev.gatehouse.application.port.in.IssuedApiToken;
import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.user.TokenScope;
import dev.gatehouse.domain.user.UserName;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse token issue NAME [--expires-in DURATION] [--scope introspect]}: prints the new
 * token alone on standard output, so that scripts can capture it, and its id on standard error.
 */
@Command(name = "issue", description = "Print a new API token for NAME; it is shown this once "
    + "(its id, for 'token list' and 'token revoke', goes to standard error).",
    footerHeading = "%nExample:%n", footer = "  gatehouse token issue bob --expires-in 30d")
final class TokenIssueSubcommand extends UseCaseSubcommand {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([mhd])");

  @Parameters(index = "0", paramLabel = "NAME", description = "Whose token it is.")
  String name;

  @Option(names = "--expires-in", paramLabel = "DURATION",
      description = "Expire after this long: minutes, hours or days such as 90m, 8h, 30d (1m to 366d; default: never).")
  String expiresIn;

  @Option(names = "--scope", paramLabel = "introspect",
      description = "An extra right (administrators only): introspect, for gateways asking whether a session is live.")
  List<String> scopes;

  private final Supplier<IssueApiTokenUseCase> issueApiToken;

  TokenIssueSubcommand(CliContext context) {
    super(context);
    this.issueApiToken = context.useCase(IssueApiTokenUseCase.class);
  }

  @Override
  protected CliExitCodes.Exit execute(CliOutput output) {
    UserName actor = context.actor();
    UserName owner = CliArguments.parse("NAME", name, UserName::new);
    Optional<Duration> lifetime = Optional.ofNullable(expiresIn).map(TokenIssueSubcommand::duration);
    Set<TokenScope> scopeSet = scopes();
    IssueApiTokenCommand command;
    try {
      command = new IssueApiTokenCommand(actor, owner, lifetime, scopeSet);
    } catch (InvalidValueException e) {
      throw new CliInputException("--expires-in must be between 1m and 366d");
    }
    IssuedApiToken issued = issueApiToken.get().issue(command);
    if (output.isJson()) {
      output.json(CliToken.from(issued));
    } else {
      output.line(issued.token().reveal());
      context.config().err().println("gatehouse: issued token " + issued.id() + " for " + issued.owner()
          + issued.expiresAt().map(at -> ", expires " + at).orElse(", never expires")
          + (issued.scopes().isEmpty() ? "" : ", scopes " + CliToken.scopes(issued.scopes()))
          + "; the token is shown only this once");
    }
    return CliExitCodes.Exit.done();
  }

  /** 90m, 8h, 30d. */
  static Duration duration(String text) {
    Matcher matcher = DURATION.matcher(text.strip());
    if (!matcher.matches()) {
      throw new CliInputException("--expires-in must be a number of minutes, hours or days, such as 90m, 8h or 30d");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private Set<TokenScope> scopes() {
    Set<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
    for (String scope : scopes == null ? List.<String>of() : scopes) {
      try {
        parsed.add(TokenScope.fromWireName(scope.strip()));
      } catch (IllegalArgumentException e) {
        throw new CliInputException("--scope " + e.getMessage());
      }
    }
    return parsed;
  }
}
