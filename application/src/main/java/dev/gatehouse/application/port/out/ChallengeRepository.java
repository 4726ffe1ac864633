package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.challenge.Challenge;
import dev.gatehouse.domain.challenge.ChallengeId;
import dev.gatehouse.domain.user.UserName;
import dev.gatehouse.domain.workspace.WorkspaceId;
import java.util.Optional;

/**
 * Stores challenges, the shared truth between nodes. Methods throw {@link StorageException} when
 * storage fails.
 */
public interface ChallengeRepository {
  /**
   * Stores a new challenge. Throws {@link DuplicateEntryException} when the id exists or when the
   * member already has an open push or phone challenge for the workspace (at most one at a time).
   */
  void add(Challenge challenge);

  /**
   * Stores a changed challenge if nobody changed it since it was read, and returns it with the
   * next version; throws {@link ConcurrentUpdateException} otherwise.
   */
  Challenge update(Challenge challenge);

  Optional<Challenge> find(ChallengeId id);

  /** The member's open push or phone challenge for the workspace, if any. */
  Optional<Challenge> findOpenOutOfBand(WorkspaceId workspace, UserName user);
}
