package dev.gatehouse.adapter.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gatehouse}: the root of the command tree; the executable adds serve, duo-simulator and demo. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    versionProvider = CliVersionProvider.class, sortOptions = false,
    description = "Multifactor authentication (Duo) in front of shared workspaces.",
    subcommands = {
        UserSubcommand.class,
        TokenSubcommand.class,
        WorkspaceSubcommand.class,
        DuoSubcommand.class,
        OpenSubcommand.class,
        CloseSubcommand.class,
        EntrySubcommand.class,
        SessionSubcommand.class,
        AuditSubcommand.class,
        MfaSubcommand.class,
        SuspensionSubcommand.class,
        AdminSubcommand.class
    })
// Exit codes and notes are set on the root alone (CommandTree): written here, scope INHERIT would
// repeat them in every subcommand's help.
final class RootSubcommand implements Callable<Integer> {
  /** Documented once, in {@code gatehouse --help}; subcommands point to it. */
  static final Map<String, String> EXIT_CODES = exitCodes();

  static final String[] FOOTER = {
      "%nThe Duo secret key is read from --secret-key-file FILE, from the environment variable named by "
          + "--secret-key-env VAR (default GATEHOUSE_DUO_SECRET_KEY), or asked for without echo; never from an argument. "
          + "Entry secrets likewise: --password-file, --password-env, --private-key-file or --password-prompt.",
      "Sessions opened by 'open' are cached in $XDG_STATE_HOME/gatehouse/sessions (default ~/.local/state/gatehouse/sessions).",
      "Passcodes are asked for without echo on a terminal; in scripts pipe one in with --passcode-stdin.",
      "%nRun 'gatehouse COMMAND --help' for a command's arguments and an example."};

  /** The line every subcommand's help ends with. */
  static final String GLOBAL_OPTIONS_POINTER =
      "%nGlobal options (--user, --data-dir, --database-url, --duo-ca-file) and exit codes: gatehouse --help";

  @Mixin
  GlobalOptions global;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("0", "done, or access granted");
    codes.put("1", "access denied (Duo said no, enrollment needed, no active device, cooldown, lockout, "
        + "suspension, not allowed)");
    codes.put("2", "invalid usage or input");
    codes.put("3", "Duo or configuration problem (credentials, Duo unreachable under failmode secure, "
        + "no Duo configured), or anything unexpected");
    codes.put("4", "storage problem");
    codes.put("130", "interrupted (Ctrl-C; a pending Duo request is cancelled)");
    return Collections.unmodifiableMap(codes);
  }
}
