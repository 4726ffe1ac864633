package dev.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded PostgreSQL stopped for about ten seconds under load (every postmaster that appears
 * is shut down at once, as {@code pg_ctl stop -m fast} would): clients get 503 problem documents
 * with {@code Retry-After}, never a 500; {@code /ready} turns false, then true again; the node
 * recovers without a restart, {@code /ready} within 5 s after the outage, with no ERROR or stack trace
 * in its output; and every write it acknowledged is still there. Sizes:
 * {@code -Dreliability.outageSeconds=N} (default 10), {@code -Dreliability.writers=N} (default 4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {
  private final int outageSeconds = Stack.size("outageSeconds", 10);
  private final int writers = Stack.size("writers", 4);
  private Stack stack;
  private Stack.Node node;

  @BeforeAll
  void setUp() throws Exception {
    stack = Stack.start("outage");
    node = stack.serve();
  }

  @AfterAll
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void clientsGet503WithRetryAfterAndNoAcknowledgedWriteIsLost() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> bad = new CopyOnWriteArrayList<>();
    List<String> readiness = new CopyOnWriteArrayList<>();
    List<Thread> load = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      load.add(daemon(() -> {
        for (int i = 0; running.get(); i++) {
          String name = String.format(Locale.ROOT, "w%d-%05d", writer, i);
          record("POST", node.base() + "/api/v1/users", "{\"name\":\"" + name + "\"}", statuses, bad)
              .filter(status -> status == 201).ifPresent(status -> acknowledged.add(name));
          record("GET", node.base() + "/api/v1/users", null, statuses, bad);
        }
      }));
    }
    load.add(daemon(() -> {
      String last = "";
      while (running.get()) {
        String now;
        try {
          now = Integer.toString(stack.http.send("GET", node.base() + "/ready", null, null, Duration.ofSeconds(2))
              .get(3, TimeUnit.SECONDS).status());
        } catch (Exception e) {
          now = "no answer";
        }
        if (!now.equals(last)) {
          readiness.add(now);
          last = now;
        }
        sleep(50);
      }
    }));
    sleep(3_000);

    long stopped = System.nanoTime();
    int shutdowns = 0;
    while (Stack.seconds(stopped) < outageSeconds) {
      long postmaster = stack.postmaster();
      if (postmaster > 0 && Stack.signal("INT", postmaster)) {
        shutdowns++;
      }
      sleep(100);
    }
    long released = System.nanoTime();
    while (!readiness.get(readiness.size() - 1).equals("200") && Stack.seconds(released) < 60) {
      sleep(100);
    }
    double recovered = Stack.seconds(released);
    sleep(3_000);
    running.set(false);
    for (Thread t : load) {
      t.join(60_000);
    }

    assertThat(readiness).as("/ready over time").startsWith("200").contains("503").endsWith("200");
    assertThat(recovered).as("seconds until /ready is 200 again after the outage").isLessThan(5.0);
    List<String> users = stack.query("SELECT name FROM users").stream().map(row -> row.get(0)).toList();
    Map<Integer, Integer> sorted = new TreeMap<>(statuses);
    assertThat(node.child().alive()).as("serve was not restarted").isTrue();
    assertThat(Files.readAllLines(node.child().log())).as("ERROR or stack-trace lines in serve's output")
        .noneMatch(line -> line.matches("\\S+ ERROR .*") || line.matches("\\s+at .*"));
    assertThat(bad).as("answers other than 2xx or a 503 problem with Retry-After").isEmpty();
    assertThat(sorted).as("statuses").containsKey(503).doesNotContainKey(500);
    assertThat(users).as("every acknowledged user").containsAll(acknowledged);
    assertThat(stack.http.call("POST", node.base() + "/api/v1/users", stack.admin, "{\"name\":\"after-outage\"}")
        .status()).isEqualTo(201);
    Stack.figure(String.format(Locale.ROOT, "| PostgreSQL stopped %d s under load | %d writers + readers, %d fast "
        + "shutdowns of the postmaster; answers by status %s; /ready %s; ready again %.1f s after the outage, "
        + "without a restart; %d acknowledged writes, all there |", outageSeconds, writers, shutdowns,
        sorted.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", ")),
        String.join(" → ", readiness), recovered, acknowledged.size()));
  }

  /** One request; counts its status, notes anything but 2xx or a proper 503; returns the status if any. */
  private Optional<Integer> record(String method, String url, String body, Map<Integer, Integer> statuses,
      List<String> bad) {
    Http.Answer answer;
    try {
      answer = stack.http.send(method, url, stack.admin, body, Duration.ofSeconds(15)).get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      bad.add(method + " " + url + ": no answer (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    statuses.merge(answer.status(), 1, Integer::sum);
    boolean fine = answer.status() / 100 == 2 || answer.status() == 503
        && answer.header("Retry-After") != null
        && answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("application/problem+json")
        && answer.body().contains("\"status\":503");
    if (!fine) {
      bad.add(method + " " + url + " answered " + answer.status() + " " + answer.headers().map() + " " + answer.body());
    }
    return Optional.of(answer.status());
  }

  private static Thread daemon(Runnable body) {
    Thread thread = new Thread(body, "outage-load");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
