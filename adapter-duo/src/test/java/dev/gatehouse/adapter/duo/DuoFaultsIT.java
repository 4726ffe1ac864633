package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.application.fake.MutableClock;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.PushContext;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException.Kind;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.mfa.ApiHostname;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import dev.gatehouse.domain.mfa.DuoSecretKey;
import dev.gatehouse.domain.mfa.IntegrationKey;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Fault;
import dev.gatehouse.duosim.LoggedRequest;
import dev.gatehouse.duosim.Scenario;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each fault the simulator can inject lands in the failure class design-notes.md §4 expects. */
class DuoFaultsIT {
  private static final DuoUsername ALICE = new DuoUsername("alice");

  private static DuoRig rig;
  private static DuoSecondFactorGateway gateway;

  @BeforeAll
  static void start() {
    rig = DuoRig.start(Scenario.defaultScenario());
    gateway = rig.gateway(rig.config().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800)));
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @AfterEach
  void heal() {
    rig.simulator.control().clearFaults();
  }

  private static Kind unavailableKind(Runnable call) {
    try {
      call.run();
    } catch (SecondFactorUnavailableException e) {
      return e.kind();
    }
    throw new AssertionError("expected SecondFactorUnavailableException");
  }

  private static void preauth() {
    gateway.preauth(rig.settings, ALICE, ClientContext.UNKNOWN);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsMakeDuoUnavailable(int status) {
    rig.simulator.control().injectFault(Fault.serverError("preauth", status, 1));

    assertThat(unavailableKind(DuoFaultsIT::preauth)).isEqualTo(Kind.SERVER_ERROR);
  }

  @Test
  void malformedJsonIsUnparseable() {
    rig.simulator.control().injectFault(Fault.malformedJson("preauth", 1));

    assertThat(unavailableKind(DuoFaultsIT::preauth)).isEqualTo(Kind.UNPARSEABLE);
  }

  @Test
  void droppedConnectionIsUnreachable() {
    rig.simulator.control().injectFault(Fault.dropConnection("preauth", 1));

    assertThat(unavailableKind(DuoFaultsIT::preauth)).isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void slowAnswerTimesOut() {
    rig.simulator.control().injectFault(Fault.latency("preauth", Duration.ofSeconds(3), 1));

    assertThat(unavailableKind(DuoFaultsIT::preauth)).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void interruptedCallerIsDeniedNeverTreatedAsDuoUnavailable() throws Exception {
    // Like a server shutting down or a host application's Future.cancel(true) mid-call.
    DuoSecondFactorGateway patient = rig.gateway(rig.config());
    rig.simulator.control().injectFault(Fault.latency("preauth", Duration.ofSeconds(5), 1));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        patient.preauth(rig.settings, ALICE, ClientContext.UNKNOWN);
        thrown.complete(null);
      } catch (RuntimeException e) {
        thrown.complete(e);
      }
      stillInterrupted.complete(Thread.currentThread().isInterrupted());
    }, "interrupted-caller");
    long before = preauthRequests();
    caller.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> preauthRequests() > before);

    caller.interrupt();

    assertThat(thrown.get(5, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REQUEST_REJECTED))
        .hasMessageContaining("interrupted before Duo answered");
    assertThat(stillInterrupted.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void refusedConnectionIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DuoSettings closed = new DuoSettings(new ApiHostname("127.0.0.1:" + port), rig.settings.integrationKey(),
        rig.settings.secretKey());

    assertThat(unavailableKind(() -> gateway.check(closed))).isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void serverErrorWhilePollingFailsTheWait() {
    DuoTransactionId txid = startPush();
    rig.simulator.control().injectFault(Fault.serverError("auth_status", 503, 1));

    CompletableFuture<AuthStatus> status = gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5))
        .toCompletableFuture();

    assertThat(status).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOfSatisfying(SecondFactorUnavailableException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
  }

  @Test
  void droppedConnectionWhilePollingIsTransientNeverADenial() {
    DuoTransactionId txid = startPush();
    // Every time: an HTTP client may retry a GET once when a reused connection closes.
    rig.simulator.control().injectFault(Fault.dropConnection("auth_status", -1));

    CompletableFuture<AuthStatus> status = gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5))
        .toCompletableFuture();

    assertThat(status).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOfSatisfying(SecondFactorUnavailableException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
  }

  @Test
  void connectTimeoutWhilePollingIsTransientNeverADenial() throws IOException {
    // A listener whose accept queue is full: the kernel drops further SYNs, so connecting times out.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      List<Socket> queued = fillAcceptQueue(silent);
      try {
        DuoSettings unresponsive = new DuoSettings(new ApiHostname("127.0.0.1:" + silent.getLocalPort()),
            rig.settings.integrationKey(), rig.settings.secretKey());
        DuoSecondFactorGateway impatient = rig.gateway(rig.config()
            .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5)));

        CompletableFuture<AuthStatus> status = impatient.awaitStatus(unresponsive, new DuoTransactionId("tx-poll"),
            Duration.ofSeconds(5)).toCompletableFuture();

        assertThat(status).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
            .havingCause().isInstanceOfSatisfying(SecondFactorUnavailableException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
            .withMessageContaining("connect timeout");
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  /** Connects until a connection attempt times out: from then on the listener takes no more. */
  private static List<Socket> fillAcceptQueue(ServerSocket listener) throws IOException {
    List<Socket> queued = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), 300);
        queued.add(socket);
      } catch (SocketTimeoutException full) {
        socket.close();
        return queued;
      }
    }
    throw new IllegalStateException("the accept queue never filled");
  }

  private static DuoTransactionId startPush() {
    PreauthOutcome.Authenticate preauth =
        (PreauthOutcome.Authenticate) gateway.preauth(rig.settings, ALICE, ClientContext.UNKNOWN);
    return gateway.startAuth(rig.settings, ALICE,
        new DeviceSelection(preauth.devices().get(0).id(), DuoMethod.PUSH),
        new PushContext("Unlock workspace", new WorkspaceName("ops"), new UserName("alice"), ClientContext.UNKNOWN));
  }

  // ---- 429 and the official back-off ---------------------------------------------------------

  private static long preauthRequests() {
    return rig.simulator.control().requests().stream().filter(r -> r.path().equals("/auth/v2/preauth")).count();
  }

  /** A budget the whole official schedule (about 69 s at most) fits in. */
  private static DuoConfig unbounded() {
    return rig.config().withBackoffBudget(Duration.ofMinutes(2));
  }

  @Test
  void retriesRateLimitedRequestsOnTheOfficialScheduleThenSucceeds() {
    MutableClock clock = new MutableClock(Instant.now());
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(clock);
    DuoSecondFactorGateway patient = rig.gateway(unbounded(), clock, sleeper);
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", 3, null));
    long before = preauthRequests();

    assertThat(patient.preauth(rig.settings, ALICE, ClientContext.UNKNOWN)).isInstanceOf(PreauthOutcome.Authenticate.class);

    assertThat(sleeper.waits).hasSize(3);
    assertThat(sleeper.waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(sleeper.waits.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(sleeper.waits.get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
    assertThat(preauthRequests() - before).isEqualTo(4);
  }

  @Test
  void tellsItsListenerOfEachRequestAndEachBackOff() {
    MutableClock clock = new MutableClock(Instant.now());
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(clock);
    List<String> heard = new CopyOnWriteArrayList<>();
    DuoRequestListener listener = new DuoRequestListener() {
      @Override
      public void answered(String endpoint, String result, Duration latency) {
        heard.add(endpoint + " " + result + (latency.isNegative() ? " negative" : ""));
      }

      @Override
      public void backedOff() {
        heard.add("backed off");
      }
    };
    DuoSecondFactorGateway observed = new DuoSecondFactorGateway(
        new DuoConnections(rig.config(), clock, DuoBackoff.official(), sleeper, listener));
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", 2, null));

    observed.preauth(rig.settings, ALICE, ClientContext.UNKNOWN);

    assertThat(heard).containsExactly("preauth rate_limited", "backed off", "preauth rate_limited", "backed off",
        "preauth ok");
  }

  @Test
  void givesUpAfterSevenAttemptsAsRateLimitedNeverUnavailable() {
    MutableClock clock = new MutableClock(Instant.now());
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(clock);
    DuoSecondFactorGateway patient = rig.gateway(unbounded(), clock, sleeper);
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", -1, null));
    long before = preauthRequests();

    assertThatThrownBy(() -> patient.preauth(rig.settings, ALICE, ClientContext.UNKNOWN))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED))
        .hasMessageContaining("42901");
    assertThat(sleeper.waits).hasSize(6);
    assertThat(sleeper.waits.get(5)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(33));
    assertThat(preauthRequests() - before).isEqualTo(7);
  }

  @Test
  void givesUpAsRateLimitedOnceTheNextWaitWouldPassTheDefaultBudget() {
    MutableClock clock = new MutableClock(Instant.now());
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(clock);
    DuoSecondFactorGateway patient = rig.gateway(rig.config(), clock, sleeper);
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", -1, null));
    long before = preauthRequests();

    assertThatThrownBy(() -> patient.preauth(rig.settings, ALICE, ClientContext.UNKNOWN))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED))
        .hasMessageContaining("42901");
    // 1–2 s and 2–3 s fit in 5 s; the third wait (4–5 s) would not, so Gatehouse stops at once.
    assertThat(sleeper.waits).hasSize(2);
    assertThat(sleeper.waits.stream().reduce(Duration.ZERO, Duration::plus))
        .isLessThanOrEqualTo(DuoConfig.defaults().backoffBudget());
    assertThat(preauthRequests() - before).isEqualTo(3);
  }

  @Test
  void sustainedRateLimitingEndsACallWithinItsBudget() {
    Duration budget = Duration.ofSeconds(3);
    DuoSecondFactorGateway bounded = rig.gateway(rig.config().withBackoffBudget(budget));
    bounded.check(rig.settings); // connected and TLS done, so the budget goes to Duo's answers
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", -1, null));
    long before = preauthRequests();
    long started = System.nanoTime();

    assertThatThrownBy(() -> bounded.preauth(rig.settings, ALICE, ClientContext.UNKNOWN))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    // Real waits: 1–2 s fits in 3 s, then 2–3 s more cannot; without the budget this call would
    // wait about a minute and make 7 requests.
    assertThat(took).isBetween(Duration.ofSeconds(1), budget.plusSeconds(2));
    assertThat(preauthRequests() - before).isEqualTo(2);
  }

  @Test
  void aZeroBudgetNeverRetries() {
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(null);
    DuoSecondFactorGateway impatient = rig.gateway(rig.config().withBackoffBudget(Duration.ZERO),
        java.time.Clock.systemUTC(), sleeper);
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", 1, null));

    assertThatThrownBy(() -> impatient.preauth(rig.settings, ALICE, ClientContext.UNKNOWN))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void honoursRetryAfter() {
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(null);
    DuoSecondFactorGateway patient = rig.gateway(rig.config(), java.time.Clock.systemUTC(), sleeper);
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", 2, 3));

    patient.preauth(rig.settings, ALICE, ClientContext.UNKNOWN);

    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void givesUpAtOnceWhenRetryAfterExceedsTheMaximumBackoff() {
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(null);
    DuoSecondFactorGateway patient = rig.gateway(rig.config(), java.time.Clock.systemUTC(), sleeper);
    rig.simulator.control().injectFault(Fault.rateLimited("preauth", 1, 120));

    assertThatThrownBy(() -> patient.preauth(rig.settings, ALICE, ClientContext.UNKNOWN))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void rateLimitedPollsBackOffWithoutHoldingAThread() {
    DuoRig.RecordingSleeper sleeper = new DuoRig.RecordingSleeper(null);
    DuoSecondFactorGateway patient = rig.gateway(rig.config(), java.time.Clock.systemUTC(), sleeper);
    DuoTransactionId txid = startPush();
    rig.simulator.control().injectFault(Fault.rateLimited("auth_status", 2, null));

    AuthStatus status = patient.awaitStatus(rig.settings, txid, Duration.ofSeconds(20)).toCompletableFuture().join();

    assertThat(status).isNotNull();
    assertThat(sleeper.waits).hasSize(2);
    assertThat(rig.simulator.control().requests().stream().filter(r -> r.path().equals("/auth/v2/auth_status"))
        .map(LoggedRequest::fault).filter(f -> f != null).count()).isGreaterThanOrEqualTo(2);
  }

  // ---- redirects -------------------------------------------------------------------------------

  /** A local HTTPS server that answers every request with a 302 to {@code location}. */
  private static HttpsServer redirecting(SSLContext tls, String location) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.start();
    return server;
  }

  @Test
  void aRedirectingProxyIsAMisconfigurationNeverDuoUnavailable(@TempDir Path dir) throws Exception {
    TestCertificates.Loopback tls = TestCertificates.loopback(dir);
    HttpsServer proxy = redirecting(tls.serverContext(), "https://login.proxy.example/sso?session=s3cr3t");
    try {
      DuoSettings redirected = new DuoSettings(new ApiHostname("127.0.0.1:" + proxy.getAddress().getPort()),
          rig.settings.integrationKey(), rig.settings.secretKey());
      DuoSecondFactorGateway gateway = rig.gateway(DuoConfig.defaults().withCaFile(tls.caFile()));
      List<Throwable> failures = new ArrayList<>();
      failures.add(catchThrowable(() -> gateway.check(redirected)));
      failures.add(catchThrowable(() -> gateway.preauth(redirected, ALICE, ClientContext.UNKNOWN)));
      failures.add(catchThrowable(() -> gateway.awaitStatus(redirected, new DuoTransactionId("tx-1"),
          Duration.ofSeconds(5)).toCompletableFuture().join()).getCause());

      assertThat(failures).allSatisfy(failure -> assertThat(failure)
          .isInstanceOfSatisfying(SecondFactorRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.LOCAL_CONFIGURATION))
          .hasMessageContainingAll("HTTP 302", "login.proxy.example", "API hostname", "proxy")
          .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("\n"));
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void anAbandonedLongPollAbortsItsRequestAndClosesItsConnection(@TempDir Path dir) throws Exception {
    TestCertificates.Loopback tls = TestCertificates.loopback(dir);
    // A Duo that takes the long poll and never answers it.
    try (ServerSocket listener = tls.serverContext().getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      listener.setSoTimeout(10_000);
      DuoSettings silent = new DuoSettings(new ApiHostname("127.0.0.1:" + listener.getLocalPort()),
          rig.settings.integrationKey(), rig.settings.secretKey());
      DuoSecondFactorGateway gateway = rig.gateway(DuoConfig.defaults().withCaFile(tls.caFile()));

      CompletableFuture<AuthStatus> status = gateway.awaitStatus(silent, new DuoTransactionId("tx-abandoned"),
          Duration.ofMinutes(5)).toCompletableFuture();
      try (Socket accepted = listener.accept()) {
        accepted.setSoTimeout(10_000);
        InputStream in = accepted.getInputStream();
        assertThat(DuoRig.requestHead(in)).startsWith("GET /auth/v2/auth_status?txid=tx-abandoned");

        long cancelled = System.nanoTime();
        status.cancel(true);

        assertThat(endOfStream(in)).as("the client closed the connection of the abandoned poll").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(5));
      }
    }
  }

  /** Whether the peer closed the stream (an end of stream or a reset), rather than staying silent. */
  private static boolean endOfStream(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException silent) {
      return false;
    } catch (IOException closed) {
      return true;
    }
  }

  // ---- TLS ---------------------------------------------------------------------------------------

  @Test
  void untrustedCertificateIsUnreachable() {
    DuoSecondFactorGateway jvmTrust = rig.gateway(DuoConfig.defaults());

    assertThatThrownBy(() -> jvmTrust.check(rig.settings))
        .isInstanceOfSatisfying(SecondFactorUnavailableException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
        .hasMessageContaining("TLS");
  }

  @Test
  void verifiesTheHostnameEvenForATrustedCertificate(@TempDir Path dir) {
    Path[] certAndKey = TestCertificates.selfSigned(dir, "duo.invalid");
    try (DuoSimulator other = DuoSimulator.builder(Scenario.defaultScenario())
        .certificate(certAndKey[0], certAndKey[1]).start()) {
      // The CA file trusts exactly this certificate, but it names duo.invalid, not 127.0.0.1.
      DuoSecondFactorGateway trusting = rig.gateway(DuoConfig.defaults().withCaFile(certAndKey[0]));
      DuoSettings settings = new DuoSettings(new ApiHostname(other.apiHostname()),
          new IntegrationKey(other.integrationKey()), new DuoSecretKey(other.secretKey()));

      assertThatThrownBy(() -> trusting.check(settings))
          .isInstanceOfSatisfying(SecondFactorUnavailableException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageContaining("TLS");
    }
  }

  @Test
  void unusableCaFileDeniesInsteadOfFailingOpen() throws IOException {
    Path empty = Files.createTempFile("empty-ca", ".pem");
    try {
      DuoSecondFactorGateway broken = rig.gateway(DuoConfig.defaults().withCaFile(empty));

      assertThatThrownBy(() -> broken.check(rig.settings))
          .isInstanceOfSatisfying(SecondFactorRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.LOCAL_CONFIGURATION))
          .hasMessageContaining("CA file").hasMessageContaining(empty.toString());
    } finally {
      Files.deleteIfExists(empty);
    }
  }
}
