package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the Duo secret key comes from: a file, an environment variable, or a prompt without
 * echo; never a plain argument, and never printed, not even in error messages.
 */
final class SecretKeyOptions {
  static final String DEFAULT_VARIABLE = "GATEHOUSE_DUO_SECRET_KEY";

  @Option(names = "--secret-key-file", paramLabel = "FILE",
      description = "Read the Duo secret key from this file.")
  Path file;

  @Option(names = "--secret-key-env", paramLabel = "VAR",
      description = "Read the Duo secret key from this environment variable (default GATEHOUSE_DUO_SECRET_KEY).")
  String variable;

  DuoSecretKey read(CliContext context) {
    if (file != null) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | SecurityException e) {
        // The path is not repeated: someone who typed the key itself here must not see it echoed.
        throw new CliInputException("cannot read the file named by --secret-key-file: " + whyUnreadable(file, e));
      }
      return parse("the file named by --secret-key-file", text);
    }
    String name = variable == null ? DEFAULT_VARIABLE : variable;
    Optional<String> fromEnvironment = GlobalOptions.variable(context.config().environment(), name);
    if (fromEnvironment.isPresent()) {
      return parse(variable == null ? "the environment variable " + DEFAULT_VARIABLE
          : "the environment variable named by --secret-key-env", fromEnvironment.get());
    }
    if (variable != null) {
      throw new CliInputException(
          "the environment variable named by --secret-key-env is not set (the name is not repeated, in case it was the key)");
    }
    return context.askSecret("Duo secret key (not shown): ")
        .map(typed -> parse("the secret key typed", typed))
        .orElseThrow(() -> new CliInputException("missing Duo secret key: use --secret-key-file FILE, set "
            + DEFAULT_VARIABLE + ", or type it when asked on a terminal"));
  }

  /** Why the file cannot be read, in plain words (never the path, never an exception class). */
  static String whyUnreadable(Path file, Exception failure) {
    try {
      if (Files.isDirectory(file)) {
        return "it is a directory";
      }
      if (!Files.exists(file)) {
        return "no such file";
      }
      if (!Files.isReadable(file)) {
        return "permission denied";
      }
    } catch (SecurityException e) {
      return "permission denied";
    }
    if (failure instanceof AccessDeniedException || failure instanceof SecurityException) {
      return "permission denied";
    }
    if (failure instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    return "it is unreadable";
  }

  private static DuoSecretKey parse(String source, String text) {
    try {
      return new DuoSecretKey(text);
    } catch (InvalidValueException e) {
      throw new CliInputException(source + " is not a Duo secret key: it " + e.reason());
    }
  }
}
