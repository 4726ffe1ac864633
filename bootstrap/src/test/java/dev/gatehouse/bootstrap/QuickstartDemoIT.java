package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README quickstart's first command, {@code ./gatehouse demo}, run as a newcomer runs it: the
 * launcher at the repository root, in a child process, with a fresh temporary directory for the
 * demo's throwaway data directory.
 *
 * <p>The launcher rebuilds the jar when any source is newer than it; a Maven build must never start
 * inside this build, so when the jar would be stale (sources edited after {@code package}) the
 * test runs {@code java -jar bootstrap/target/gatehouse.jar demo} instead, which is what the
 * launcher execs, and says so on standard output.
 */
class QuickstartDemoIT {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir
  Path tmp;

  @Test
  void theDemoWalksTheSeedsStepsOnACleanDataDirectoryAndExitsZero() throws Exception {
    Path repository = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath()
        .getParent();
    Path launcher = repository.resolve("gatehouse");
    Path jar = repository.resolve("bootstrap/target/gatehouse.jar");
    assertThat(launcher).isExecutable();
    assertThat(jar).as("the packaged executable (mvn verify packages it before the integration tests)").exists();
    Path demoTmp = Files.createDirectories(tmp.resolve("java-tmp"));

    List<String> command = new ArrayList<>();
    List<String> newer = sourcesNewerThan(jar, repository);
    if (newer.isEmpty()) {
      command.add(launcher.toString());
    } else {
      System.out.println("QuickstartDemoIT: " + newer.get(0) + " is newer than gatehouse.jar, so ./gatehouse"
          + " would rebuild it; running 'java -jar bootstrap/target/gatehouse.jar demo' (what it execs) instead");
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    }
    command.add("demo");
    ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(tmp.resolve("stdout.txt").toFile())
        .redirectError(tmp.resolve("stderr.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
    // The demo's throwaway data directory goes into an empty directory of this test; the PostgreSQL
    // binaries stay in their usual cache so that they are not unpacked again.
    builder.environment().put("GATEHOUSE_JAVA_OPTS", "-Djava.io.tmpdir=" + demoTmp
        + " -Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));

    Process demo = builder.start();
    boolean finished = demo.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      demo.destroyForcibly();
    }
    String out = Files.readString(tmp.resolve("stdout.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);

    assertThat(finished).as("demo finished within %d s; stdout: %s", TIMEOUT_SECONDS, out).isTrue();
    assertThat(demo.exitValue()).as("exit code; stderr: %s; stdout: %s", err, out).isZero();
    assertThat(err).as("stderr (no build, no warnings)").isEmpty();
    List<String> steps = out.lines().filter(line -> !line.startsWith(" ")).map(line -> line.split("\\s{2,}")[0])
        .toList();
    assertThat(steps).containsExactly("Steps 1-3", "Step 4", "Step 5", "Steps 6-7", "Step 8", "Step 9", "Step 10",
        "Step 11", "Step 12", "Open 1", "Step 11", "Step 12", "Open 2", "Done: Duo is asked every time the workspace is opened.");
    assertThat(out).contains("Check: Duo accepted the settings").contains("Use this device: ")
        .contains("Method: Duo Push").contains("Save: the first authentication was approved")
        .contains("Method changed to Send SMS").contains("the first one is typed");
    assertThat(out.lines().filter(line -> line.strip().startsWith("Approved ("))).hasSize(2);
    try (Stream<Path> left = Files.list(demoTmp)) {
      assertThat(left.map(Path::getFileName).map(Path::toString))
          .as("the demo deletes its throwaway data directory").noneMatch(name -> name.startsWith("gatehouse-demo-"));
    }
  }

  /** What the launcher's staleness check finds: sources, poms or main resources newer than the jar. */
  private static List<String> sourcesNewerThan(Path jar, Path repository) throws IOException {
    FileTime built = Files.getLastModifiedTime(jar);
    List<String> newer = new ArrayList<>();
    Files.walkFileTree(repository, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        String name = dir.getFileName().toString();
        return name.equals("target") || dir.equals(repository.resolve(".git"))
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String name = file.getFileName().toString();
        String relative = repository.relativize(file).toString();
        boolean source = name.endsWith(".java") || name.equals("pom.xml") || relative.contains("src/main/resources/");
        if (source && attributes.lastModifiedTime().compareTo(built) > 0) {
          newer.add(relative);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return newer;
  }
}
