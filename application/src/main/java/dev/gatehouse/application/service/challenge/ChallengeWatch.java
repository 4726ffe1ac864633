package dev.gatehouse.application.service.challenge;

import dev.gatehouse.application.port.in.NotFoundException;
import dev.gatehouse.application.port.in.challenge.BusyException;
import dev.gatehouse.application.service.common.Transactions;
import dev.gatehouse.application.port.out.AuthStatus;
import dev.gatehouse.application.port.out.ChallengeRepository;
import dev.gatehouse.application.port.out.ChallengeRepository.HeldLeases;
import dev.gatehouse.application.port.out.ChallengeSignals;
import dev.gatehouse.application.port.out.MfaPolicyRepository;
import dev.gatehouse.application.port.out.SecondFactorGateway;
import dev.gatehouse.application.port.out.SecondFactorRejectedException;
import dev.gatehouse.application.port.out.SecondFactorUnavailableException;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.mfa.DuoSettings;
import dev.gatehouse.domain.mfa.MfaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This process's part in waiting on Duo (design-notes §1, ADR 0008): it follows the pending pushes
 * and calls it holds a lease on, each with exactly one Duo long poll in flight and no thread waiting,
 * and it parks the clients that wait for a challenge to change until a signal (from this process or,
 * through {@link ChallengeSignals}, any other) says it changed. Leases are renewed every third of
 * their life; a process that dies stops renewing, and another one takes its challenges over. Part of
 * {@link ChallengeLifecycle}.
 */
final class ChallengeWatch implements AutoCloseable {
  /**
   * Long polls one follow may make: Duo answers each when the transaction's status changes, so a
   * real transaction needs a handful; the bound stops a gateway that answers "waiting" at once from
   * making it spin (the lease then lapses and the follow starts afresh later).
   */
  static final int MAX_POLLS = 64;
  /** Back-off between retries after a transient Duo or storage failure while following. */
  static final Duration FIRST_RETRY = Duration.ofMillis(500);
  static final Duration LAST_RETRY = Duration.ofSeconds(8);
  /** What a refused client is told to wait before trying again. */
  static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);
  /** The fixed pool that renews leases, retries follows and re-reads challenges for woken clients. */
  static final int THREADS = 4;
  /** Challenges re-read for woken waiters in one statement at most. */
  static final int REREAD_BATCH = 256;
  private static final System.Logger LOG = System.getLogger(ChallengeWatch.class.getName());

  private final ChallengeRepository challenges;
  private final MfaPolicyRepository policies;
  private final SecondFactorGateway gateway;
  private final ChallengeSettlement settlement;
  private final Following following;
  private final Clock clock;
  private final Map<ChallengeId, Follow> follows = new ConcurrentHashMap<>();
  private final Map<ChallengeId, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
  private final Rereads rereads = new Rereads();
  private final ScheduledExecutorService scheduler = Pool.SHARED;
  private final ScheduledFuture<?> renewal;
  private final AutoCloseable subscription;
  private final AtomicInteger storageFailuresLogged = new AtomicInteger();
  private volatile boolean closed;

  ChallengeWatch(ChallengeRepository challenges, MfaPolicyRepository policies, SecondFactorGateway gateway,
      ChallengeSettlement settlement, ChallengeSignals signals, Following following, Clock clock) {
    this.challenges = challenges;
    this.policies = policies;
    this.gateway = gateway;
    this.settlement = settlement;
    this.following = following;
    this.clock = clock;
    this.subscription = signals.subscribe(this::changed);
    long renewEvery = Math.max(100, following.leaseTtl().toMillis() / 3);
    this.renewal = scheduler.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery,
        TimeUnit.MILLISECONDS);
  }

  /**
   * The fixed pool every watch in the process shares (a process normally assembles Gatehouse once;
   * tests assemble many, and must not pile up threads).
   */
  private static final class Pool {
    static final ScheduledExecutorService SHARED = create();

    private static ScheduledExecutorService create() {
      AtomicInteger threads = new AtomicInteger();
      ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "gatehouse-challenge-watch-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      pool.setRemoveOnCancelPolicy(true);
      return pool;
    }
  }

  /**
   * Refuses a new push or call when this process already follows as many as it may, or when its
   * heap is too full after garbage collection to take on more waiting clients: it degrades to
   * "busy" instead of running out of memory.
   */
  void requireRoom() {
    if (follows.size() >= following.maxPending()) {
      throw new BusyException("this node is following " + follows.size()
          + " pending Duo requests, its limit; try again shortly", BUSY_RETRY_AFTER);
    }
    if (heapTight()) {
      throw new BusyException("this node is short of memory; try again shortly", BUSY_RETRY_AFTER);
    }
  }

  private boolean heapTight() {
    return HeapHeadroom.usedShare() > following.maxHeapShare();
  }

  /**
   * How this process takes part in following: its name in leases, how many it follows at most and
   * how full its heap may be to take more, the lease's life, and whether it takes over lapsed leases
   * (see {@code GatehouseOptions}).
   */
  record Following(String node, int maxPending, double maxHeapShare, Duration leaseTtl, boolean takeOver) {}

  /** How many pending pushes and calls this process follows now. */
  int followingCount() {
    return follows.size();
  }

  /**
   * Follows a pending push or call with a Duo transaction, if no other process does: takes its
   * lease, then keeps one long poll in flight until it settles, expires or the lease is lost.
   * {@code settings} saves a read of the workspace's policy when the caller has it.
   */
  void follow(Challenge challenge, Optional<DuoSettings> settings) {
    if (closed || follows.containsKey(challenge.id()) || !followable(challenge)
        || follows.size() >= following.maxPending()) {
      return;
    }
    Instant now = clock.instant();
    boolean leased;
    try {
      leased = challenges.lease(challenge.id(), following.node(), now, now.plus(following.leaseTtl()));
    } catch (RuntimeException e) {
      logStorageFailure(challenge, e);
      return;
    }
    if (leased) {
      start(challenge, settings);
    }
  }

  private void start(Challenge challenge, Optional<DuoSettings> settings) {
    Follow follow = new Follow(challenge);
    if (follows.putIfAbsent(challenge.id(), follow) != null) {
      return;
    }
    try {
      follow.settings = settings.orElseGet(() -> duoSettings(challenge));
    } catch (RuntimeException e) {
      end(follow);
      return;
    }
    if (follow.settings == null) {
      end(follow);
      return;
    }
    poll(follow);
  }

  /** The workspace's Duo settings, or null after failing the challenge when Duo is no longer configured. */
  private DuoSettings duoSettings(Challenge challenge) {
    MfaPolicy policy = policies.find(challenge.workspace());
    if (policy instanceof MfaPolicy.Duo duo) {
      return duo.settings();
    }
    settlement.transition(challenge.id(), c -> c.fail(EndCode.DUO_NOT_CONFIGURED, StatusMessage.NONE));
    return null;
  }

  private static boolean followable(Challenge challenge) {
    return challenge.state() == ChallengeState.PENDING && challenge.duoTransaction().isPresent();
  }

  private void poll(Follow follow) {
    if (follow.stopped || closed) {
      return;
    }
    Challenge current = follow.challenge;
    Instant now = clock.instant();
    if (!now.isBefore(current.expiresAt())) {
      guarded(follow, () -> settlement.expireIfDue(current));
      end(follow);
      return;
    }
    if (follow.polls++ >= MAX_POLLS) {
      end(follow);
      return;
    }
    Duration wait = Duration.between(now, current.expiresAt());
    CompletableFuture<AuthStatus> answer;
    try {
      answer = gateway.awaitStatus(follow.settings, current.duoTransaction().orElseThrow(), wait)
          .toCompletableFuture();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    follow.polling = answer;
    if (follow.stopped) {
      answer.cancel(true); // ended (lease lost, closed) while this poll was being sent
    }
    answer.whenComplete((status, error) -> {
      if (follow.stopped || closed) {
        return;
      }
      guarded(follow, () -> {
        if (error == null) {
          follow.failures = 0;
          next(follow, settlement.apply(current, status));
          return;
        }
        RuntimeException failure = unwrap(error);
        if (failure instanceof SecondFactorUnavailableException || failure instanceof SecondFactorRejectedException
            rejected && rejected.reason() == SecondFactorRejectedException.Reason.RATE_LIMITED) {
          // Duo may still hold the push: a transient failure (an outage, a rate limit) never ends
          // it; retry until it expires.
          retryLater(follow);
          return;
        }
        next(follow, settlement.applyFailure(current.id(), failure));
      });
    });
  }

  private void next(Follow follow, Challenge settled) {
    if (settled.state() != ChallengeState.PENDING) {
      end(follow);
      return;
    }
    follow.challenge = settled;
    poll(follow);
  }

  /** Runs a step of a follow; a storage failure is retried later, never lost. */
  private void guarded(Follow follow, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      logStorageFailure(follow.challenge, e);
      retryLater(follow);
    }
  }

  private void retryLater(Follow follow) {
    int failures = follow.failures++;
    long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures, 10));
    if (follow.stopped || closed) {
      return;
    }
    scheduler.schedule(() -> poll(follow), delay, TimeUnit.MILLISECONDS);
  }

  /** Stops a follow; a Duo long poll still in flight is abandoned (its request aborted). */
  private void end(Follow follow) {
    follow.stopped = true;
    follows.remove(follow.challenge.id(), follow);
    CompletableFuture<AuthStatus> polling = follow.polling;
    if (polling != null) {
      polling.cancel(true);
    }
  }

  /**
   * Renews this process's leases and, on a server, takes over pending challenges whose follower
   * stopped renewing; follows it lost to another process stop.
   */
  private void renewLeases() {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    long began = System.nanoTime();
    int room = following.takeOver() && !heapTight() ? Math.max(0, following.maxPending() - follows.size()) : 0;
    if (follows.isEmpty() && room == 0) {
      return;
    }
    HeldLeases held;
    try {
      // A challenge nobody leases yet is its starter's for one lease life (it leases it right after
      // Duo answers); after that it is an orphan (its starter died in between) and anyone's.
      held = challenges.renewAndTakeLeases(following.node(), now, now.plus(following.leaseTtl()),
          now.minus(following.leaseTtl()), room);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Renewing the Duo follow leases failed (" + e.getMessage()
          + "); retrying in " + following.leaseTtl().toMillis() / 3 + " ms");
      return;
    }
    for (Challenge challenge : held.taken()) {
      start(challenge, Optional.empty());
    }
    for (ChallengeId id : held.renewed()) {
      if (!follows.containsKey(id)) {
        // Held but not followed (its follow gave up after MAX_POLLS, or could not start): again.
        restart(id);
      }
    }
    for (Follow follow : new ArrayList<>(follows.values())) {
      if (!held.renewed().contains(follow.challenge.id()) && follow.startedNanos - began < 0) {
        // Lost (another process took it after a pause here) or settled meanwhile.
        end(follow);
      }
    }
  }

  private void restart(ChallengeId id) {
    Optional<Challenge> challenge;
    try {
      challenge = challenges.find(id);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "reading a held challenge failed; the next renewal tries again", e);
      return;
    }
    challenge.filter(ChallengeWatch::followable).ifPresent(c -> start(c, Optional.empty()));
  }

  /**
   * Registers for the next change of a challenge the caller is about to read: a change between that
   * read and the wait then wakes the caller too (a registration after the read would miss it).
   */
  Listening listen(ChallengeId id, Duration wait) {
    return new Listening(changeOf(id, wait), System.nanoTime() + wait.toNanos());
  }

  /**
   * The challenge once it is final, once a Verified Duo Push's code appears or changes, or after
   * {@code wait}, whichever is first; followed meanwhile if no process follows it. No thread waits:
   * the client is parked until a signal or the end of its wait (measured on the monotonic clock, so
   * the domain clock only decides expiry). Only for a challenge no other process can have changed
   * since this one wrote it; a reader uses {@link #listen} before its read.
   */
  CompletableFuture<Challenge> awaitChange(Challenge challenge, Duration wait) {
    return awaitChange(challenge, listen(challenge.id(), wait));
  }

  /** As {@link #awaitChange(Challenge, Duration)}, for a challenge read after {@code listening} began. */
  CompletableFuture<Challenge> awaitChange(Challenge read, Listening listening) {
    return awaitChange(read, read.verificationCode(), listening.change, listening.deadlineNanos);
  }

  private CompletableFuture<Challenge> awaitChange(Challenge read, Optional<?> seenCode, CompletableFuture<Void> change,
      long deadlineNanos) {
    Challenge current = settlement.expireIfDue(read);
    long left = deadlineNanos - System.nanoTime();
    boolean newCode = current.verificationCode().isPresent() && !current.verificationCode().equals(seenCode);
    if (current.state().isFinal() || newCode || closed || left <= 0) {
      change.complete(null);
      return CompletableFuture.completedFuture(current);
    }
    follow(current, Optional.empty());
    return change.thenCompose(x -> {
      // Listen again before reading again, for the same reason as listen().
      long rest = Math.max(0, deadlineNanos - System.nanoTime());
      CompletableFuture<Void> next = changeOf(current.id(), Duration.ofNanos(rest));
      return rereads.read(current.id())
          .thenComposeAsync(fresh -> awaitChange(fresh, seenCode, next, deadlineNanos), scheduler);
    });
  }

  /**
   * The re-reads of woken waiters, in batches: a burst of changes (Duo answering thousands of
   * pushes at once) costs one statement per batch of up to {@value #REREAD_BATCH} challenges
   * instead of one per waiter. One batch is read at a time, on the pool; waiters continue on the
   * pool as their challenge arrives.
   */
  private final class Rereads {
    private final Queue<Reread> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private record Reread(ChallengeId id, CompletableFuture<Challenge> result) {}

    CompletableFuture<Challenge> read(ChallengeId id) {
      CompletableFuture<Challenge> result = new CompletableFuture<>();
      queued.add(new Reread(id, result));
      drainSoon();
      return result;
    }

    private void drainSoon() {
      if (!queued.isEmpty() && draining.compareAndSet(false, true)) {
        try {
          scheduler.execute(this::drain);
        } catch (RejectedExecutionException e) {
          draining.set(false);
          failAll(e);
        }
      }
    }

    private void drain() {
      try {
        Map<ChallengeId, List<CompletableFuture<Challenge>>> batch = new HashMap<>();
        for (Reread next = queued.poll(); next != null; next = batch.size() < REREAD_BATCH ? queued.poll() : null) {
          batch.computeIfAbsent(next.id(), id -> new ArrayList<>(1)).add(next.result());
        }
        if (!batch.isEmpty()) {
          read(batch);
        }
      } finally {
        draining.set(false);
        drainSoon();
      }
    }

    private void read(Map<ChallengeId, List<CompletableFuture<Challenge>>> batch) {
      List<Challenge> found;
      try {
        found = Transactions.read(() -> challenges.findAll(batch.keySet()));
      } catch (RuntimeException e) {
        batch.values().forEach(results -> results.forEach(result -> result.completeExceptionally(e)));
        return;
      }
      for (Challenge challenge : found) {
        List<CompletableFuture<Challenge>> results = batch.remove(challenge.id());
        if (results != null) {
          results.forEach(result -> result.complete(challenge));
        }
      }
      batch.forEach((id, results) -> results.forEach(result -> result.completeExceptionally(
          new NotFoundException("no challenge " + id))));
    }

    private void failAll(RuntimeException e) {
      for (Reread next = queued.poll(); next != null; next = queued.poll()) {
        next.result().completeExceptionally(e);
      }
    }
  }

  /** A registration for a challenge's next change, with the end of the caller's wait. */
  static final class Listening {
    private final CompletableFuture<Void> change;
    private final long deadlineNanos;

    private Listening(CompletableFuture<Void> change, long deadlineNanos) {
      this.change = change;
      this.deadlineNanos = deadlineNanos;
    }

    /** Drops the registration (the caller will not wait after all). */
    void cancel() {
      change.complete(null);
    }
  }

  /**
   * Completes when the challenge changes (a signal from any process) or {@code wait} has passed,
   * whichever is first. Holds no thread meanwhile.
   */
  CompletableFuture<Void> changeOf(ChallengeId id, Duration wait) {
    CompletableFuture<Void> woken = new CompletableFuture<>();
    if (closed) {
      woken.complete(null);
      return woken;
    }
    waiters.compute(id, (key, list) -> {
      List<CompletableFuture<Void>> next = list == null ? new ArrayList<>(2) : list;
      next.add(woken);
      return next;
    });
    woken.completeOnTimeout(null, Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    woken.whenComplete((x, e) -> waiters.computeIfPresent(id, (key, list) -> {
      list.remove(woken);
      return list.isEmpty() ? null : list;
    }));
    return woken;
  }

  private void changed(ChallengeId id) {
    List<CompletableFuture<Void>> woken = waiters.remove(id);
    if (woken != null) {
      woken.forEach(future -> future.complete(null));
    }
  }

  /** How many clients wait for a change now. */
  int waiting() {
    return waiters.values().stream().mapToInt(List::size).sum();
  }

  /**
   * Stops following (leases handed back, so another process takes over at once) and answers every
   * waiting client with the challenge as it stands.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    new ArrayList<>(follows.values()).forEach(this::end);
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the challenge signal subscription failed", e);
    }
    for (ChallengeId id : new ArrayList<>(waiters.keySet())) {
      changed(id);
    }
    renewal.cancel(false);
    try {
      challenges.releaseLeases(following.node());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Handing back the Duo follow leases failed (" + e.getMessage()
          + "); other nodes take them over when they lapse");
    }
  }

  private void logStorageFailure(Challenge challenge, RuntimeException e) {
    // One line per failure, the stack only at debug: storage outages are reported by /ready.
    if (storageFailuresLogged.incrementAndGet() <= 100) {
      LOG.log(System.Logger.Level.WARNING, "Following the Duo request of " + challenge.user() + " (txid "
          + challenge.duoTransaction().map(Object::toString).orElse("none") + ") failed: " + e.getMessage()
          + "; retrying");
    }
    LOG.log(System.Logger.Level.DEBUG, "follow failure", e);
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
  }

  /** One followed challenge: the latest state seen, the settings to ask Duo with, and its counters. */
  private static final class Follow {
    volatile Challenge challenge;
    volatile DuoSettings settings;
    /** The Duo long poll in flight, if any. */
    volatile CompletableFuture<AuthStatus> polling;
    volatile boolean stopped;
    final long startedNanos = System.nanoTime();
    int polls;
    int failures;

    Follow(Challenge challenge) {
      this.challenge = challenge;
    }
  }
}
