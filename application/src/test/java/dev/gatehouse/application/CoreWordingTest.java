package dev.gatehouse.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core stores Duo's own status messages and the gateway's reports, never a sentence of its own:
 * how Gatehouse ended a challenge is an {@code EndCode}, why a member has their readiness verdict a
 * {@code ReadinessReason}, each worded by the faces.
 */
class CoreWordingTest {
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern WORDED = Pattern.compile("StatusMessage\\.of\\(\\s*\"");
  private static final Pattern READINESS = Pattern.compile("new MemberReadiness\\(");
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  @Test
  void noServiceStoresASentenceOfItsOwnAsAStatusMessage() throws IOException {
    List<String> worded = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
        List<String> lines = read(f);
        for (int i = 0; i < lines.size(); i++) {
          if (WORDED.matcher(lines.get(i)).find()) {
            worded.add(SOURCES.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      });
    }

    assertThat(Files.isDirectory(SOURCES.resolve("dev/gatehouse/application/service"))).as("sources found").isTrue();
    assertThat(worded).isEmpty();
  }

  @Test
  void noServiceBuildsAMemberReadinessWithASentenceOfItsOwn() throws IOException {
    List<String> worded = new ArrayList<>();
    int built = 0;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = String.join("\n", read(f));
        Matcher call = READINESS.matcher(text);
        while (call.find()) {
          built++;
          String arguments = arguments(text, call.end());
          if (LITERAL.matcher(arguments).results().anyMatch(literal -> literal.group().length() > 2)) {
            worded.add(SOURCES.relativize(f) + ": new MemberReadiness(" + arguments.strip() + ")");
          }
        }
      }
    }

    assertThat(built).as("MemberReadiness built somewhere").isPositive();
    assertThat(worded).isEmpty();
  }

  /** The text from just after an opening parenthesis to its closing one. */
  private static String arguments(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return text.substring(from, i);
      }
    }
    return text.substring(from);
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
