package dev.gatehouse.application.service;

import static dev.gatehouse.application.service.GatehouseFixtures.MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.OTHER_MEMBER;
import static dev.gatehouse.application.service.GatehouseFixtures.PHONE;
import static dev.gatehouse.application.service.GatehouseFixtures.activate;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActiveDevice;
import static dev.gatehouse.application.service.GatehouseFixtures.aMemberWithActivePush;
import static dev.gatehouse.application.service.GatehouseFixtures.audit;
import static dev.gatehouse.application.service.GatehouseFixtures.choose;
import static dev.gatehouse.application.service.GatehouseFixtures.open;
import static dev.gatehouse.application.service.GatehouseFixtures.pending;
import static dev.gatehouse.application.service.GatehouseFixtures.select;
import static dev.gatehouse.application.service.GatehouseFixtures.verifying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.application.Gatehouse;
import dev.gatehouse.application.GatehouseOptions;
import dev.gatehouse.application.fake.FakeSecondFactorGateway.Operation;
import dev.gatehouse.application.fake.InMemoryGatehouse;
import dev.gatehouse.application.port.in.challenge.BusyException;
import dev.gatehouse.application.port.in.challenge.ChallengeView;
import dev.gatehouse.application.port.in.challenge.GetChallengeQuery;
import dev.gatehouse.application.port.in.challenge.OpenWorkspaceCommand;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.GatehousePorts;
import dev.gatehouse.domain.audit.AuditEventType;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.mfa.Failmode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Following pending Duo requests (issues 15 and 18): one Duo long poll per pending push whoever
 * waits, readers woken by changes made anywhere, a lapsed follower taken over, a node that refuses
 * more than it may follow, and an abandoned passcode prompt that never blocks the next request.
 */
class ChallengeFollowingTest {
  private static final Duration SETTLES = Duration.ofSeconds(5);

  @Test
  void manyWaitingReadersShareOneDuoLongPoll() throws Exception {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();
    await().atMost(SETTLES).until(() -> env.duo.count(Operation.AWAIT_STATUS) >= 1);
    long polls = env.duo.count(Operation.AWAIT_STATUS);

    List<CompletableFuture<ChallengeView>> readers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      readers.add(env.gatehouse.getChallenge().get(new GetChallengeQuery(MEMBER, id, Duration.ofSeconds(10)))
          .toCompletableFuture());
    }
    Thread.sleep(300);
    assertThat(env.duo.count(Operation.AWAIT_STATUS)).as("readers never ask Duo themselves").isEqualTo(polls);
    assertThat(env.gatehouse.challenges().waiting()).isEqualTo(20);

    env.duo.approve(env.duo.lastTransaction());

    for (CompletableFuture<ChallengeView> reader : readers) {
      assertThat(reader.get(5, TimeUnit.SECONDS).state()).isEqualTo(ChallengeState.APPROVED);
    }
    assertThat(env.gatehouse.challenges().waiting()).isZero();
    assertThat(env.gatehouse.challenges().following()).isZero();
  }

  @Test
  void aChangeMadeBetweenAReadersReadAndItsWaitWakesItAtOnce() throws Exception {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();
    // Another process approves the push just after this reader's read, before the reader waits:
    // the signal falls into the gap a registration after the read would leave open.
    ChallengeRepository stored = env.ports.challenges();
    AtomicBoolean armed = new AtomicBoolean();
    ChallengeRepository racing = (ChallengeRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ChallengeRepository.class}, (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(stored, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("find") && armed.compareAndSet(true, false)) {
            stored.update(stored.find(id).orElseThrow().approve(StatusMessage.of("Approved elsewhere")));
            env.ports.signals().publish(id);
          }
          return result;
        });
    GatehousePorts p = env.ports;
    GatehousePorts ports = new GatehousePorts(p.users(), p.apiTokens(), p.workspaces(), p.policies(),
        p.deviceChoices(), racing, p.sessions(), p.guards(), p.entries(), p.audit(), p.unitOfWork(),
        p.secondFactor(), p.masterKeys(), p.tokens(), p.clock(), p.telemetry(), p.signals());
    try (Gatehouse reader = Gatehouse.assemble(ports, GatehouseOptions.server())) {
      armed.set(true);
      long start = System.nanoTime();
      ChallengeView view = reader.getChallenge().get(new GetChallengeQuery(MEMBER, id, Duration.ofSeconds(20)))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(armed).as("the change was made after the reader's read").isFalse();
      assertThat(view.state()).isEqualTo(ChallengeState.APPROVED);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("woken by the signal, not at the end of its wait")
          .isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void readersWokenTogetherAreReReadInOneBatchNotOneByOne() throws Exception {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();
    ChallengeRepository stored = env.ports.challenges();
    Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    AtomicInteger slowReads = new AtomicInteger(1);
    ChallengeRepository counted = (ChallengeRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ChallengeRepository.class}, (proxy, method, args) -> {
          reads.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
          if (method.getName().equals("findAll") && slowReads.getAndDecrement() > 0) {
            // A slow read: every other woken reader is queued behind it by the time it returns.
            Thread.sleep(500);
          }
          try {
            return method.invoke(stored, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    GatehousePorts p = env.ports;
    GatehousePorts ports = new GatehousePorts(p.users(), p.apiTokens(), p.workspaces(), p.policies(),
        p.deviceChoices(), counted, p.sessions(), p.guards(), p.entries(), p.audit(), p.unitOfWork(),
        p.secondFactor(), p.masterKeys(), p.tokens(), p.clock(), p.telemetry(), p.signals());
    try (Gatehouse readerNode = Gatehouse.assemble(ports, GatehouseOptions.client())) {
      List<CompletableFuture<ChallengeView>> readers = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        readers.add(readerNode.getChallenge().get(new GetChallengeQuery(MEMBER, id, Duration.ofSeconds(20)))
            .toCompletableFuture());
      }
      await().atMost(SETTLES).until(() -> readerNode.challenges().waiting() == 30);
      reads.clear();

      env.duo.approve(env.duo.lastTransaction());

      for (CompletableFuture<ChallengeView> reader : readers) {
        assertThat(reader.get(5, TimeUnit.SECONDS).state()).isEqualTo(ChallengeState.APPROVED);
      }
      assertThat(reads.getOrDefault("find", new AtomicInteger()).get()).as("no reader re-reads on its own").isZero();
      assertThat(reads.get("findAll").get()).as("30 woken readers: the first alone, the rest in one batch")
          .isBetween(1, 3);
    }
  }

  @Test
  void aReaderOnAnotherNodeIsWokenByTheFollowersChange() throws Exception {
    InMemoryGatehouse env = aMemberWithActivePush();
    long pollsBefore = env.duo.count(Operation.AWAIT_STATUS);
    try (Gatehouse other = Gatehouse.assemble(env.ports, GatehouseOptions.server().withMaxPending(10))) {
      ChallengeId id = pending(open(env, MEMBER)).id();
      CompletableFuture<ChallengeView> reader = other.getChallenge()
          .get(new GetChallengeQuery(MEMBER, id, Duration.ofSeconds(10))).toCompletableFuture();
      Thread.sleep(200);

      env.duo.approve(env.duo.lastTransaction());

      assertThat(reader.get(5, TimeUnit.SECONDS).state()).isEqualTo(ChallengeState.APPROVED);
      assertThat(env.duo.count(Operation.AWAIT_STATUS) - pollsBefore).as("only the starting node followed it")
          .isEqualTo(1);
    }
  }

  @Test
  void aChallengeWhoseFollowerStoppedRenewingIsTakenOverAndSettledWithNobodyReading() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();
    env.gatehouse.close(); // this node stops following and hands its lease back
    Instant now = env.clock.instant();
    // A node that died right after taking the lease: it never renews it.
    assertThat(env.ports.challenges().lease(id, "dead-node", now, now.plusMillis(600))).isTrue();

    try (Gatehouse survivor = Gatehouse.assemble(env.ports, GatehouseOptions.server()
        .withLeaseTtl(Duration.ofMillis(300)))) {
      env.clock.advance(Duration.ofSeconds(1)); // the dead node's lease lapses
      await().atMost(SETTLES).until(() -> survivor.challenges().following() == 1);

      env.duo.reportFraud(env.duo.lastTransaction());

      await().atMost(SETTLES).until(() -> stored(env, id) == ChallengeState.DENIED);
      assertThat(audit(env, AuditEventType.SUSPENDED)).hasSize(1);
    }
  }

  @Test
  void aNodeThatLosesAPushsLeaseStopsFollowingItAndAbandonsItsDuoLongPoll() {
    InMemoryGatehouse env = aMemberWithActivePush();
    ChallengeId id = pending(open(env, MEMBER)).id();
    env.gatehouse.close(); // hands its lease back; the push is an orphan once its starter's turn passed

    try (Gatehouse follower = Gatehouse.assemble(env.ports, GatehouseOptions.server()
        .withLeaseTtl(Duration.ofMillis(300)))) {
      env.clock.advance(Duration.ofSeconds(1));
      await().atMost(SETTLES).until(() -> follower.challenges().following() == 1);
      int abandonedBefore = env.duo.abandonedPolls();

      // Another node takes the lease over while this one paused (its lease lapsed unrenewed).
      await().atMost(SETTLES).until(() -> {
        env.clock.advance(Duration.ofSeconds(1));
        Instant now = env.clock.instant();
        return env.ports.challenges().lease(id, "other-node", now, now.plus(Duration.ofHours(1)));
      });

      await().atMost(SETTLES).until(() -> follower.challenges().following() == 0);
      await().atMost(SETTLES).untilAsserted(() -> assertThat(env.duo.abandonedPolls() - abandonedBefore)
          .as("the long poll it had in flight is aborted, not left parked at Duo").isEqualTo(1));
      assertThat(stored(env, id)).isEqualTo(ChallengeState.PENDING);
    }
  }

  @Test
  void aNodeRefusesMorePendingPushesThanItMayFollowAndSendsNothing() {
    InMemoryGatehouse env = aMemberWithActivePush();
    activate(env, OTHER_MEMBER, select(PHONE, DuoMethod.PUSH));
    try (Gatehouse small = Gatehouse.assemble(env.ports, GatehouseOptions.server().withMaxPending(1))) {
      small.openWorkspace().open(new OpenWorkspaceCommand(MEMBER, GatehouseFixtures.WORKSPACE,
          GatehouseFixtures.CLIENT));
      long pushes = env.duo.count(Operation.START_AUTH);

      assertThatThrownBy(() -> small.openWorkspace().open(new OpenWorkspaceCommand(OTHER_MEMBER,
          GatehouseFixtures.WORKSPACE, GatehouseFixtures.CLIENT)))
          .isInstanceOfSatisfying(BusyException.class,
              busy -> assertThat(busy.retryAfter()).isPositive());
      assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
    }
  }

  @Test
  void aNodeWhoseHeapIsTooFullAfterCollectionRefusesNewPushesAsBusyAndSendsNothing() {
    InMemoryGatehouse env = aMemberWithActivePush();
    long pushes = env.duo.count(Operation.START_AUTH);
    // Any live heap at all is "too full" for this node: once a collection has reported, it refuses.
    try (Gatehouse tight = Gatehouse.assemble(env.ports, GatehouseOptions.server().withMaxHeapShare(1e-9))) {
      System.gc();
      await().atMost(SETTLES).untilAsserted(() -> assertThatThrownBy(() -> tight.openWorkspace().open(
          new OpenWorkspaceCommand(MEMBER, GatehouseFixtures.WORKSPACE, GatehouseFixtures.CLIENT)))
          .isInstanceOfSatisfying(BusyException.class, busy -> {
            assertThat(busy.getMessage()).contains("short of memory");
            assertThat(busy.retryAfter()).isPositive();
          }));
      assertThat(env.duo.count(Operation.START_AUTH)).isEqualTo(pushes);
    }
    // The default share leaves room for the same request.
    assertThat(pending(open(env, MEMBER)).state()).isEqualTo(ChallengeState.PENDING);
  }

  @Test
  void anAbandonedSmsChallengeIsSupersededByTheMembersNextRequestWithoutACooldown() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.SMS);
    ChallengeView abandoned = pending(open(env, MEMBER));
    assertThat(abandoned.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);

    ChallengeView push = verifying(choose(env, MEMBER, select(PHONE, DuoMethod.PUSH)));

    assertThat(push.state()).isEqualTo(ChallengeState.PENDING);
    assertThat(env.ports.challenges().find(abandoned.id()).orElseThrow().denialReason())
        .contains(DenialReason.CANCELLED);
    assertThat(audit(env, AuditEventType.CHALLENGE_DENIED))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("unlock: superseded"));
    assertThat(env.ports.guards().find(GatehouseFixtures.workspaceId(env), MEMBER)
        .flatMap(g -> g.cooldownUntil())).as("superseding starts no cooldown").isEmpty();
  }

  @Test
  void theSameSmsRequestAgainReturnsTheOpenChallengeInsteadOfSendingAnotherBatch() {
    InMemoryGatehouse env = aMemberWithActiveDevice(Failmode.SECURE, DuoMethod.SMS);
    ChallengeView first = pending(open(env, MEMBER));
    long batches = env.duo.count(Operation.SEND_SMS);

    ChallengeView again = pending(open(env, MEMBER));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(env.duo.count(Operation.SEND_SMS)).isEqualTo(batches);
  }

  private static ChallengeState stored(InMemoryGatehouse env, ChallengeId id) {
    return env.ports.challenges().find(id).orElseThrow().state();
  }
}
