package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 10,000 pending asynchronous transactions, each with a parked auth_status long poll on its own
 * connection, cost the simulator no thread each: its thread count stays at its small fixed pool.
 *
 * <p>The load runs over plain HTTP: parking is the same code for HTTP and HTTPS (AuthApiIT parks over
 * HTTPS), but the JDK HttpsServer performs each TLS handshake blocking on a worker thread, so a burst of
 * 10,000 simultaneous handshakes on two cores takes minutes; that would measure TLS, not parking.
 */
class LongPollLoadIT {

  static final int COUNT = Integer.getInteger("duosim.load.count", 10_000);

  @Test
  void holdsTenThousandParkedLongPollsOnAFixedPool() throws Exception {
    Scenario scenario = Scenario.builder()
        .user(Scenario.User.active("load", Scenario.Device.phone("DPLOAD00000000000001", "", "", "auto", "push")
            .withPush(Scenario.Reaction.waitForControl())))
        .pushTimeoutSeconds(0)
        .build();
    try (DuoSimulator sim = DuoSimulator.builder(scenario).plainHttp(true).workerThreads(4).start()) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), LoadClient.class.getName(),
          sim.baseUri().toString(), sim.integrationKey(), sim.secretKey(), "-", "load",
          Integer.toString(COUNT))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(line);
          }
        } catch (Exception e) {
          lines.add("ERROR " + e);
        }
      });
      reader.setDaemon(true);
      reader.start();
      try {
        assertThat(lines.poll(90, TimeUnit.SECONDS)).isEqualTo("SENT " + COUNT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (sim.control().parkedRequests() < COUNT && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(sim.control().pendingTransactions()).isEqualTo(COUNT);
        assertThat(sim.control().parkedRequests()).isEqualTo(COUNT);
        assertThat(simulatorThreads()).hasSizeLessThanOrEqualTo(5);
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThan(100);

        assertThat(sim.control().approveAll()).isEqualTo(COUNT);
        assertThat(lines.poll(90, TimeUnit.SECONDS)).isEqualTo("DONE allow=" + COUNT + " other=0");
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
      }
    }
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
