package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.mfa.MfaOptions;
import dev.gatehouse.domain.mfa.MfaPolicy;
import dev.gatehouse.domain.workspace.WorkspaceId;

/**
 * Stores each workspace's MFA policy; the Duo secret key is encrypted at rest by the implementation.
 * Methods throw {@link StorageException} when storage fails (including a secret that cannot be decrypted).
 */
public interface MfaPolicyRepository {
  void save(WorkspaceId workspace, MfaPolicy policy);

  /** The stored policy, or {@link MfaPolicy#NONE} when none was saved. */
  MfaPolicy find(WorkspaceId workspace);

  /**
   * The stored policy's options (lifetimes, cooldown, remember window), or the defaults when none
   * was saved: for paths that need no Duo credentials, so no secret is decrypted for them.
   */
  default MfaOptions options(WorkspaceId workspace) {
    return find(workspace) instanceof MfaPolicy.Duo duo ? duo.options() : MfaOptions.DEFAULTS;
  }
}
