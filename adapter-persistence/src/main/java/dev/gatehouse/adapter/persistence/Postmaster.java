package dev.gatehouse.adapter.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the embedded PostgreSQL's {@code postmaster.pid} says: the server's pid, data directory,
 * port and status ({@code ready}, {@code starting}, {@code stopping}; empty in a half-written file).
 */
record Postmaster(long pid, Path dataDirectory, int port, String status) {
  /** The status line a postmaster writes when a shutdown (smart, fast or immediate) begins. */
  static final String STOPPING = "stopping";

  static Path file(Path pg) {
    return pg.resolve("postmaster.pid");
  }

  /** The pid file of the cluster in {@code pg}, if there is one; a half-written one reads as stale. */
  static Optional<Postmaster> read(Path pg) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(pg), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      String status = lines.size() > 7 ? lines.get(7).strip() : "";
      return Optional.of(new Postmaster(Long.parseLong(lines.get(0).strip()), Path.of(lines.get(1).strip()),
          Integer.parseInt(lines.get(3).strip()), status));
    } catch (RuntimeException e) {
      // Half-written by a server that died while starting: treat it as stale.
      return Optional.of(new Postmaster(-1, pg, -1, ""));
    }
  }

  /** Alive, a PostgreSQL, and serving this directory (a recycled pid is none of these). */
  boolean isAlive(Path pg) {
    if (pid <= 0) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    boolean isPostgres = process.get().info().command().map(c -> c.endsWith("postgres")).orElse(true);
    return isPostgres && !isZombie() && sameDirectory(pg);
  }

  /** The directory holding the server's programs ({@code postgres}, {@code pg_ctl}), if the OS tells. */
  Optional<Path> binaries() {
    return ProcessHandle.of(pid).flatMap(process -> process.info().command())
        .filter(command -> command.endsWith("/postgres")).map(command -> Path.of(command).getParent());
  }

  /** Killed but not yet reaped (its parent is gone and nobody reaps, as under some container inits). */
  private boolean isZombie() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      int end = stat.lastIndexOf(')');
      return end > 0 && stat.length() > end + 2 && stat.charAt(end + 2) == 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** Shutting down: a smart shutdown (SIGTERM) refuses new connections until every session has ended. */
  boolean isStopping() {
    return STOPPING.equals(status);
  }

  private boolean sameDirectory(Path pg) {
    try {
      return Files.isSameFile(dataDirectory, pg);
    } catch (IOException e) {
      return false;
    }
  }
}
