package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.challenge.StepUpTarget;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores challenges, the shared truth between nodes. Methods throw {@link StorageException} when
 * storage fails.
 */
public interface ChallengeRepository {
  /**
   * Stores a new challenge. Throws {@link DuplicateEntryException} when the id exists or when the
   * member already has an open push, phone or SMS challenge for the workspace (at most one of
   * those at a time, see {@link dev.gatehouse.domain.mfa.DuoMethod#sendsToDevice()}).
   */
  void add(Challenge challenge);

  /**
   * Stores a changed challenge if nobody changed it since it was read, and returns it with the
   * next version; throws {@link ConcurrentUpdateException} otherwise.
   */
  Challenge update(Challenge challenge);

  Optional<Challenge> find(ChallengeId id);

  /** The challenges with these ids, in one read, in no particular order; ids of none are left out. */
  List<Challenge> findAll(Collection<ChallengeId> ids);

  /** The member's open push, phone or SMS challenge for the workspace, if any. */
  Optional<Challenge> findOpenDeviceRequest(WorkspaceId workspace, UserName user);

  /** The newest approved step-up for exactly this entry and session (by creation), if any. */
  Optional<Challenge> findLatestApprovedStepUp(WorkspaceId workspace, StepUpTarget target);

  /** Every open challenge (any method) of the member for the workspace, oldest first. */
  List<Challenge> findOpen(WorkspaceId workspace, UserName user);

  /**
   * Takes or renews the follow lease of a pending challenge with a Duo transaction for {@code node}
   * until {@code until}: succeeds when nobody holds it, its lease ended before {@code now}, or
   * {@code node} already holds it. The lease is apart from the challenge's version: taking it never
   * conflicts with a change of the challenge.
   */
  boolean lease(ChallengeId id, String node, Instant now, Instant until);

  /**
   * Renews every lease {@code node} holds on a still-pending challenge until {@code until}, and takes
   * up to {@code limit} more whose lease ended before {@code now}, or that nobody holds and that were
   * created before {@code unleasedBefore} (oldest expiry first, skipping rows another node is taking
   * at the same moment): a challenge just started is its starter's to lease, and taking it first
   * would give it two followers. Returns which leases were renewed (by id: the caller already has
   * those challenges, and learns which leases it lost) and the challenges taken.
   */
  HeldLeases renewAndTakeLeases(String node, Instant now, Instant until, Instant unleasedBefore, int limit);

  /** What a node holds after renewing: the leases it kept, and the challenges it took over. */
  record HeldLeases(Set<ChallengeId> renewed, List<Challenge> taken) {
    public HeldLeases {
      renewed = Set.copyOf(renewed);
      taken = List.copyOf(taken);
    }
  }

  /** Gives back the lease {@code node} holds on the challenge, if it holds one. */
  void releaseLease(ChallengeId id, String node);

  /** Gives back every lease {@code node} holds (a clean shutdown). */
  void releaseLeases(String node);

  /** How many challenges are open (pending or awaiting a passcode) and not yet past their expiry at {@code now}. */
  long countOpen(Instant now);
}
