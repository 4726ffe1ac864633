package dev.gatehouse.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process (the simulator, a {@code serve} node, a CLI command) without any
 * {@code GATEHOUSE_*} variable: its standard output and error merged, every line kept and copied
 * to a log file; stopped with SIGTERM or killed with SIGKILL.
 */
final class Child implements AutoCloseable {
  final String name;
  private final Process process;
  private final Path log;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private Child(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.reader = new Thread(this::pump, name + "-output");
  }

  static Child start(String name, List<String> command, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
    Child child = new Child(name, builder.start(), log);
    child.reader.setDaemon(true);
    child.reader.start();
    return child;
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process went away; its log says as much as there is.
    }
  }

  /** Waits for an output line matching {@code pattern} and returns the match. */
  Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          Matcher m = pattern.matcher(lines.get(seen));
          if (m.find()) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
          throw new IllegalStateException(name + " did not print /" + pattern + "/ within " + timeout.toSeconds()
              + " s" + (process.isAlive() ? "" : " (it exited)") + "; see " + log);
        }
        lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
      }
    }
  }

  /** Every line printed so far. */
  List<String> lines() {
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** Waits for the process to end by itself (and its output to be read); returns its exit code. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /** kill -9: no shutdown hook, nothing handed back. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
