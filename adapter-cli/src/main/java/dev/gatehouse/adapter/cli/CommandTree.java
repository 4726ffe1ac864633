package dev.gatehouse.adapter.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** Assembles the picocli command tree for one run: subcommands, extensions, streams and error handling. */
final class CommandTree {
  private static final Pattern SECRET_SHAPE = Pattern.compile("\\s*[A-Za-z0-9]{40}\\s*");
  /** An unknown option that looks like it carries a secret ({@code --pass=...}, {@code --secret}, {@code --key}). */
  private static final Pattern SECRET_OPTION = Pattern.compile(
      "--?(pass|passwd|password|pwd|secret|private-?key|key|token)([=:].*)?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private CommandTree() {}

  static CommandLine build(CliContext context) {
    IFactory factory = new SubcommandFactory(context);
    CommandLine root = new CommandLine(RootSubcommand.class, factory);
    for (CliExtension extension : context.config().extensions()) {
      root.addSubcommand(extension.name(), new CommandLine(extensionSpec(context, extension), factory));
    }
    // After the extensions: a converter or setting registered on the root reaches the subcommands it has now.
    root.registerConverter(Path.class, CommandTree::path);
    // A user may be named like a command: --user admin acts as the user admin.
    root.setAllowSubcommandsAsOptionParameters(true);
    root.setOut(new PrintWriter(context.config().out(), true, StandardCharsets.UTF_8));
    root.setErr(new PrintWriter(context.config().err(), true, StandardCharsets.UTF_8));
    root.setColorScheme(Help.defaultColorScheme(context.colour() ? Help.Ansi.ON : Help.Ansi.OFF));
    root.setParameterExceptionHandler((failure, args) -> fail(context, failure, failure.getCommandLine()));
    root.setExecutionExceptionHandler((failure, commandLine, parsed) -> fail(context, failure, commandLine));
    root.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(RootSubcommand.EXIT_CODES).footer(RootSubcommand.FOOTER);
    root.getSubcommands().values().forEach(CommandTree::pointToGlobalOptions);
    return root;
  }

  /**
   * A subcommand's help shows its own arguments and example: the global options it inherits
   * (still accepted after the subcommand) and {@code --version} are hidden, and a last line points to {@code gatehouse
   * --help}, which explains them and the exit codes once.
   */
  private static void pointToGlobalOptions(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    for (OptionSpec option : List.copyOf(spec.options())) {
      if ((option.inherited() || option.versionHelp()) && !option.usageHelp() && !option.hidden()) {
        spec.remove(option);
        // Local: the subcommands below have their own copy, which they hide in turn.
        spec.addOption(option.toBuilder().hidden(true).scopeType(ScopeType.LOCAL).build());
      }
    }
    List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
    footer.add(RootSubcommand.GLOBAL_OPTIONS_POINTER);
    spec.usageMessage().footer(footer.toArray(String[]::new));
    command.getSubcommands().values().forEach(CommandTree::pointToGlobalOptions);
  }

  /**
   * Every path option ({@code --data-dir}, {@code --duo-ca-file}, {@code --secret-key-file}): an
   * empty value would silently mean the current directory, so it is invalid usage.
   */
  static Path path(String value) {
    if (value == null || value.isBlank()) {
      throw new CommandLine.TypeConversionException("must not be empty");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException("is not a valid path (" + e.getReason() + ")");
    }
  }

  /** One line on standard error, never a stack trace; the usage hint names the command's help. */
  private static int fail(CliContext context, Exception failure, CommandLine commandLine) {
    CliExitCodes.Exit exit = CliExitCodes.forException(redacted(failure));
    String hint = failure instanceof CommandLine.ParameterException
        ? " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')" : "";
    exit.message().ifPresent(message -> context.config().err().println("gatehouse: " + message + hint));
    return exit.value();
  }

  /**
   * picocli repeats unmatched arguments in its message; one shaped like a Duo secret key (someone
   * followed the "[secret]" of the syntax literally), or following an unknown option that names a
   * secret ({@code --pass VALUE}), is never repeated.
   */
  private static Exception redacted(Exception failure) {
    if (failure instanceof UnmatchedArgumentException unmatched
        && unmatched.getUnmatched().stream().anyMatch(arg -> SECRET_SHAPE.matcher(arg).matches())) {
      return new CliInputException("unexpected argument (not repeated here); the Duo secret key is never "
          + "taken as an argument: use --secret-key-file FILE, --secret-key-env VAR or the prompt");
    }
    if (failure instanceof UnmatchedArgumentException unmatched
        && unmatched.getUnmatched().stream().anyMatch(arg -> SECRET_OPTION.matcher(arg).matches())) {
      return new CliInputException("unknown option (not repeated here, nor its value); a secret is never taken "
          + "as an argument: " + EntrySecretOptions.HINT);
    }
    return failure;
  }

  private static CommandSpec extensionSpec(CliContext context, CliExtension extension) {
    Map<String, OptionSpec> options = new LinkedHashMap<>();
    Callable<Integer> call = () -> {
      Map<String, String> given = new LinkedHashMap<>();
      options.forEach((name, spec) -> {
        Object value = spec.getValue();
        if (value instanceof Boolean flag) {
          if (flag) {
            given.put(name, "true");
          }
        } else if (value != null) {
          given.put(name, value.toString());
        }
      });
      return extension.action().run(new CliExtension.Invocation(given, context.runtime(),
          context.config().out(), context.config().err(), context.config().environment()));
    };
    CommandSpec spec = CommandSpec.wrapWithoutInspection(call);
    spec.name(extension.name());
    spec.usageMessage().description(extension.description());
    extension.example().ifPresent(example -> spec.usageMessage().footerHeading("%nExample:%n")
        .footer("  " + example));
    for (CliExtension.Option option : extension.options()) {
      OptionSpec.Builder builder = OptionSpec.builder(option.name()).description(option.description());
      OptionSpec built = option.paramLabel().isPresent()
          ? builder.type(String.class).arity("1").paramLabel(option.paramLabel().get()).build()
          : builder.type(boolean.class).arity("0").build();
      spec.addOption(built);
      options.put(option.name(), built);
    }
    return spec;
  }

  /** Gives every subcommand the run's context; everything else picocli builds itself. */
  private static final class SubcommandFactory implements IFactory {
    private final CliContext context;
    private final IFactory fallback = CommandLine.defaultFactory();

    SubcommandFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == GlobalOptions.class) {
        return type.cast(context.global());
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
          return type.cast(constructor.newInstance(context));
        }
      }
      return fallback.create(type);
    }
  }
}
