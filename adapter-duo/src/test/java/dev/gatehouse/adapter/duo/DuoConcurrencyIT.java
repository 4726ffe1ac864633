package dev.gatehouse.adapter.duo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.PreauthOutcome;
import dev.gatehouse.application.port.out.PushContext;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.challenge.ClientContext;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.mfa.DeviceId;
import dev.gatehouse.domain.mfa.DeviceSelection;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.DuoUsername;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceName;
import dev.gatehouse.duosim.Scenario;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A thousand pending pushes wait at once, in long polls that hold no thread each. */
class DuoConcurrencyIT {
  private static final int PUSHES = 1000;
  private static final Scenario.Device PHONE = Scenario.Device.phone("DPLOAD00000000000001", "", "Load phone",
      "auto", "push").withPush(Scenario.Reaction.waitForControl());

  @Test
  void resolvesAThousandConcurrentPushesWithABoundedNumberOfThreads() throws Exception {
    try (DuoRig rig = DuoRig.start(Scenario.builder().user(Scenario.User.active("load", PHONE)).build())) {
      DuoSecondFactorGateway gateway = rig.gateway(rig.config().withIoThreads(4));
      DuoUsername load = new DuoUsername("load");
      PushContext context = new PushContext("Unlock workspace", new WorkspaceName("ops"), new UserName("load"),
          ClientContext.UNKNOWN);
      DeviceSelection selection = new DeviceSelection(new DeviceId(PHONE.id()), DuoMethod.PUSH);

      List<DuoTransactionId> txids = new ArrayList<>();
      ExecutorService starters = Executors.newFixedThreadPool(16);
      try {
        List<Future<DuoTransactionId>> started = new ArrayList<>();
        for (int i = 0; i < PUSHES; i++) {
          started.add(starters.submit(() -> gateway.startAuth(rig.settings, load, selection, context)));
        }
        for (Future<DuoTransactionId> f : started) {
          txids.add(f.get());
        }
      } finally {
        starters.shutdownNow();
      }
      // Read each push's first event, so the next poll really parks at Duo. Opening a thousand
      // connections on a loaded machine can time out: a transient failure is retried, as the core's
      // follower does (ADR 0008).
      CompletableFuture.allOf(txids.stream().map(t -> firstEvent(gateway, rig, t, 3))
          .toArray(CompletableFuture[]::new)).get();

      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      int before = threads.getThreadCount();
      threads.resetPeakThreadCount();
      List<CompletableFuture<AuthStatus>> waits = new ArrayList<>();
      for (DuoTransactionId txid : txids) {
        waits.add(gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(60)).toCompletableFuture());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> rig.simulator.control().parkedRequests() >= PUSHES);
      int whileWaiting = threads.getThreadCount();
      assertThat(waits).noneMatch(CompletableFuture::isDone);

      assertThat(rig.simulator.control().approveAll()).isEqualTo(PUSHES);
      CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      assertThat(waits).allSatisfy(w -> assertThat(w.join()).isInstanceOf(AuthStatus.Allowed.class));
      // The client side adds a handful of threads at most; a thread per wait would add a thousand.
      assertThat(whileWaiting - before).isLessThan(50);
      assertThat(threads.getPeakThreadCount() - before).isLessThan(50);
    }
  }

  @Test
  void keepsAnsweringOtherCallsWhileCallersBlockInTheirContinuations() throws Exception {
    int pushes = 12;
    try (DuoRig rig = DuoRig.start(Scenario.builder().user(Scenario.User.active("load", PHONE)).build())) {
      // One I/O thread: a caller's continuation running on it would stop every other Duo call.
      DuoSecondFactorGateway gateway = rig.gateway(rig.config().withIoThreads(1));
      DuoUsername load = new DuoUsername("load");
      PushContext context = new PushContext("Unlock workspace", new WorkspaceName("ops"), new UserName("load"),
          ClientContext.UNKNOWN);
      DeviceSelection selection = new DeviceSelection(new DeviceId(PHONE.id()), DuoMethod.PUSH);
      List<DuoTransactionId> txids = new ArrayList<>();
      for (int i = 0; i < pushes; i++) {
        DuoTransactionId txid = gateway.startAuth(rig.settings, load, selection, context);
        gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(10)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        txids.add(txid);
      }
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger blocked = new AtomicInteger();
      List<String> continuationThreads = new CopyOnWriteArrayList<>();
      List<CompletableFuture<AuthStatus>> waits = new ArrayList<>();
      for (DuoTransactionId txid : txids) {
        // Like GetChallengeService: storage work (a busy connection pool here) chained on the answer.
        waits.add(gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(60)).thenApply(status -> {
          continuationThreads.add(Thread.currentThread().getName());
          blocked.incrementAndGet();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return status;
        }).toCompletableFuture());
      }
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.simulator.control().parkedRequests() >= pushes);
        rig.simulator.control().approveAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> blocked.get() > 0);

        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
          Future<PreauthOutcome> preauth = caller.submit(() -> gateway.preauth(rig.settings, load,
              ClientContext.UNKNOWN));
          assertThat(preauth.get(5, TimeUnit.SECONDS)).isInstanceOf(PreauthOutcome.Authenticate.class);
          Future<?> check = caller.submit(() -> gateway.check(rig.settings));
          check.get(5, TimeUnit.SECONDS);
        } finally {
          caller.shutdownNow();
        }
        assertThat(waits).noneMatch(CompletableFuture::isDone);
      } finally {
        release.countDown();
      }
      CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      assertThat(waits).allSatisfy(w -> assertThat(w.join()).isInstanceOf(AuthStatus.Allowed.class));
      assertThat(continuationThreads).hasSize(pushes).allSatisfy(name -> assertThat(name)
          .startsWith("gatehouse-duo-callbacks-"));
    }
  }

  private static CompletableFuture<AuthStatus> firstEvent(DuoSecondFactorGateway gateway, DuoRig rig,
      DuoTransactionId txid, int attempts) {
    return gateway.awaitStatus(rig.settings, txid, Duration.ofSeconds(10)).toCompletableFuture()
        .handle((status, error) -> error == null || attempts <= 1
            || !(unwrap(error) instanceof SecondFactorUnavailableException)
            ? (error == null ? CompletableFuture.completedFuture(status) : CompletableFuture.<AuthStatus>failedFuture(error))
            : firstEvent(gateway, rig, txid, attempts - 1))
        .thenCompose(next -> next);
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }
}
