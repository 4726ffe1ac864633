package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One 256-bit master key and its id. The id is derived from the key (HMAC-SHA256 of a fixed label,
 * 64 bits), so a row's key id says which key sealed it and a wrong key is recognised by its id
 * alone, without decrypting anything; the id reveals nothing about the key.
 */
final class MasterKey {
  static final int BYTES = 32;

  private final String id;
  private final SecretKey key;

  private MasterKey(byte[] material) {
    if (material.length != BYTES) {
      throw new StorageException("a master key must be " + BYTES + " bytes (base64 of 32 random bytes), got "
          + material.length);
    }
    this.key = new SecretKeySpec(material, "AES");
    this.id = deriveId(material, "gatehouse master key id v1");
    Arrays.fill(material, (byte) 0);
  }

  static MasterKey of(byte[] material) {
    return new MasterKey(material.clone());
  }

  /** A new key from the given source of randomness. */
  static MasterKey random(SecureRandom random) {
    byte[] material = new byte[BYTES];
    random.nextBytes(material);
    return new MasterKey(material);
  }

  static MasterKey fromBase64(String source, String encoded) {
    byte[] material;
    try {
      material = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new StorageException("the master key from " + source + " is not valid base64");
    }
    if (material.length != BYTES) {
      throw new StorageException("the master key from " + source + " must be base64 of " + BYTES
          + " bytes, but has " + material.length);
    }
    return new MasterKey(material);
  }

  String id() {
    return id;
  }

  SecretKey key() {
    return key;
  }

  String toBase64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** 64 bits of HMAC-SHA256 of a fixed label under the key: names the key, reveals nothing of it. */
  static String deriveId(byte[] material, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(material, "HmacSHA256"));
      byte[] digest = mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
