package dev.gatehouse.duosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A trivial signed request on an idle loopback connection is answered in about a millisecond, not
 * in the ~44 ms that Nagle's algorithm plus the client's delayed ACK used to add to every answer
 * (the JDK server flushes headers and body separately; see {@link DuoSimulator}'s TCP_NODELAY).
 */
class ResponseLatencyIT {

  private static final int REQUESTS = 50;

  @Test
  void sequentialRequestsOnOneKeptAliveConnectionDoNotWaitForDelayedAcks() {
    try (DuoSimulator sim = DuoSimulator.start(Scenario.defaultScenario())) {
      assertThat(System.getProperty(DuoSimulator.NODELAY_PROPERTY)).isEqualTo("true");
      DuoTestClient client = new DuoTestClient(sim);
      for (int i = 0; i < 10; i++) {
        assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
      }
      long[] micros = new long[REQUESTS];
      long started = System.nanoTime();
      for (int i = 0; i < REQUESTS; i++) {
        long t = System.nanoTime();
        assertThat(client.get("/auth/v2/check").status()).isEqualTo(200);
        micros[i] = (System.nanoTime() - t) / 1_000;
      }
      long totalMillis = (System.nanoTime() - started) / 1_000_000;
      Arrays.sort(micros);
      System.err.printf("[timing] %d sequential signed GET /auth/v2/check over HTTPS: %d ms, p50 %.2f ms,"
          + " p90 %.2f ms%n", REQUESTS, totalMillis, micros[REQUESTS / 2] / 1000.0, micros[REQUESTS * 9 / 10] / 1000.0);
      // A delayed ACK costs at least 40 ms on Linux; a busy 2-core machine stays well below 25 ms.
      assertThat(micros[REQUESTS / 2]).as("median microseconds per request").isLessThan(25_000);
    }
  }
}
