package dev.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's capacity phase at a size the suite affords: one {@code serve} holding N pending pushes
 * (held at the simulator), each with a client long-polling it. It asserts what does not depend on
 * the machine's speed: the node's threads stay flat from 100 to N pending (no thread per push or
 * per waiting client), Duo has exactly one {@code auth_status} long poll parked per pending push
 * and receives none more while nothing changes, and after approve-all every client sees approved
 * and claims its session. Timings are only reported; the full-size run is the benchmark's
 * (docs/benchmarks.md). Size: {@code -Dreliability.capacity=N} (default 1,000, at least 200).
 */
class PendingCapacityIT {
  private static final String PREFIX = "cap";
  private static final String WORKSPACE = "capacity";
  /** Threads a node may add between 100 and N pending: pools finishing their warm-up, none per push. */
  private static final int THREAD_SLACK = 8;
  private static final Duration QUIET = Duration.ofSeconds(5);

  private final int pending = Math.max(200, Stack.size("capacity", 1000));

  @Test
  void threadsStayFlatAndDuoHoldsOneLongPollPerPendingPushUntilEveryClientSeesItApproved() throws Exception {
    try (Stack stack = Stack.start("capacity")) {
      // Held pushes must outlive setting up and opening them all, however slow the machine.
      Stack.Duo duo = Stack.duoOf(stack.simulator("simulator-capacity", 0, true, "--push-timeout", "900"));
      Stack.Node node = stack.serve();
      stack.simUsers(duo, PREFIX, pending, "approve");
      stack.workspace(node, WORKSPACE, duo, "secure");
      String mfa = duo.mfa("secure");
      stack.http.call("PUT", node.base() + "/api/v1/workspaces/" + WORKSPACE + "/mfa", stack.admin,
          mfa.substring(0, mfa.length() - 1) + ",\"options\":{\"challengeLifetimeSeconds\":900}}").expect(200);
      long start = System.nanoTime();
      List<String> tokens = stack.members(node, PREFIX, pending, WORKSPACE);
      double setUp = Stack.seconds(start);
      stack.simUsers(duo, PREFIX, pending, "hold");
      long pid = node.child().pid();
      int idle = Stack.threads(pid);

      List<CompletableFuture<String>> clients = new ArrayList<>();
      open(stack, duo, node, tokens.subList(0, 100), clients);
      int atHundred = Stack.threads(pid);
      long opened = System.nanoTime();
      open(stack, duo, node, tokens.subList(100, pending), clients);
      double openSeconds = Stack.seconds(opened);
      int atAll = Stack.threads(pid);
      long before = stack.authStatusRequests(duo);
      Thread.sleep(QUIET.toMillis());
      long duringQuiet = stack.authStatusRequests(duo) - before;
      int parked = stack.sim(duo, "GET", "/_sim/counters", null).path("parkedRequests").asInt();
      int mostPerTransaction = stack.mostParkedPerTransaction(duo);

      long approvedAt = System.nanoTime();
      stack.sim(duo, "POST", "/_sim/transactions/approve-all", null);
      List<String> outcomes = new ArrayList<>();
      for (CompletableFuture<String> client : clients) {
        outcomes.add(client.get(5, TimeUnit.MINUTES));
      }
      double settled = Stack.seconds(approvedAt);

      assertThat(atAll).as("serve's threads at %d pending against %d at 100 (idle %d)", pending, atHundred, idle)
          .isLessThanOrEqualTo(atHundred + THREAD_SLACK);
      assertThat(parked).as("auth_status long polls parked at Duo for %d pending pushes", pending)
          .isEqualTo(pending);
      assertThat(mostPerTransaction).as("long polls parked for any one transaction").isEqualTo(1);
      assertThat(duringQuiet).as("auth_status requests in %d s while nothing changed", QUIET.toSeconds()).isZero();
      assertThat(outcomes).as("every client saw its push approved and claimed its session").containsOnly("claimed")
          .hasSize(pending);
      Stack.figure(String.format(Locale.ROOT, "| %d pending pushes on one serve (-Xmx256m), a client long-polling "
          + "each | set up in %.0f s, the last %d opened in %.1f s; serve threads idle %d, at 100 pending %d, at %d "
          + "pending %d; %d auth_status long polls parked (at most %d per transaction), %d auth_status requests in "
          + "%d quiet s; after approve-all all %d clients saw approved and claimed their session within %.1f s |",
          pending, setUp, pending - 100, openSeconds, idle, atHundred, pending, atAll, parked, mostPerTransaction,
          duringQuiet, QUIET.toSeconds(), pending, settled));
    }
  }

  /**
   * Starts an unlock for each token (each answered 202) and a client long-polling its challenge,
   * then waits until the simulator holds a parked long poll for every push started so far.
   */
  private void open(Stack stack, Stack.Duo duo, Stack.Node node, List<String> tokens,
      List<CompletableFuture<String>> clients) throws Exception {
    List<String> ids = stack.startUnlocks(node, WORKSPACE, tokens);
    for (int i = 0; i < tokens.size(); i++) {
      clients.add(stack.settle(node.base(), ids.get(i), tokens.get(i), Duration.ofMinutes(10)));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int parked = 0;
    while (System.nanoTime() < deadline) {
      parked = stack.sim(duo, "GET", "/_sim/counters", null).path("parkedRequests").asInt();
      if (parked >= clients.size()) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(parked).as("auth_status long polls parked at Duo after starting %d pushes", clients.size())
        .isGreaterThanOrEqualTo(clients.size());
    // Let the clients' first long polls all arrive before counting threads.
    Thread.sleep(1_000);
  }
}
