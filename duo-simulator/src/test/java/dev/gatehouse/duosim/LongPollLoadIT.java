package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 pending asynchronous transactions, each with a parked auth_status long poll on its own
 * connection, cost the simulator no thread each: its thread count stays at its small fixed pool.
 *
 * <p>The load runs over plain HTTP: parking is the same code for HTTP and HTTPS (AuthApiIT parks over
 * HTTPS), but the JDK HttpsServer performs each TLS handshake blocking on a worker thread, so a burst of
 * 10,000 simultaneous handshakes on two cores takes minutes; that would measure TLS, not parking.
 *
 * <p>Waits follow progress, not a clock: a busy 2-core machine may need minutes to get 10,000 polls
 * parked, so each wait goes on while the counts move (the client's answers and sends, the simulator's
 * parked requests) and fails once nothing has moved for {@link #STALL}, or the whole run exceeds
 * {@link #OVERALL}. An idle machine runs it in about 15 s.
 */
class LongPollLoadIT {

  static final int COUNT = Integer.getInteger("duosim.load.count", 10_000);
  /** How long no count may move before the run counts as stuck. */
  static final Duration STALL = Duration.ofSeconds(Long.getLong("duosim.load.stallSeconds", 30));
  /** The bound on the whole run, however steadily it progresses. */
  static final Duration OVERALL = Duration.ofMinutes(Long.getLong("duosim.load.maxMinutes", 10));

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  /** The client's latest {@code PROGRESS} figure: answers received plus long polls sent. */
  private final AtomicLong clientProgress = new AtomicLong();
  private long runDeadline;
  private Process child;
  private Thread reader;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void holdsTenThousandParkedLongPollsOnAFixedPool() throws Exception {
    Scenario scenario = Scenario.builder()
        .user(Scenario.User.active("load", Scenario.Device.phone("DPLOAD00000000000001", "", "", "auto", "push")
            .withPush(Scenario.Reaction.waitForControl())))
        .pushTimeoutSeconds(0)
        .build();
    try (DuoSimulator sim = DuoSimulator.builder(scenario).plainHttp(true).workerThreads(4).start()) {
      runDeadline = System.nanoTime() + OVERALL.toNanos();
      child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), LoadClient.class.getName(),
          sim.baseUri().toString(), sim.integrationKey(), sim.secretKey(), "-", "load",
          Integer.toString(COUNT))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.startsWith("PROGRESS ")) {
              clientProgress.set(Long.parseLong(line.substring("PROGRESS ".length())));
            } else {
              lines.add(line);
            }
          }
        } catch (Exception e) {
          lines.add("ERROR " + e);
        }
      });
      reader.setDaemon(true);
      reader.start();
      try {
        // Asynchronous pushes, their first (answered) polls, then one long poll each: all sent.
        assertThat(awaitLine("the client sending " + COUNT + " pushes and polls", clientProgress::get))
            .isEqualTo("SENT " + COUNT);
        await("the simulator parking " + COUNT + " long polls", () -> sim.control().parkedRequests() >= COUNT,
            () -> sim.control().parkedRequests() + clientProgress.get());

        assertThat(sim.control().pendingTransactions()).isEqualTo(COUNT);
        assertThat(sim.control().parkedRequests()).isEqualTo(COUNT);
        assertThat(simulatorThreads()).hasSizeLessThanOrEqualTo(5);
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThan(100);

        assertThat(sim.control().approveAll()).isEqualTo(COUNT);
        assertThat(awaitLine("the client receiving " + COUNT + " approvals",
            () -> clientProgress.get() - sim.control().parkedRequests()))
            .isEqualTo("DONE allow=" + COUNT + " other=0");
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
      }
    }
  }

  /** The client's next result line, waiting as long as {@code progress} moves. */
  private String awaitLine(String what, LongSupplier progress) throws InterruptedException {
    String[] line = new String[1];
    await(what, () -> (line[0] = lines.poll()) != null, progress);
    return line[0];
  }

  /** Waits until {@code done}, failing when {@code progress} stalls, the run is over time or the client died. */
  private void await(String what, Check done, LongSupplier progress) throws InterruptedException {
    long last = progress.getAsLong();
    long lastMove = System.nanoTime();
    while (!done.holds()) {
      long now = System.nanoTime();
      long current = progress.getAsLong();
      if (current != last) {
        last = current;
        lastMove = now;
      }
      if (!reader.isAlive() && lines.isEmpty()) {
        fail("%s: the load client's output ended (%s) at progress %d", what,
            child.isAlive() ? "still running" : "exit value " + child.exitValue(), current);
      }
      if (now - lastMove > STALL.toNanos()) {
        fail("%s: no progress for %d s (stuck at %d; client progress %d)", what, STALL.toSeconds(), current,
            clientProgress.get());
      }
      if (now > runDeadline) {
        fail("%s: the run took longer than %d min although still progressing (at %d)", what, OVERALL.toMinutes(),
            current);
      }
      Thread.sleep(100);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws InterruptedException;
  }

  private static List<String> simulatorThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(DuoSimulator.THREAD_PREFIX)) {
        names.add(t.getName());
      }
    }
    return names;
  }
}
