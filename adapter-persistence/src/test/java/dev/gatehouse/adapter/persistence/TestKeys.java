package dev.gatehouse.adapter.persistence;

import java.security.SecureRandom;
import java.util.Base64;

/** Master keys for tests. */
final class TestKeys {
  private TestKeys() {}

  static String randomBase64() {
    byte[] key = new byte[MasterKey.BYTES];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  static KeyRing randomRing() {
    return KeyRing.of(MasterKey.fromBase64("test", randomBase64()));
  }
}
