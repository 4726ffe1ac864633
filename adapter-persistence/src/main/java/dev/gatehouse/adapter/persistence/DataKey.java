package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One workspace's 256-bit data key, unwrapped, and its id (derived from the key like a master
 * key's id, under another label), which entry rows store beside the ciphertext it sealed.
 */
final class DataKey {
  static final int BYTES = 32;

  private final String id;
  private final SecretKey key;

  private DataKey(byte[] material) {
    this.key = new SecretKeySpec(material, "AES");
    this.id = MasterKey.deriveId(material, "gatehouse data key id v1");
  }

  /** The key from its material, which is wiped once copied. */
  static DataKey consume(byte[] material) {
    try {
      if (material.length != BYTES) {
        throw new StorageException("a data key must have " + BYTES + " bytes, this one has " + material.length);
      }
      return new DataKey(material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  String id() {
    return id;
  }

  SecretKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "DataKey[" + id + "]";
  }
}
