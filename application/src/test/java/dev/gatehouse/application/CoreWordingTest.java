package dev.gatehouse.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core stores Duo's own status messages and the gateway's reports, never a sentence of its own:
 * how Gatehouse ended a challenge is an {@code EndCode}, worded by each face.
 */
class CoreWordingTest {
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern WORDED = Pattern.compile("StatusMessage\\.of\\(\\s*\"");

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

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
