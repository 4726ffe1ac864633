package dev.gatehouse.adapter.cli;

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
    },
    footer = "%nThe Duo secret key is read from --secret-key-file FILE, from the environment variable named by "
        + "--secret-key-env VAR (default GATEHOUSE_DUO_SECRET_KEY), or asked for without echo; never from an argument. "
        + "Entry secrets likewise: --password-file, --password-env, --private-key-file or --password-prompt.%n"
        + "Sessions opened by 'open' are cached in $XDG_STATE_HOME/gatehouse/sessions (default ~/.local/state/gatehouse/sessions).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done, or access granted",
        "1:access denied (Duo said no, enrollment needed, no active device, cooldown, lockout, suspension, not allowed)",
        "2:invalid usage or input",
        "3:Duo or configuration problem (credentials, Duo unreachable under failmode secure, no Duo configured)",
        "4:storage problem",
        "130:interrupted (Ctrl-C; a pending Duo request is cancelled)"
    })
final class RootSubcommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return GroupSubcommands.missingSubcommand(spec);
  }
}
