package dev.gatehouse.adapter.rest;

import static dev.gatehouse.adapter.rest.RestFixture.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting long polls hold no request thread: many of them share a small Jetty pool. */
class LongPollIT {
  private static final int POLLS = 200;
  private static final int THREADS = 8;

  private RestFixture fx;
  private String alice;

  @BeforeEach
  void setUp() {
    fx = new RestFixture(new RestConfig("127.0.0.1", 0, RestConfig.DEFAULT_MAX_BODY_BYTES, THREADS),
        ReadinessCheck.alwaysReady());
    alice = fx.user("alice");
    fx.workspace("vault", "alice");
    fx.configureDuo("vault", null);
    fx.core.duo.enrolled("alice", PHONE);
    fx.activate(alice, "vault", PHONE, "push");
    fx.clockFollowsRealTime();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void manyWaitingPollsShareASmallThreadPool() throws Exception {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    String self = unlock.json().at("/challenge/links/self").asText();

    long started = System.nanoTime();
    List<CompletableFuture<Response>> polls = new ArrayList<>();
    for (int i = 0; i < POLLS; i++) {
      polls.add(fx.sendAsync(fx.request("GET", self + "?waitSeconds=2", alice, null, Map.of())));
    }
    // While all of them wait, the server still answers at once.
    Thread.sleep(500);
    long healthStarted = System.nanoTime();
    assertThat(fx.get("/health", null).status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - healthStarted)).isLessThan(Duration.ofSeconds(1));

    CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    for (CompletableFuture<Response> poll : polls) {
      Response response = poll.join();
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.json().get("state").asText()).isEqualTo("pending");
    }
    // Holding a thread each, 200 two-second waits on 8 threads would take over 50 s.
    assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void approvalEndsAWaitingPollAtOnce() throws Exception {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    String self = unlock.json().at("/challenge/links/self").asText();
    long started = System.nanoTime();
    CompletableFuture<Response> poll = fx.sendAsync(fx.request("GET", self + "?waitSeconds=30", alice, null, Map.of()));
    Thread.sleep(300);
    fx.core.duo.approve(fx.core.duo.lastTransaction());
    Response approved = poll.get(10, TimeUnit.SECONDS);
    assertThat(approved.json().get("state").asText()).isEqualTo("approved");
    assertThat(fx.claim(approved.json(), alice).get("token").asText()).isNotBlank();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void pollThatTimesOutAnswersTheCurrentState() {
    Response unlock = fx.post("/api/v1/workspaces/vault/unlock", alice, null);
    String self = unlock.json().at("/challenge/links/self").asText();
    CompletableFuture<Response> poll = fx.sendAsync(fx.request("GET", self + "?waitSeconds=1", alice, null, Map.of()));
    await().atMost(Duration.ofSeconds(10)).until(poll::isDone);
    assertThat(poll.join().json().get("state").asText()).isEqualTo("pending");
    assertThat(poll.join().json().get("message").asText()).isNotBlank();
  }
}
