package dev.gatehouse.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.ChallengeRepository.HeldLeases;
import dev.gatehouse.application.port.out.ConcurrentUpdateException;
import dev.gatehouse.application.port.out.DuplicateEntryException;
import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengePurpose;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.time.Duration;
import dev.gatehouse.domain.challenge.StepUpTarget;
import dev.gatehouse.domain.challenge.ChallengeState;
import dev.gatehouse.domain.challenge.DenialReason;
import dev.gatehouse.domain.challenge.DuoTransactionId;
import dev.gatehouse.domain.challenge.EndCode;
import dev.gatehouse.domain.challenge.StatusMessage;
import dev.gatehouse.domain.challenge.VerificationCode;
import dev.gatehouse.domain.mfa.DuoMethod;
import dev.gatehouse.domain.user.User;
import dev.gatehouse.domain.workspace.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@code ChallengeRepository} does. */
public interface ChallengeRepositoryContract extends StorageContract {
  Instant LEASE_NOW = Instant.parse("2026-12-04T10:00:00Z");

  /** A pending push with a Duo transaction: what a follow lease is for. */
  private Challenge aFollowablePush(String user, String workspace) {
    User owner = givenUser(user);
    Workspace where = givenWorkspace(workspace, owner);
    Challenge challenge = StorageFixtures.aChallenge(where, owner, StorageFixtures.push());
    ports().challenges().add(challenge);
    return ports().challenges().update(challenge.attachTransaction(
        new DuoTransactionId("45f7c92b-f45f-4862-8545-" + String.format("%012d", Math.abs(user.hashCode()))),
        StatusMessage.of("Pushed")));
  }

  @Test
  default void findsManyChallengesInOneRead() {
    Challenge alices = aFollowablePush("alice", "servers");
    Challenge bobs = aFollowablePush("bob", "desktops");
    aFollowablePush("carol", "printers");

    assertThat(ports().challenges().findAll(List.of(bobs.id(), alices.id(), StorageFixtures.aChallengeId(), bobs.id())))
        .as("each once, the unknown id left out").containsExactlyInAnyOrder(alices, bobs);
    assertThat(ports().challenges().findAll(List.of())).isEmpty();
  }

  @Test
  default void aFollowLeaseIsHeldByOneNodeUntilItLapses() {
    Challenge push = aFollowablePush("alice", "servers");
    var challenges = ports().challenges();

    assertThat(challenges.lease(push.id(), "node-a", LEASE_NOW, LEASE_NOW.plusSeconds(15))).isTrue();
    assertThat(challenges.lease(push.id(), "node-b", LEASE_NOW.plusSeconds(14), LEASE_NOW.plusSeconds(29)))
        .as("held by node-a").isFalse();
    assertThat(challenges.lease(push.id(), "node-a", LEASE_NOW.plusSeconds(5), LEASE_NOW.plusSeconds(20)))
        .as("renewed by its holder").isTrue();
    assertThat(challenges.lease(push.id(), "node-b", LEASE_NOW.plusSeconds(21), LEASE_NOW.plusSeconds(36)))
        .as("taken over once lapsed").isTrue();
    assertThat(challenges.find(push.id())).contains(push);
  }

  @Test
  default void takingALeaseNeverConflictsWithAChangeOfTheChallenge() {
    Challenge push = aFollowablePush("alice", "servers");

    ports().challenges().lease(push.id(), "node-a", LEASE_NOW, LEASE_NOW.plusSeconds(15));
    Challenge approved = ports().challenges().update(push.approve(StatusMessage.of("Success")));

    assertThat(approved.version()).isEqualTo(push.version() + 1);
    assertThat(ports().challenges().lease(push.id(), "node-a", LEASE_NOW, LEASE_NOW.plusSeconds(15)))
        .as("a settled challenge is followed by nobody").isFalse();
  }

  @Test
  default void renewingKeepsOwnLeasesAndTakesFreeOnesUpToTheLimit() {
    Challenge mine = aFollowablePush("alice", "servers");
    Challenge free = aFollowablePush("bob", "desktops");
    Challenge another = aFollowablePush("carol", "printers");
    Challenge theirs = aFollowablePush("dave", "routers");
    var challenges = ports().challenges();
    challenges.lease(mine.id(), "node-a", LEASE_NOW, LEASE_NOW.plusSeconds(15));
    challenges.lease(theirs.id(), "node-b", LEASE_NOW, LEASE_NOW.plusSeconds(15));

    HeldLeases held = challenges.renewAndTakeLeases("node-a", LEASE_NOW.plusSeconds(5),
        LEASE_NOW.plusSeconds(20), LEASE_NOW.plusSeconds(5), 1);

    assertThat(held.renewed()).containsExactly(mine.id());
    assertThat(held.taken()).hasSize(1).extracting(Challenge::id).containsAnyOf(free.id(), another.id());
    assertThat(held.taken().get(0)).as("a taken challenge comes whole")
        .isEqualTo(challenges.find(held.taken().get(0).id()).orElseThrow());
    assertThat(challenges.lease(mine.id(), "node-b", LEASE_NOW.plusSeconds(16), LEASE_NOW.plusSeconds(30)))
        .as("renewed until +20 s").isFalse();
  }

  @Test
  default void aChallengeNobodyLeasesYetIsLeftToItsStarterUntilItIsOldEnough() {
    Challenge push = aFollowablePush("alice", "servers");
    var challenges = ports().challenges();

    assertThat(challenges.renewAndTakeLeases("node-b", LEASE_NOW, LEASE_NOW.plusSeconds(15), push.createdAt(), 10))
        .as("just started: its starter's to lease").isEqualTo(new HeldLeases(Set.of(), List.of()));
    assertThat(challenges.renewAndTakeLeases("node-b", LEASE_NOW, LEASE_NOW.plusSeconds(15),
        push.createdAt().plusSeconds(1), 10).taken()).as("an orphan: anyone's").extracting(Challenge::id)
        .containsExactly(push.id());
  }

  @Test
  default void aLapsedLeaseIsTakenOverHoweverYoungTheChallenge() {
    Challenge push = aFollowablePush("alice", "servers");
    var challenges = ports().challenges();
    challenges.lease(push.id(), "node-a", LEASE_NOW, LEASE_NOW.plusSeconds(15));

    assertThat(challenges.renewAndTakeLeases("node-b", LEASE_NOW.plusSeconds(10), LEASE_NOW.plusSeconds(25),
        push.createdAt(), 10)).as("still held").isEqualTo(new HeldLeases(Set.of(), List.of()));
    assertThat(challenges.renewAndTakeLeases("node-b", LEASE_NOW.plusSeconds(16), LEASE_NOW.plusSeconds(31),
        push.createdAt(), 10).taken()).as("lapsed").extracting(Challenge::id).containsExactly(push.id());
    assertThat(challenges.renewAndTakeLeases("node-b", LEASE_NOW.plusSeconds(20), LEASE_NOW.plusSeconds(35),
        push.createdAt(), 10)).as("then renewed").isEqualTo(new HeldLeases(Set.of(push.id()), List.of()));
  }

  @Test
  default void releasedLeasesCanBeTakenAtOnce() {
    Challenge push = aFollowablePush("alice", "servers");
    var challenges = ports().challenges();
    challenges.lease(push.id(), "node-a", LEASE_NOW, LEASE_NOW.plusSeconds(15));

    challenges.releaseLeases("node-a");

    assertThat(challenges.lease(push.id(), "node-b", LEASE_NOW.plusSeconds(1), LEASE_NOW.plusSeconds(16))).isTrue();
    challenges.releaseLease(push.id(), "node-a");
    assertThat(challenges.lease(push.id(), "node-a", LEASE_NOW.plusSeconds(2), LEASE_NOW.plusSeconds(17)))
        .as("releasing someone else's lease does nothing").isFalse();
  }
  @Test
  default void roundTripsEveryField() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);

    Challenge stored = ports().challenges().update(challenge
        .attachTransaction(new DuoTransactionId("45f7c92b-f45f-4862-8545-e0f58e78075a"), StatusMessage.of("Pushed"))
        .deny(DenialReason.FRAUD, StatusMessage.of("Reported as fraud")));

    assertThat(ports().challenges().find(challenge.id())).contains(stored);
    assertThat(stored.version()).isEqualTo(challenge.version() + 1);
    assertThat(stored.denialReason()).contains(DenialReason.FRAUD);
  }

  @ParameterizedTest
  @EnumSource(EndCode.class)
  default void roundTripsHowGatehouseEndedAChallenge(EndCode code) {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);
    Challenge pushed = challenge.attachTransaction(new DuoTransactionId("45f7c92b-f45f-4862-8545-e0f58e78075a"),
        StatusMessage.of("Pushed"));
    Challenge ended = switch (code.state()) {
      case DENIED -> pushed.cancel(code);
      case FAILED -> pushed.fail(code, StatusMessage.of("cannot reach Duo at api-x.duosecurity.com"));
      default -> pushed.expire(pushed.expiresAt());
    };

    Challenge stored = ports().challenges().update(ended);

    Challenge found = ports().challenges().find(challenge.id()).orElseThrow();
    assertThat(found).isEqualTo(stored);
    assertThat(found.endCode()).contains(code);
    assertThat(found.statusMessage()).isEqualTo(ended.statusMessage());
  }

  @Test
  default void aChallengeDuoSettledHasNoEndCode() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);

    ports().challenges().update(challenge.deny(DenialReason.DENIED, StatusMessage.of("Login request denied.")));

    assertThat(ports().challenges().find(challenge.id()).orElseThrow().endCode()).isEmpty();
  }

  @Test
  default void roundTripsTheVerificationCodeOfAPendingPush() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);

    Challenge stored = ports().challenges().update(challenge
        .attachTransaction(new DuoTransactionId("45f7c92b-f45f-4862-8545-e0f58e78075a"), StatusMessage.of("Pushed"))
        .progress(StatusMessage.of("Please enter verification code 708 into Duo Mobile..."),
            Optional.of(new VerificationCode("708"))));

    assertThat(ports().challenges().find(challenge.id())).contains(stored);
    assertThat(stored.verificationCode()).contains(new VerificationCode("708"));
  }

  @Test
  default void roundTripsAPushSettledByAPasscode() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);

    Challenge stored = ports().challenges().update(challenge.reservePasscodeAttempt()
        .approveByPasscode(StatusMessage.of("Success. Logging you in...")));

    Challenge found = ports().challenges().find(challenge.id()).orElseThrow();
    assertThat(found).isEqualTo(stored);
    assertThat(found.settledBy()).isEqualTo(DuoMethod.PASSCODE);
    assertThat(found.passcodeAttempts()).as("a right passcode gives its attempt back").isZero();
  }

  @Test
  default void refusesAStaleUpdate() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);
    ports().challenges().update(challenge.approve(StatusMessage.of("ok")));

    assertThatThrownBy(() -> ports().challenges().update(challenge.deny(DenialReason.DENIED, StatusMessage.of("no"))))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThat(ports().challenges().find(challenge.id()).orElseThrow().state()).isEqualTo(ChallengeState.APPROVED);
  }

  @Test
  default void allowsOneOpenPushPerMemberAndWorkspace() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge first = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(first);

    assertThatThrownBy(() -> ports().challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push())))
        .isInstanceOf(DuplicateEntryException.class);
    assertThat(ports().challenges().findOpenDeviceRequest(workspace.id(), alice.name())).contains(first);

    ports().challenges().update(first.cancel());
    Challenge second = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(second);
    assertThat(ports().challenges().findOpenDeviceRequest(workspace.id(), alice.name())).contains(second);
  }

  @Test
  default void allowsOneOpenSmsPerMemberAndWorkspace() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge first = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.sms());
    ports().challenges().add(first);

    assertThatThrownBy(() -> ports().challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.sms())))
        .isInstanceOf(DuplicateEntryException.class);
    assertThat(ports().challenges().findOpenDeviceRequest(workspace.id(), alice.name())).contains(first);

    ports().challenges().update(first.cancel());
    Challenge second = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.sms());
    ports().challenges().add(second);
    assertThat(ports().challenges().findOpenDeviceRequest(workspace.id(), alice.name())).contains(second);
  }

  @Test
  default void anOpenPushAndAnOpenSmsShareOneSlot() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    ports().challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push()));

    assertThatThrownBy(() -> ports().challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.sms())))
        .isInstanceOf(DuplicateEntryException.class);
  }

  @Test
  default void otherMembersHaveTheirOwnSlot() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace workspace = givenWorkspace("servers", alice, bob);
    ports().challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.sms()));

    ports().challenges().add(StorageFixtures.aChallenge(workspace, bob, StorageFixtures.sms()));

    assertThat(ports().challenges().findOpenDeviceRequest(workspace.id(), bob.name())).isPresent();
  }

  @Test
  default void findsEveryOpenChallengeOfAMemberInAWorkspace() {
    User alice = givenUser("alice");
    User bob = givenUser("bob");
    Workspace workspace = givenWorkspace("servers", alice, bob);
    Workspace other = givenWorkspace("desktops", alice);
    Challenge push = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    Challenge passcode = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.passcode());
    Challenge finished = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.passcode());
    ports().challenges().add(push);
    ports().challenges().add(passcode);
    ports().challenges().add(finished);
    ports().challenges().update(finished.cancel());
    ports().challenges().add(StorageFixtures.aChallenge(workspace, bob, StorageFixtures.passcode()));
    ports().challenges().add(StorageFixtures.aChallenge(other, alice, StorageFixtures.passcode()));

    assertThat(ports().challenges().findOpen(workspace.id(), alice.name()))
        .extracting(Challenge::id)
        .containsExactlyInAnyOrder(push.id(), passcode.id());
  }

  @Test
  default void storesPasscodesCountedOnAnOpenChallenge() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.passcode());
    ports().challenges().add(challenge);
    Challenge reserved = challenge;
    for (int i = 0; i < Challenge.MAX_WRONG_PASSCODES; i++) {
      reserved = ports().challenges().update(reserved.reservePasscodeAttempt());
    }

    Challenge stored = ports().challenges().find(challenge.id()).orElseThrow();
    assertThat(stored.state()).isEqualTo(ChallengeState.AWAITING_PASSCODE);
    assertThat(stored.passcodeAttempts()).isEqualTo(Challenge.MAX_WRONG_PASSCODES);
  }

  @Test
  default void passcodeChallengesDoNotClaimThePushSlot() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    ports().challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.passcode()));
    ports().challenges().add(StorageFixtures.aChallenge(workspace, alice, StorageFixtures.passcode()));
    assertThat(ports().challenges().findOpenDeviceRequest(workspace.id(), alice.name())).isEmpty();
  }

  @Test
  default void concurrentCompletionsEndInExactlyOneOutcome() throws Exception {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);

    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        boolean approve = i % 2 == 0;
        results.add(pool.submit(() -> {
          start.await();
          try {
            ports().challenges().update(approve ? challenge.approve(StatusMessage.of("ok"))
                : challenge.deny(DenialReason.DENIED, StatusMessage.of("no")));
            return true;
          } catch (ConcurrentUpdateException lost) {
            return false;
          }
        }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      assertThat(ports().challenges().find(challenge.id()).orElseThrow().version()).isEqualTo(challenge.version() + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  private Challenge stepUp(Workspace workspace, User user, StepUpTarget target, Instant at) {
    return Challenge.startStepUp(StorageFixtures.aChallengeId(), workspace.id(), user.name(), target,
        StorageFixtures.passcode(), StatusMessage.of("Enter a passcode"), at.truncatedTo(ChronoUnit.MICROS),
        Duration.ofSeconds(90));
  }

  @Test
  default void roundTripsAStepUpWithItsEntryAndSession() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    StepUpTarget target = new StepUpTarget(ports().tokens().newEntryId(), ports().tokens().newSessionId());
    Challenge challenge = stepUp(workspace, alice, target, StorageFixtures.T0);
    ports().challenges().add(challenge);

    Challenge stored = ports().challenges().update(challenge.reservePasscodeAttempt()
        .approveByPasscode(StatusMessage.of("Success")));

    Challenge found = ports().challenges().find(challenge.id()).orElseThrow();
    assertThat(found).isEqualTo(stored);
    assertThat(found.purpose()).isEqualTo(ChallengePurpose.STEP_UP);
    assertThat(found.stepUp()).contains(target);
  }

  @Test
  default void findsTheNewestApprovedStepUpOfExactlyThatEntryAndSession() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    StepUpTarget target = new StepUpTarget(ports().tokens().newEntryId(), ports().tokens().newSessionId());
    StepUpTarget otherEntry = new StepUpTarget(ports().tokens().newEntryId(), target.session());
    StepUpTarget otherSession = new StepUpTarget(target.entry(), ports().tokens().newSessionId());
    Challenge older = stepUp(workspace, alice, target, StorageFixtures.T0);
    Challenge newer = stepUp(workspace, alice, target, StorageFixtures.T0.plusSeconds(60));
    Challenge open = stepUp(workspace, alice, target, StorageFixtures.T0.plusSeconds(120));
    Challenge denied = stepUp(workspace, alice, target, StorageFixtures.T0.plusSeconds(180));
    for (Challenge c : List.of(older, newer, open, denied, stepUp(workspace, alice, otherEntry, StorageFixtures.T0),
        stepUp(workspace, alice, otherSession, StorageFixtures.T0))) {
      ports().challenges().add(c);
    }
    assertThat(ports().challenges().findLatestApprovedStepUp(workspace.id(), target)).isEmpty();

    ports().challenges().update(older.approve(StatusMessage.of("ok")));
    Challenge approved = ports().challenges().update(newer.approve(StatusMessage.of("ok")));
    ports().challenges().update(denied.deny(DenialReason.DENIED, StatusMessage.of("no")));

    assertThat(ports().challenges().findLatestApprovedStepUp(workspace.id(), target)).contains(approved);
    assertThat(ports().challenges().findLatestApprovedStepUp(workspace.id(), otherEntry)).isEmpty();
    assertThat(ports().challenges().findLatestApprovedStepUp(workspace.id(), otherSession)).isEmpty();
  }

  @Test
  default void countsOpenChallengesUntilTheyAreSettledOrExpire() {
    User alice = givenUser("alice");
    Workspace workspace = givenWorkspace("servers", alice);
    Challenge challenge = StorageFixtures.aChallenge(workspace, alice, StorageFixtures.push());
    ports().challenges().add(challenge);
    Instant during = challenge.createdAt().plusSeconds(1);

    assertThat(ports().challenges().countOpen(during)).isEqualTo(1);
    assertThat(ports().challenges().countOpen(challenge.expiresAt())).isZero();

    ports().challenges().update(challenge.deny(DenialReason.DENIED,
        StatusMessage.of("Login request denied.")));
    assertThat(ports().challenges().countOpen(during)).isZero();
  }
}
