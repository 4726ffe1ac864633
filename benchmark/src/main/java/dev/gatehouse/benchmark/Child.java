package dev.gatehouse.benchmark;

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
 * A child process of the benchmark (the simulator, a serve node): its standard output and error
 * merged into a log file, the first lines kept to wait for a ready line, stopped with SIGTERM and,
 * after a grace period, SIGKILL.
 */
final class Child implements AutoCloseable {
  private static final int KEPT_LINES = 500;

  final String name;
  private final Process process;
  private final Path log;
  private final List<String> first = new ArrayList<>();
  private Thread reader;

  private Child(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static Child start(String name, List<String> command, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
    Child child = new Child(name, builder.start(), log);
    child.reader = new Thread(child::pump, name + "-output");
    child.reader.setDaemon(true);
    child.reader.start();
    return child;
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        synchronized (first) {
          if (first.size() < KEPT_LINES) {
            first.add(line);
            first.notifyAll();
          }
        }
      }
    } catch (IOException e) {
      // The process went away; its log file says as much as there is.
    }
  }

  /** Waits for an output line matching {@code pattern} and returns the match. */
  Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (first) {
      while (true) {
        for (; seen < first.size(); seen++) {
          Matcher m = pattern.matcher(first.get(seen));
          if (m.find()) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && seen == first.size()) {
          throw new IllegalStateException(name + " did not print /" + pattern + "/ within " + timeout.toSeconds()
              + " s" + (process.isAlive() ? "" : " (it exited with " + exitCode() + ")") + "; see " + log);
        }
        first.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
      }
    }
  }

  private String exitCode() {
    try {
      return String.valueOf(process.exitValue());
    } catch (IllegalThreadStateException e) {
      return "?";
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

  /** Waits for the process to end by itself, and its log to be written whole; returns its exit code. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
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
        System.err.println("[bench] " + name + " ignored SIGTERM for 30 s; killing it");
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
