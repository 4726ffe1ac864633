package dev.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Pending pushes outlive the node that started them (issue 18): a {@code serve} killed with
 * SIGKILL and started again settles all of them once the person approves, and the audit trail
 * written before the kill is intact; with two nodes on one database, the survivor settles the dead
 * node's pushes with nobody polling, within the lease TTL, and Duo never sees two long polls for
 * one transaction. Sizes: {@code -Dreliability.pending=N} (default 100).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChallengesOutliveTheirNodeIT {
  private static final String PREFIX = "held";
  private static final String WORKSPACE = "outlive";
  /** The core's lease TTL (GatehouseOptions.DEFAULT_LEASE_TTL) and its renewal period, a third of it. */
  private static final Duration LEASE_TTL = Duration.ofSeconds(10);
  private static final Duration SLACK = Duration.ofSeconds(10);

  private final int pending = Stack.size("pending", 100);
  private Stack stack;
  private Stack.Node node;
  private List<String> tokens;

  @BeforeAll
  void setUp() throws Exception {
    stack = Stack.start("outlive");
    node = stack.serve();
    stack.simUsers(stack.duo, PREFIX, pending, "approve");
    stack.workspace(node, WORKSPACE, stack.duo, "secure");
    // Pushes live 5 minutes here (90 s by default): at 1,000 pending on two busy cores, starting
    // them all, the kill, the lease lapse and settling them all must fit in the first one's life.
    String mfa = stack.duo.mfa("secure");
    stack.http.call("PUT", node.base() + "/api/v1/workspaces/" + WORKSPACE + "/mfa", stack.admin,
        mfa.substring(0, mfa.length() - 1) + ",\"options\":{\"challengeLifetimeSeconds\":300}}").expect(200);
    long start = System.nanoTime();
    tokens = stack.members(node, PREFIX, pending, WORKSPACE);
    System.out.printf(Locale.ROOT, "[reliability] set up %d members in %.0f s%n", pending, Stack.seconds(start));
    // From now on each push waits at the simulator until approve-all.
    stack.simUsers(stack.duo, PREFIX, pending, "hold");
  }

  @AfterAll
  void tearDown() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void aKilledNodeRestartedSettlesEveryPendingPushAndKeepsItsAudit() throws Exception {
    List<String> challenges = stack.startUnlocks(node, WORKSPACE, tokens);
    awaitLeased(challenges, 1);
    List<List<String>> auditBefore = stack.query("SELECT id, type FROM audit_events ORDER BY id");

    long killed = System.nanoTime();
    node.child().kill();
    node = stack.serve();
    double restart = Stack.seconds(killed);
    stack.sim("POST", "/_sim/transactions/approve-all", null);
    long approved = System.nanoTime();
    List<CompletableFuture<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < pending; i++) {
      outcomes.add(stack.settle(node.base(), challenges.get(i), tokens.get(i), Duration.ofSeconds(90)));
    }
    List<String> states = new ArrayList<>();
    for (CompletableFuture<String> outcome : outcomes) {
      states.add(outcome.get(120, TimeUnit.SECONDS));
    }
    double settled = Stack.seconds(approved);

    assertThat(states).as("every pending push ends approved, its session claimed").containsOnly("claimed")
        .hasSize(pending);
    assertThat(stack.query("SELECT count(*) FROM challenges WHERE state = 'APPROVED' AND id IN ("
        + quoted(challenges) + ")").get(0).get(0)).isEqualTo(Integer.toString(pending));
    List<List<String>> auditAfter = stack.query("SELECT id, type FROM audit_events WHERE id <= "
        + auditBefore.get(auditBefore.size() - 1).get(0) + " ORDER BY id");
    assertThat(auditAfter).as("audit events written before the kill").isEqualTo(auditBefore);
    Stack.figure(String.format(Locale.ROOT, "| kill -9 serve holding pending pushes | %d pending; restarted and "
        + "listening in %.1f s; all %d approved and claimed %.1f s after approve-all; %d audit events before the "
        + "kill, all still there |", pending, restart, pending, settled, auditBefore.size()));
  }

  @Test
  @Order(2)
  void theSurvivorOfTwoNodesSettlesTheDeadNodesPushesWithinTheLeaseTtl() throws Exception {
    Stack.Node other = stack.serve();
    List<String> challenges = stack.startUnlocks(node, WORKSPACE, tokens);
    String owner = awaitLeased(challenges, 1).get(0);
    long authStatusBefore = stack.authStatusRequests(stack.duo);

    // Every challenge waited on by a client on each node at once: still one Duo long poll each.
    AtomicBoolean polling = new AtomicBoolean(true);
    List<CompletableFuture<Void>> pollers = new ArrayList<>();
    for (int i = 0; i < pending; i++) {
      for (Stack.Node on : List.of(node, other)) {
        pollers.add(pollWhile(polling, on.base(), challenges.get(i), tokens.get(i)));
      }
    }
    int mostParked = 0;
    for (int sample = 0; sample < 10; sample++) {
      Thread.sleep(500);
      mostParked = Math.max(mostParked, stack.mostParkedPerTransaction(stack.duo));
    }
    polling.set(false);
    CompletableFuture.allOf(pollers.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    assertThat(mostParked).as("auth_status long polls in flight for one transaction, %d clients on two nodes",
        2 * pending).isEqualTo(1);
    assertThat(stack.query("SELECT DISTINCT lease_owner FROM challenges WHERE id IN (" + quoted(challenges) + ")"))
        .as("one node follows them all").containsExactly(List.of(owner));

    long killed = System.nanoTime();
    node.child().kill();
    stack.sim("POST", "/_sim/transactions/approve-all", null);
    int settled = 0;
    long deadline = killed + LEASE_TTL.plus(LEASE_TTL.dividedBy(3)).plus(SLACK).toNanos();
    while (System.nanoTime() < deadline) {
      settled = Integer.parseInt(stack.query("SELECT count(*) FROM challenges WHERE state = 'APPROVED' AND id IN ("
          + quoted(challenges) + ")").get(0).get(0));
      mostParked = Math.max(mostParked, stack.mostParkedPerTransaction(stack.duo));
      if (settled == pending) {
        break;
      }
      Thread.sleep(200);
    }
    double took = Stack.seconds(killed);
    long authStatus = stack.authStatusRequests(stack.duo) - authStatusBefore;
    node = other;

    assertThat(settled).as("challenges of the dead node settled by the survivor, nobody polling").isEqualTo(pending);
    assertThat(took).as("seconds from the kill").isLessThanOrEqualTo(
        LEASE_TTL.plus(LEASE_TTL.dividedBy(3)).plus(SLACK).toSeconds());
    assertThat(mostParked).as("auth_status long polls in flight for one transaction").isEqualTo(1);
    Stack.figure(String.format(Locale.ROOT, "| two nodes, kill -9 the follower | %d pending, waited on by %d "
        + "clients on both nodes: at most %d auth_status long poll per transaction at any sample; after the kill "
        + "and approve-all, all %d settled by the survivor %.1f s after the kill (lease TTL %d s), nobody polling; "
        + "%.2f auth_status requests per challenge in all |", pending, 2 * pending, mostParked, pending, took,
        LEASE_TTL.toSeconds(), authStatus / (double) pending));
  }

  /** Waits until every challenge is pending under a lease; returns the distinct owners (at most {@code owners}). */
  private List<String> awaitLeased(List<String> challenges, int owners) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<List<String>> rows = stack.query("SELECT lease_owner, count(*) FROM challenges WHERE state = 'PENDING' "
          + "AND lease_owner IS NOT NULL AND id IN (" + quoted(challenges) + ") GROUP BY lease_owner");
      int leased = rows.stream().mapToInt(r -> Integer.parseInt(r.get(1))).sum();
      if (leased == challenges.size()) {
        assertThat(rows).hasSizeLessThanOrEqualTo(owners);
        return rows.stream().map(r -> r.get(0)).toList();
      }
      assertThat(System.nanoTime()).as("%d of %d pushes pending under a lease", leased, challenges.size())
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private CompletableFuture<Void> pollWhile(AtomicBoolean polling, String base, String id, String token) {
    if (!polling.get()) {
      return CompletableFuture.completedFuture(null);
    }
    return stack.http.send("GET", base + "/api/v1/challenges/" + id + "?waitSeconds=2", token, null,
        Duration.ofSeconds(30)).handle((answer, error) -> null)
        .thenCompose(x -> pollWhile(polling, base, id, token));
  }

  private static String quoted(List<String> ids) {
    return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
  }

}
