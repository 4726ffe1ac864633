package dev.gatehouse.duosim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Duo-shaped identifiers: deterministic ones derived from names, random ones for keys and tokens. */
final class Ids {

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A 20-character id such as {@code DU...} whose 18-character tail is derived from {@code seed}. */
  static String derived(String prefix, String seed) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(prefix);
      for (int i = 0; sb.length() < 20; i++) {
        sb.append(UPPER.charAt((hash[i] & 0xff) % UPPER.length()));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String random(String prefix, int length, boolean mixedCase) {
    String alphabet = mixedCase ? MIXED : UPPER;
    StringBuilder sb = new StringBuilder(prefix);
    while (sb.length() < length) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static String digits(int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return sb.toString();
  }

  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.toString();
  }
}
