package dev.gatehouse.adapter.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random web session ids and CSRF tokens (256 bits, URL-safe), their hashes and a constant-time comparison. */
final class WebTokens {
  static final int BYTES = 32;

  private final SecureRandom random;

  WebTokens(SecureRandom random) {
    this.random = random;
  }

  /** A fresh token: 32 random bytes, base64url without padding (43 characters). */
  String next() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 of the token, hex: what the node keeps instead of a web session id. */
  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Whether the presented token is the expected one, in time that does not depend on where they differ. */
  static boolean same(String expected, String presented) {
    if (expected == null || presented == null || expected.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
