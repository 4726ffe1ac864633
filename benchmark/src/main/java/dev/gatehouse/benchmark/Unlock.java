package dev.gatehouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One approved unlock over REST, as a client runs it: {@code POST …/unlock}; on 202, long polls of
 * the challenge ({@code ?waitSeconds=N}, again after each answer that is still pending, again
 * after a 504 or a dropped connection) until it is final; an approved view's {@code session}, or
 * else a {@code POST} to its {@code links.session} to claim it (the two shapes of the unlock
 * contract). Completes with the time it took; fails on a denial or any other answer. The long
 * polls may go to another node than the unlock (two nodes: a challenge started on A, waited on at
 * B), and a pending challenge may have more than one client waiting on it.
 */
final class Unlock {
  /** Counters shared by many unlocks of a phase. */
  static final class Counters {
    final AtomicInteger pending = new AtomicInteger();
    final AtomicInteger approved = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    /** Long polls sent and not yet answered: the clients waiting right now. */
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger retriedPolls = new AtomicInteger();
    /** Long polls answered only at the end of their wait although the challenge was decided: a wake-up missed. */
    final AtomicInteger fullWaitDecided = new AtomicInteger();
    /** Long polls that waited their whole wait and found the challenge still pending. */
    final AtomicInteger fullWaitPending = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    /** Failed after they were pending (a refused start never was). */
    final AtomicInteger failedWhilePending = new AtomicInteger();
    final AtomicInteger restarted = new AtomicInteger();
    volatile String lastFailure = "";
  }

  /** How an unlock went: start, when its client saw "approved", when it held the session. */
  record Result(long startNanos, long approvedNanos, long doneNanos) {
    double millis() {
      return (doneNanos - startNanos) / 1e6;
    }
  }

  private static final Duration SLACK = Duration.ofSeconds(35);

  private final Rest rest;
  private final String base;
  private final Supplier<String> pollBase;
  private final String workspace;
  private final String token;
  private final int waitSeconds;
  private final long deadlineNanos;
  private final Counters counters;
  private final int clients;
  private final CompletableFuture<Result> done = new CompletableFuture<>();
  private long start;
  private long approved;
  private volatile boolean counted;
  /** Capacity runs: a push that timed out (held longer than Duo's push timeout) is started again, as a user would. */
  private boolean restartOnTimeout;

  private Unlock(Rest rest, String base, Supplier<String> pollBase, String workspace, String token, int waitSeconds,
      Duration limit, Counters counters, int clients) {
    this.rest = rest;
    this.base = base;
    this.pollBase = pollBase;
    this.clients = clients;
    this.workspace = workspace;
    this.token = token;
    this.waitSeconds = waitSeconds;
    this.deadlineNanos = System.nanoTime() + limit.toNanos();
    this.counters = counters;
  }

  /** Unlocks at {@code base} and long-polls at {@code pollBase}. */
  static CompletableFuture<Result> run(Rest rest, String base, String pollBase, String workspace, String token,
      int waitSeconds, Duration limit, Counters counters) {
    Unlock unlock = new Unlock(rest, base, () -> pollBase, workspace, token, waitSeconds, limit, counters, 1);
    unlock.start();
    return unlock.done;
  }

  /**
   * As {@link #run}, starting the unlock again each time its push or challenge times out (counted
   * once as pending); each poll goes to the node {@code pollBase} names then, and {@code clients}
   * clients wait on the pending challenge (the extra ones stop when it ends).
   */
  static CompletableFuture<Result> held(Rest rest, String base, Supplier<String> pollBase, String workspace,
      String token, int waitSeconds, Duration limit, Counters counters, int clients) {
    Unlock unlock = new Unlock(rest, base, pollBase, workspace, token, waitSeconds, limit, counters, clients);
    unlock.restartOnTimeout = true;
    unlock.start();
    return unlock.done;
  }

  private void start() {
    start = System.nanoTime();
    rest.send("POST", base + "/api/v1/workspaces/" + workspace + "/unlock", token, null, SLACK)
        .whenComplete((answer, error) -> {
          if (error != null) {
            fail("unlock: " + Benchmark.rootMessage(error));
          } else if (answer.status() == 200) {
            approved = System.nanoTime();
            finish(answer.json());
          } else if (answer.status() == 202) {
            if (!counted) {
              counted = true;
              counters.pending.incrementAndGet();
            }
            String self = answer.json().at("/challenge/links/self").asText();
            for (int i = 1; i < clients; i++) {
              poll(self, false);
            }
            poll(self, true);
          } else {
            fail("unlock answered " + answer.status() + " " + answer.json().path("detail").asText(""));
          }
        });
  }

  /** One client's long polls until the challenge ends; only the {@code main} one goes on from there. */
  private void poll(String self, boolean main) {
    if (System.nanoTime() > deadlineNanos) {
      if (main) {
        fail("still pending at the deadline");
      }
      return;
    }
    counters.polls.incrementAndGet();
    counters.inFlight.incrementAndGet();
    String node = pollBase.get();
    long sent = System.nanoTime();
    rest.send("GET", node + self + "?waitSeconds=" + waitSeconds, token, null,
        Duration.ofSeconds(waitSeconds).plus(SLACK)).whenComplete((answer, error) -> {
          counters.inFlight.decrementAndGet();
          if (error != null || answer.status() == 502 || answer.status() == 503 || answer.status() == 504) {
            // A dropped connection or a gateway timeout: the client reconnects, as real ones do.
            counters.retriedPolls.incrementAndGet();
            counters.lastFailure = error != null ? "poll: " + Benchmark.rootMessage(error)
                : "poll answered " + answer.status();
            CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> poll(self, main));
            return;
          }
          if (!main) {
            if (answer.status() == 200 && answer.json().path("state").asText().equals("pending")) {
              poll(self, false);
            }
            return;
          }
          if (answer.status() != 200) {
            fail("poll answered " + answer.status() + " " + answer.json().path("detail").asText(""));
            return;
          }
          JsonNode view = answer.json();
          String state = view.path("state").asText();
          if (System.nanoTime() - sent >= java.util.concurrent.TimeUnit.SECONDS.toNanos(waitSeconds) - 500_000_000L) {
            (state.equals("pending") ? counters.fullWaitPending : counters.fullWaitDecided).incrementAndGet();
          }
          if (state.equals("pending")) {
            poll(self, true);
          } else if (state.equals("approved")) {
            approved = System.nanoTime();
            counters.approved.incrementAndGet();
            claim(view, node);
          } else if (restartOnTimeout && (state.equals("expired") || "timeout".equals(view.path("denialReason").asText()))) {
            counters.restarted.incrementAndGet();
            start();
          } else {
            fail("challenge " + state + " " + view.path("denialReason").asText(""));
          }
        });
  }

  /** The session comes in the approved view, or is claimed once with POST to {@code links.session}. */
  private void claim(JsonNode view, String node) {
    if (view.hasNonNull("session")) {
      finish(view);
      return;
    }
    String link = view.at("/links/session").asText("");
    if (link.isEmpty()) {
      fail("approved without a session or links.session");
      return;
    }
    rest.send("POST", link.startsWith("http") ? link : node + link, token, null, SLACK)
        .whenComplete((answer, error) -> {
          if (error != null) {
            fail("claim: " + Benchmark.rootMessage(error));
          } else if (answer.status() != 200 && answer.status() != 201) {
            fail("claim answered " + answer.status() + " " + answer.json().path("detail").asText(""));
          } else {
            finish(answer.json().has("session") ? answer.json() : wrap(answer.json()));
          }
        });
  }

  private static JsonNode wrap(JsonNode session) {
    return Rest.JSON.createObjectNode().set("session", session);
  }

  private void finish(JsonNode withSession) {
    if (withSession.at("/session/token").asText("").isEmpty()) {
      fail("approved, but no session token in the answer");
      return;
    }
    done.complete(new Result(start, approved, System.nanoTime()));
  }

  private void fail(String why) {
    counters.failed.incrementAndGet();
    if (counted) {
      counters.failedWhilePending.incrementAndGet();
    }
    counters.lastFailure = why;
    done.completeExceptionally(new IllegalStateException(why));
  }
}
