package dev.gatehouse.application.port.out;

/**
 * Replaces the master key that wraps every workspace's data key (and the Duo secret keys): all of
 * it re-wrapped in one transaction, so a crash before it commits leaves the old key in force.
 * Throws {@link StorageException} when storage or the key store fails.
 */
public interface MasterKeyRotation {
  /** What a rotation did: the key ids before and after, and how many wrapped keys were re-wrapped. */
  record Rotated(String previousKeyId, String currentKeyId, int rewrapped) {}

  Rotated rotate();
}
