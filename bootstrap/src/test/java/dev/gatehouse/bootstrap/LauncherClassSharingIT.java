package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive ({@code ./gatehouse}, issue 15's CLI start-up): the
 * repository's launcher script and the packaged jar copied into a directory of their own (so the
 * launcher finds no sources to rebuild from and writes its archive there, not into this build's
 * {@code target}), run as a user runs it, in child processes on this JDK.
 */
class LauncherClassSharingIT {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir
  Path tmp;

  private Path launcher;
  private Path jar;
  private Path archive;
  private Path data;

  @BeforeEach
  void copyTheLauncherAndTheJar() throws IOException {
    Path repository = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath()
        .getParent();
    Path root = Files.createDirectories(tmp.resolve("checkout"));
    launcher = Files.copy(repository.resolve("gatehouse"), root.resolve("gatehouse"));
    jar = Files.copy(repository.resolve("bootstrap/target/gatehouse.jar"),
        Files.createDirectories(root.resolve("bootstrap/target")).resolve("gatehouse.jar"));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    archive = root.resolve("bootstrap/target/gatehouse.jsa");
    data = tmp.resolve("data");
  }

  @Test
  void theFirstCommandWritesTheArchiveQuietlyAndTheNextOneLoadsGatehouseFromIt() throws Exception {
    Run version = run(List.of(), "--version");
    assertThat(version.out()).startsWith("gatehouse ");
    assertThat(archive).as("--version loads too little to be worth an archive").doesNotExist();

    Run first = run(List.of(), "--user=admin", "user", "add", "admin");
    assertThat(first.out()).contains("Added user admin");
    assertThat(first.err()).as("no notes of the JVM about the archive").isEmpty();
    assertThat(archive).exists();
    assertThat(validHeader()).isTrue();

    Path classes = tmp.resolve("classes.log");
    Run second = run(List.of("-Xlog:class+load=info:file=" + classes), "--user=admin", "user", "add", "bob");
    assertThat(second.out()).contains("Added user bob");
    assertThat(second.err()).isEmpty();
    assertThat(Files.readAllLines(classes)).as("Gatehouse's own classes come from the archive")
        .anyMatch(line -> line.contains(" dev.gatehouse.adapter.cli.GatehouseCli source: shared objects file (top)"));
  }

  @Test
  void anArchiveWithoutItsHeaderOrOlderThanTheJarIsWrittenAgain() throws Exception {
    run(List.of(), "--user=admin", "user", "add", "admin");
    assertThat(validHeader()).isTrue();

    // What a writer killed before its header leaves behind: the regions, a header of zeros.
    Files.delete(archive);
    Files.write(archive, new byte[64 * 1024]);
    Run afterBroken = run(List.of(), "--user=admin", "user", "add", "bob");
    assertThat(afterBroken.out()).contains("Added user bob");
    assertThat(afterBroken.err()).isEmpty();
    assertThat(validHeader()).as("written again by the next command").isTrue();

    // A build after the archive was written: the archive names the old jar, so the next command
    // writes a new one.
    Files.setLastModifiedTime(archive, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(30)));
    Run afterBuild = run(List.of(), "--user=admin", "user", "add", "carol");
    assertThat(afterBuild.out()).contains("Added user carol");
    assertThat(afterBuild.err()).isEmpty();
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
  }

  private boolean validHeader() throws IOException {
    byte[] head = Files.readAllBytes(archive);
    // The dynamic archive's magic number, 0xf00baba8, in the file's (little-endian) byte order.
    return head.length > 4 && (head[0] & 0xff) == 0xa8 && (head[1] & 0xff) == 0xab && (head[2] & 0xff) == 0x0b
        && (head[3] & 0xff) == 0xf0;
  }

  private record Run(String out, String err) { }

  private Run run(List<String> javaOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString(), "--data-dir", data.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
    List<String> options = new ArrayList<>(javaOptions);
    // The PostgreSQL binaries stay in their usual cache so that they are not unpacked again.
    options.add("-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
    builder.environment().put("GATEHOUSE_JAVA_OPTS", String.join(" ", options));
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
    Process process = builder.start();
    boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    assertThat(finished).as("%s finished within %d s", command, TIMEOUT_SECONDS).isTrue();
    assertThat(process.exitValue()).as("exit code of %s; %s", command, run).isZero();
    return run;
  }
}
