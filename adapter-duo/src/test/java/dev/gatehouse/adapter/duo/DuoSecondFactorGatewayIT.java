package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.PushContext;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorRejectedException.Reason;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.Passcode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoDevice;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import dev.gatehouse.duosim.LoggedRequest;
import dev.gatehouse.duosim.PushNotification;
import dev.gatehouse.duosim.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every endpoint and outcome of the Auth API, against the real duo-simulator over HTTPS. */
class DuoSecondFactorGatewayIT {
  private static final ClientContext CLIENT = ClientContext.of("203.0.113.7", "laptop-7.example.org");
  private static final Scenario.Device FRANK_PHONE = Scenario.Device.phone("DPFRANK0000000000001", "XXX-XXX-0606",
          "Frank's Pixel", "auto", "push", "phone", "mobile_otp")
      .withPush(Scenario.Reaction.waitForControl()).withPhone(Scenario.Reaction.waitForControl());
  private static final Scenario.Device IVAN_PHONE = Scenario.Device.phone("DPIVAN00000000000001", "", "Ivan's tablet",
      "push");

  private static final Scenario.Device VERA_PHONE = Scenario.Device.phone("DPVERA00000000000001", "", "Vera's phone",
      "auto", "push").withPush(Scenario.Reaction.waitForControl());

  private static DuoRig rig;
  private static DuoSecondFactorGateway gateway;

  @BeforeAll
  static void start() {
    rig = DuoRig.start(Scenario.defaultScenario());
    rig.simulator.control().putUser(Scenario.User.active("frank", FRANK_PHONE));
    rig.simulator.control().putUser(Scenario.User.active("ivan", IVAN_PHONE));
    rig.simulator.control().putUser(Scenario.User.active("vera", VERA_PHONE).withVerifiedPush());
    rig.simulator.control().putUser(Scenario.User.active("grace",
        Scenario.Device.token("DTGRACE0000000000001", "20361492", "654321")));
    gateway = rig.gateway();
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  private static DuoUsername user(String name) {
    return new DuoUsername(name);
  }

  private static DuoDevice firstDevice(String name) {
    PreauthOutcome outcome = gateway.preauth(rig.settings, user(name), CLIENT);
    return ((PreauthOutcome.Authenticate) outcome).devices().get(0);
  }

  private static PushContext push(String member) {
    return new PushContext("Unlock workspace", new WorkspaceName("payroll"), new UserName(member), CLIENT);
  }

  private static AuthStatus follow(DuoTransactionId txid) {
    Instant until = Instant.now().plusSeconds(30);
    AuthStatus status;
    do {
      status = gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(10)).toCompletableFuture().join();
    } while (status instanceof AuthStatus.Waiting && Instant.now().isBefore(until));
    return status;
  }

  private static List<LoggedRequest> requests(String path) {
    return rig.simulator.control().requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  // ---- check and ping -----------------------------------------------------------------------------

  @Test
  void checksGoodCredentials() {
    gateway.check(rig.settings);

    assertThat(requests("/auth/v2/check")).last().extracting(LoggedRequest::signatureVersion).isEqualTo("v2-sha512");
  }

  @Test
  void reachesDuoThroughAnHttpProxysTunnel() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread tunnels = new Thread(() -> tunnel(proxy, asked), "test-proxy");
      tunnels.setDaemon(true);
      tunnels.start();
      DuoSecondFactorGateway proxied = rig.gateway(rig.config()
          .withHttpProxy(URI.create("http://127.0.0.1:" + proxy.getLocalPort())));

      proxied.check(rig.settings);

      assertThat(asked).first().asString().startsWith("CONNECT " + rig.simulator.apiHostname() + " ");
    }
  }

  /** A minimal HTTPS proxy: each CONNECT gets a tunnel to the host it names. */
  private static void tunnel(ServerSocket proxy, List<String> asked) {
    while (!proxy.isClosed()) {
      try {
        Socket client = proxy.accept();
        InputStream in = client.getInputStream();
        String head = DuoRig.requestHead(in);
        String request = head.substring(0, Math.max(0, head.indexOf("\r\n")));
        asked.add(request);
        String[] target = request.split(" ")[1].split(":");
        Socket duo = new Socket(target[0], Integer.parseInt(target[1]));
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        pipe(in, duo.getOutputStream());
        pipe(duo.getInputStream(), client.getOutputStream());
      } catch (IOException | RuntimeException e) {
        return;
      }
    }
  }

  private static void pipe(InputStream from, OutputStream to) {
    Thread pipe = new Thread(() -> {
      try (from; to) {
        from.transferTo(to);
      } catch (IOException ignored) {
        // the tunnel closed
      }
    }, "test-proxy-pipe");
    pipe.setDaemon(true);
    pipe.start();
  }

  @Test
  void rejectsAWrongSecretKeyWithoutRevealingIt() {
    String wrong = "A".repeat(40);
    DuoSettings settings = rig.settings(rig.simulator.integrationKey(), wrong);

    assertThatThrownBy(() -> gateway.check(settings))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED))
        .hasMessageContaining("401").hasMessageContaining("40103")
        .hasMessageNotContaining(wrong).hasMessageNotContaining(rig.simulator.secretKey());
  }

  @Test
  void rejectsAnUnknownIntegrationKey() {
    DuoSettings settings = rig.settings("DIXXXXXXXXXXXXXXXXXX", rig.simulator.secretKey());

    assertThatThrownBy(() -> gateway.check(settings))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REJECTED))
        .hasMessageContaining("40102");
  }

  @Test
  void rejectsAnIntegrationThatIsNotAnAuthApiApplication() {
    Scenario.Integration auth = Scenario.Integration.randomAuthApi();
    Scenario.Integration admin = new Scenario.Integration("DIADMIN0000000000001", "B".repeat(40), "admin_api");
    try (DuoRig other = DuoRig.start(Scenario.builder().integration(auth).integration(admin).build())) {
      DuoSecondFactorGateway otherGateway = other.gateway();

      assertThatThrownBy(() -> otherGateway.check(other.settings(admin.integrationKey(), admin.secretKey())))
          .isInstanceOfSatisfying(SecondFactorRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INTEGRATION_FORBIDDEN))
          .hasMessageContaining("40301");
    }
  }

  @Test
  void checkReadsDuosClockFromTheUnsignedPingFirst() {
    long before = requests("/auth/v2/ping").size();

    gateway.check(rig.settings);

    assertThat(requests("/auth/v2/ping")).hasSize((int) before + 1)
        .last().extracting(LoggedRequest::signatureVersion).isNull();
    assertThat(gateway.connections().clockSkew(rig.settings)).isZero();
  }

  // ---- preauth ----------------------------------------------------------------------------------

  @Test
  void preauthListsTheDevicesOfAnEnrolledUser() {
    PreauthOutcome outcome = gateway.preauth(rig.settings, user("alice"), CLIENT);

    assertThat(outcome).isInstanceOf(PreauthOutcome.Authenticate.class);
    DuoDevice phone = ((PreauthOutcome.Authenticate) outcome).devices().get(0);
    assertThat(phone.type()).isEqualTo("phone");
    assertThat(phone.displayName()).contains("Alice's iPhone");
    for (DuoMethod method : DuoMethod.values()) {
      assertThat(phone.supports(method)).as(method.name()).isTrue();
    }
  }

  @Test
  void preauthListsATokenWithoutCapabilitiesAsPasscodeOnly() {
    DuoDevice token = firstDevice("grace");

    assertThat(token.type()).isEqualTo("token");
    assertThat(token.capabilities()).isEmpty();
    assertThat(token.supports(DuoMethod.PASSCODE)).isTrue();
    assertThat(token.supports(DuoMethod.PUSH)).isFalse();
  }

  @Test
  void preauthSendsTheClientsAddressAndHost() {
    gateway.preauth(rig.settings, user("alice"), CLIENT);

    LoggedRequest sent = requests("/auth/v2/preauth").get(requests("/auth/v2/preauth").size() - 1);
    assertThat(sent.param("username")).isEqualTo("alice");
    assertThat(sent.param("ipaddr")).isEqualTo("203.0.113.7");
    assertThat(sent.param("hostname")).isEqualTo("laptop-7.example.org");
  }

  @Test
  void preauthAllowsABypassUser() {
    assertThat(gateway.preauth(rig.settings, user("erin"), ClientContext.UNKNOWN)).isInstanceOf(PreauthOutcome.Allow.class);
  }

  @Test
  void preauthDeniesALockedOutUser() {
    assertThat(gateway.preauth(rig.settings, user("carol"), ClientContext.UNKNOWN)).isInstanceOf(PreauthOutcome.Deny.class);
  }

  @Test
  void preauthAsksAnUnenrolledUserToEnroll() {
    PreauthOutcome outcome = gateway.preauth(rig.settings, user("dave"), ClientContext.UNKNOWN);

    assertThat(outcome).isInstanceOfSatisfying(PreauthOutcome.Enroll.class,
        enroll -> assertThat(enroll.enrollmentUrl()).startsWith("https://"));
  }

  @Test
  void preauthDeniesAnUnknownUser() {
    assertThat(gateway.preauth(rig.settings, user("nobody-" + System.nanoTime()), ClientContext.UNKNOWN))
        .isInstanceOfAny(PreauthOutcome.Deny.class, PreauthOutcome.Enroll.class)
        .isNotInstanceOf(PreauthOutcome.Allow.class);
  }

  // ---- push and phone ---------------------------------------------------------------------------

  @Test
  void approvedPushAllowsAndCarriesTheContext() {
    DuoDevice phone = firstDevice("alice");
    DuoTransactionId txid = gateway.startAuth(rig.settings, user("alice"),
        new DeviceSelection(phone.id(), DuoMethod.PUSH), push("alice"));

    assertThat(follow(txid)).isInstanceOf(AuthStatus.Allowed.class);
    PushNotification sent = rig.simulator.control().inbox(phone.id().value()).stream()
        .filter(n -> n.txid().equals(txid.value())).findFirst().orElseThrow();
    assertThat(sent.type()).isEqualTo("Unlock workspace");
    assertThat(sent.displayUsername()).isEqualTo("alice");
    assertThat(sent.pushinfoFields()).containsEntry("Workspace", List.of("payroll"))
        .containsEntry("Client address", List.of("203.0.113.7"))
        .containsEntry("Client host", List.of("laptop-7.example.org"));
    LoggedRequest auth = requests("/auth/v2/auth").stream().filter(r -> "push".equals(r.param("factor")))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(auth.param("async")).isEqualTo("1");
    assertThat(auth.param("device")).isEqualTo(phone.id().value());
    assertThat(auth.param("ipaddr")).isEqualTo("203.0.113.7");
  }

  @Test
  void deniedPushDenies() {
    DuoDevice phone = firstDevice("bob");
    DuoTransactionId txid = gateway.startAuth(rig.settings, user("bob"),
        new DeviceSelection(phone.id(), DuoMethod.PUSH), push("bob"));

    assertThat(follow(txid)).isInstanceOfSatisfying(AuthStatus.Denied.class,
        denied -> assertThat(denied.reason()).isEqualTo(DenialReason.DENIED));
  }

  private static DuoTransactionId frankPush() {
    return gateway.startAuth(rig.settings, user("frank"),
        new DeviceSelection(new DeviceId(FRANK_PHONE.id()), DuoMethod.PUSH), push("frank"));
  }

  @Test
  void fraudReportDeniesAsFraud() {
    DuoTransactionId txid = frankPush();
    rig.simulator.control().reportFraud(txid.value());

    assertThat(follow(txid)).isInstanceOfSatisfying(AuthStatus.Denied.class,
        denied -> assertThat(denied.reason()).isEqualTo(DenialReason.FRAUD));
  }

  @Test
  void timedOutPushDeniesAsTimeout() {
    DuoTransactionId txid = frankPush();
    rig.simulator.control().timeOut(txid.value());

    assertThat(follow(txid)).isInstanceOfSatisfying(AuthStatus.Denied.class,
        denied -> assertThat(denied.reason()).isEqualTo(DenialReason.TIMEOUT));
  }

  // ---- Verified Duo Push ------------------------------------------------------------------------

  private static DuoTransactionId veraVerifiedPush() {
    PreauthOutcome.Authenticate preauth =
        (PreauthOutcome.Authenticate) gateway.preauth(rig.settings, user("vera"), CLIENT);
    assertThat(preauth.verifiedPush()).isPresent();
    return gateway.startAuth(rig.settings, user("vera"),
        new DeviceSelection(new DeviceId(VERA_PHONE.id()), DuoMethod.PUSH),
        new PushContext("Unlock workspace", new WorkspaceName("payroll"), new UserName("vera"), CLIENT,
            preauth.verifiedPush()));
  }

  @Test
  void alwaysSaysItSupportsVerifiedPush() {
    gateway.preauth(rig.settings, user("alice"), CLIENT);

    assertThat(requests("/auth/v2/preauth")).last()
        .satisfies(r -> assertThat(r.param("client_supports_verified_push")).isEqualTo("1"));
  }

  @Test
  void aVerifiedPushContinuesPreauthsTransactionAndShowsItsCode() {
    DuoTransactionId txid = veraVerifiedPush();
    String code = rig.simulator.control().transaction(txid.value()).orElseThrow().verificationCode();

    AuthStatus waiting = gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5)).toCompletableFuture().join();

    assertThat(requests("/auth/v2/auth")).last().satisfies(r -> assertThat(r.param("txid")).isEqualTo(txid.value()));
    assertThat(waiting).isInstanceOfSatisfying(AuthStatus.Waiting.class,
        w -> assertThat(w.verificationCode()).contains(new VerificationCode(code)));
    rig.simulator.control().enterVerificationCode(txid.value(), code);
    assertThat(follow(txid)).isInstanceOf(AuthStatus.Allowed.class);
  }

  @Test
  void aWrongVerificationCodeDenies() {
    DuoTransactionId txid = veraVerifiedPush();
    String code = rig.simulator.control().transaction(txid.value()).orElseThrow().verificationCode();

    rig.simulator.control().enterVerificationCode(txid.value(), code.equals("000") ? "999" : "000");

    assertThat(follow(txid)).isInstanceOfSatisfying(AuthStatus.Denied.class,
        denied -> assertThat(denied.reason()).isEqualTo(DenialReason.DENIED));
  }

  @Test
  void aPushWithoutPreauthsTransactionIsAPlainOne() {
    DuoTransactionId txid = gateway.startAuth(rig.settings, user("vera"),
        new DeviceSelection(new DeviceId(VERA_PHONE.id()), DuoMethod.PUSH), push("vera"));

    assertThat(rig.simulator.control().transaction(txid.value()).orElseThrow().verifiedPush()).isFalse();
    rig.simulator.control().deny(txid.value());
  }

  @Test
  void neverLogsTheVerificationCode() {
    Logger wire = (Logger) LoggerFactory.getLogger(DuoWireLogger.NAME);
    Level before = wire.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    wire.addAppender(appender);
    wire.setLevel(Level.DEBUG);
    try {
      DuoTransactionId txid = veraVerifiedPush();
      String code = rig.simulator.control().transaction(txid.value()).orElseThrow().verificationCode();
      gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5)).toCompletableFuture().join();
      rig.simulator.control().deny(txid.value());

      assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
          .anyMatch(line -> line.contains("verification code [redacted]"))
          .noneMatch(line -> line.contains("code " + code));
    } finally {
      wire.detachAppender(appender);
      wire.setLevel(before);
    }
  }

  @Test
  void reportsWaitingWhenNothingHappensWithinMaxWait() {
    DuoTransactionId txid = frankPush();
    AuthStatus first = gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5)).toCompletableFuture().join();
    long started = System.nanoTime();

    AuthStatus status = gateway.awaitStatus(rig.settings, txid, Duration.ofMillis(700)).toCompletableFuture().join();

    assertThat(first).isInstanceOf(AuthStatus.Waiting.class);
    assertThat(status).isEqualTo(new AuthStatus.Waiting(StatusMessage.NONE));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
    rig.simulator.control().deny(txid.value());
  }

  @Test
  void completesAsSoonAsDuoReportsAChange() throws Exception {
    DuoTransactionId txid = frankPush();
    gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5)).toCompletableFuture().join();
    CompletableFuture<AuthStatus> waiting = gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(50))
        .toCompletableFuture();
    await().atMost(Duration.ofSeconds(5)).until(() -> rig.simulator.control().parkedRequests() > 0);

    rig.simulator.control().approve(txid.value());

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(AuthStatus.Allowed.class);
  }

  @Test
  void reportsPushFailedAsProgress() {
    DuoTransactionId txid = frankPush();
    gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5)).toCompletableFuture().join();
    rig.simulator.control().pushFailed(txid.value());

    AuthStatus status = gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(5)).toCompletableFuture().join();

    assertThat(status).isInstanceOf(AuthStatus.Waiting.class);
    assertThat(status.message().isEmpty()).isFalse();
    rig.simulator.control().deny(txid.value());
  }

  @Test
  void phoneCallAllowsWhenAnswered() {
    DuoTransactionId txid = gateway.startAuth(rig.settings, user("frank"),
        new DeviceSelection(new DeviceId(FRANK_PHONE.id()), DuoMethod.PHONE), push("frank"));
    rig.simulator.control().approve(txid.value());

    assertThat(follow(txid)).isInstanceOf(AuthStatus.Allowed.class);
    assertThat(rig.simulator.control().transaction(txid.value()).orElseThrow().factor()).isEqualTo("phone");
  }

  @Test
  void unknownTransactionIsARejectedRequest() {
    CompletableFuture<AuthStatus> status = gateway.awaitStatus(rig.settings, new DuoTransactionId("no-such-txid"),
        Duration.ofSeconds(5)).toCompletableFuture();

    assertThat(status).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause().isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REQUEST_REJECTED));
  }

  // ---- passcodes and SMS ------------------------------------------------------------------------

  @Test
  void rightPasscodeAllowsAndWrongOneDenies() {
    assertThat(gateway.verifyPasscode(rig.settings, user("alice"), new Passcode("123456"), CLIENT))
        .isInstanceOf(AuthStatus.Allowed.class);
    assertThat(gateway.verifyPasscode(rig.settings, user("alice"), new Passcode("000000"), CLIENT))
        .isInstanceOfSatisfying(AuthStatus.Denied.class,
            denied -> assertThat(denied.reason()).isEqualTo(DenialReason.DENIED));
  }

  @Test
  void hardwareTokenPasscodeAllows() {
    assertThat(gateway.verifyPasscode(rig.settings, user("grace"), new Passcode("654321"), ClientContext.UNKNOWN))
        .isInstanceOf(AuthStatus.Allowed.class);
  }

  @Test
  void sendsSmsPasscodesThatThenWork() {
    DuoDevice phone = firstDevice("alice");

    StatusMessage message = gateway.sendSmsPasscodes(rig.settings, user("alice"), phone.id(), CLIENT);

    assertThat(message.isEmpty()).isFalse();
    List<String> batch = rig.simulator.control().smsBatch(phone.id().value());
    assertThat(batch).isNotEmpty();
    assertThat(gateway.verifyPasscode(rig.settings, user("alice"), new Passcode(batch.get(0)), CLIENT))
        .isInstanceOf(AuthStatus.Allowed.class);
  }

  @Test
  void smsToADeviceWithoutSmsIsRejectedWithDuosDetail() {
    assertThatThrownBy(() -> gateway.sendSmsPasscodes(rig.settings, user("ivan"), new DeviceId(IVAN_PHONE.id()),
        ClientContext.UNKNOWN))
        .isInstanceOfSatisfying(SecondFactorRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REQUEST_REJECTED))
        .hasMessageContaining("40002").hasMessageContaining("no capable device");
  }

  // ---- signatures, client cache, logs -----------------------------------------------------------

  @Test
  void signsWithEachConfiguredVersion() {
    for (DuoConfig.Signature signature : DuoConfig.Signature.values()) {
      DuoSecondFactorGateway other = rig.gateway(rig.config().withSignature(signature));

      assertThat(other.verifyPasscode(rig.settings, user("alice"), new Passcode("123456"), CLIENT))
          .isInstanceOf(AuthStatus.Allowed.class);
      other.check(rig.settings);
      assertThat(requests("/auth/v2/auth")).last().extracting(LoggedRequest::signatureVersion)
          .isEqualTo(switch (signature) {
            case V2_HMAC_SHA512 -> "v2-sha512";
            case V2_HMAC_SHA1 -> "v2-sha1";
            case V5_HMAC_SHA512 -> "v5";
          });
    }
  }

  @Test
  void keepsOneClientPerHostAndIntegrationKeyAndReplacesItWhenTheSecretRotates() {
    DuoSecondFactorGateway fresh = rig.gateway();
    fresh.check(rig.settings);
    fresh.preauth(rig.settings, user("alice"), CLIENT);
    fresh.verifyPasscode(rig.settings, user("alice"), new Passcode("123456"), CLIENT);

    assertThat(fresh.connections().cachedClients()).isEqualTo(1);
    assertThatThrownBy(() -> fresh.check(rig.settings(rig.simulator.integrationKey(), "C".repeat(40))))
        .isInstanceOf(SecondFactorRejectedException.class);
    assertThat(fresh.connections().cachedClients()).isEqualTo(1);
    fresh.check(rig.settings);
    assertThat(fresh.connections().cachedClients()).isEqualTo(1);
  }

  @Test
  void wireLogRedactsAuthorizationAndPasscodesAndNeverShowsTheSecretKey() {
    Logger wire = (Logger) LoggerFactory.getLogger(DuoWireLogger.NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    wire.addAppender(appender);
    wire.setLevel(Level.DEBUG);
    try {
      gateway.verifyPasscode(rig.settings, user("alice"), new Passcode("123456"), CLIENT);
      gateway.verifyPasscode(rig.settings, user("alice"), new Passcode("987654"), CLIENT);
    } finally {
      wire.setLevel(null);
      wire.detachAppender(appender);
    }
    String log = String.join("\n", appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());

    assertThat(log).contains("/auth/v2/auth", "Authorization: [redacted]", "passcode=[redacted]")
        .doesNotContain("123456", "987654", rig.simulator.secretKey(), "Basic ");
  }
}
