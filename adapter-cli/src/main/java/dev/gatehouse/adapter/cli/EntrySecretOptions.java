package dev.gatehouse.adapter.cli;

import dev.gatehouse.domain.common.InvalidValueException;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where an entry's secret comes from, like the Duo secret key: a file, an environment variable or
 * a prompt without echo; never a plain argument ({@code --password VALUE} is refused, the value
 * never repeated), never printed, and never read beyond what a secret may hold.
 */
final class EntrySecretOptions {
  static final String HINT = "use --password-file FILE, --password-env VAR, --private-key-file FILE or --password-prompt";

  @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file (one line).")
  Path passwordFile;

  @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
  String passwordVariable;

  @Option(names = "--password-prompt", description = "Ask for the password without echo (one line of standard input without a terminal).")
  boolean passwordPrompt;

  @Option(names = "--private-key-file", paramLabel = "FILE", description = "Read an SSH private key (at most 16 KiB) from this file.")
  Path privateKeyFile;

  /** Accepted only to be refused: a secret on the command line ends up in shell histories and process lists. */
  @Option(names = {"--password", "--private-key"}, paramLabel = "VALUE", hidden = true)
  String onTheCommandLine;

  /** Whether any source of a secret was named. */
  boolean given() {
    return passwordFile != null || passwordVariable != null || passwordPrompt || privateKeyFile != null
        || onTheCommandLine != null;
  }

  /** The secret from the one source named, if any. */
  Optional<EntrySecret> read(CliContext context) {
    if (onTheCommandLine != null) {
      throw new CliInputException("a secret is never taken as an argument (the value is not repeated here): " + HINT);
    }
    List<String> sources = new ArrayList<>();
    if (passwordFile != null) {
      sources.add("--password-file");
    }
    if (passwordVariable != null) {
      sources.add("--password-env");
    }
    if (passwordPrompt) {
      sources.add("--password-prompt");
    }
    if (privateKeyFile != null) {
      sources.add("--private-key-file");
    }
    if (sources.size() > 1) {
      throw new CliInputException("give one secret at most, not " + String.join(" and ", sources));
    }
    if (passwordFile != null) {
      String text = readFile(passwordFile, "--password-file", SecretKind.PASSWORD.maxLength() + 2);
      return Optional.of(parse("the file named by --password-file", SecretKind.PASSWORD, withoutLineEnd(text)));
    }
    if (passwordVariable != null) {
      String value = context.config().environment().get(passwordVariable);
      if (value == null || value.isEmpty()) {
        throw new CliInputException("the environment variable named by --password-env is not set "
            + "(the name is not repeated, in case it was the password)");
      }
      return Optional.of(parse("the environment variable named by --password-env", SecretKind.PASSWORD, value));
    }
    if (passwordPrompt) {
      String typed = context.askSecret("Password (not shown): ")
          .orElseThrow(() -> new CliInputException("no password given"));
      return Optional.of(parse("the password typed", SecretKind.PASSWORD, typed));
    }
    if (privateKeyFile != null) {
      String text = readFile(privateKeyFile, "--private-key-file", SecretKind.PRIVATE_KEY.maxLength());
      return Optional.of(parse("the file named by --private-key-file", SecretKind.PRIVATE_KEY, text));
    }
    return Optional.empty();
  }

  /**
   * Reads at most {@code maxBytes} (and one more, to notice a bigger file): a secret file is never
   * read into memory whole. The path is never repeated, in case the secret itself was typed there.
   */
  static String readFile(Path file, String option, int maxBytes) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException | SecurityException e) {
      throw new CliInputException("cannot read the file named by " + option + ": "
          + SecretKeyOptions.whyUnreadable(file, e));
    }
    if (bytes.length > maxBytes) {
      throw new CliInputException("the file named by " + option + " is too big: a secret is at most "
          + maxBytes / 1024 + " KiB");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CliInputException("cannot read the file named by " + option + ": it is not UTF-8 text");
    }
  }

  /** A password file usually ends with a line break, which is not part of the password. */
  private static String withoutLineEnd(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static EntrySecret parse(String source, SecretKind kind, String value) {
    try {
      return EntrySecret.of(kind, value);
    } catch (InvalidValueException e) {
      throw new CliInputException(source + " is not a usable " + (kind == SecretKind.PASSWORD ? "password" : "private key")
          + ": it " + e.reason());
    }
  }
}
