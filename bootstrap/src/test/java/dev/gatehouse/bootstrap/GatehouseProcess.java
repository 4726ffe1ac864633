package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged {@code gatehouse.jar} as a child process, its environment without any
 * {@code GATEHOUSE_*} variable, its standard output and error collected line by line.
 */
final class GatehouseProcess {
  private GatehouseProcess() {}

  static Process start(List<String> out, List<String> err, String... args) throws IOException {
    Path jar = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "gatehouse.jar");
    assertThat(jar).as("the packaged executable (mvn verify packages it before the integration tests)").exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
    Process process = builder.start();
    collect(process.getInputStream(), out);
    collect(process.getErrorStream(), err);
    return process;
  }

  private static void collect(InputStream stream, List<String> lines) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "serve-output");
    reader.setDaemon(true);
    reader.start();
  }
}
