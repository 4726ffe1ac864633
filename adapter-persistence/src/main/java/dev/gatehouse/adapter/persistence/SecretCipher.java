package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.port.out.StorageException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption at rest: AES-256-GCM under the key ring's current master key, a fresh random 96-bit
 * nonce per value, and associated data that binds each ciphertext to its place (column and
 * workspace), so it cannot be moved to another row. A value that does not open — wrong key,
 * unknown key id, tampered bytes, another row's ciphertext — is a {@link StorageException}, never
 * garbage. The static methods do the same under any given key (a workspace's data key, or the new
 * master key during a rotation).
 */
final class SecretCipher {
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A sealed value as stored: key id, nonce and ciphertext (with the GCM tag), side by side. */
  record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {}

  private final MasterKeySource keys;
  private final SecureRandom random;

  SecretCipher(MasterKeySource keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  SecretCipher(MasterKeySource keys) {
    this(keys, new SecureRandom());
  }

  SecretCipher(KeyRing keys) {
    this(MasterKeySource.fixed(keys));
  }

  Sealed seal(String plaintext, String associatedData) {
    byte[] plain = utf8(plaintext);
    try {
      return sealBytes(plain, associatedData);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  String open(Sealed sealed, String associatedData, String what) {
    byte[] plain = openBytes(sealed, associatedData, what);
    try {
      return text(plain, what);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Seals bytes under the current master key. */
  Sealed sealBytes(byte[] plain, String associatedData) {
    MasterKey key = keys.current();
    return seal(key.key(), key.id(), plain, associatedData, random);
  }

  /** Opens bytes sealed under any master key of the ring (reloading the key file once on a miss). */
  byte[] openBytes(Sealed sealed, String associatedData, String what) {
    MasterKey key = keys.find(sealed.keyId()).orElseThrow(() -> new StorageException(
        "cannot decrypt " + what + ": it was encrypted under master key id " + sealed.keyId()
            + ", but the configured master key has id " + keys.current().id()
            + " (wrong master key, or an old key missing from the configuration)"));
    return open(key.key(), key.id(), sealed, associatedData, what);
  }

  String currentKeyId() {
    return keys.current().id();
  }

  SecureRandom random() {
    return random;
  }

  /** Seals bytes under the given key, naming it by {@code keyId} (which is bound in too). */
  static Sealed seal(SecretKey key, String keyId, byte[] plain, String associatedData, SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(associatedData, keyId));
      return new Sealed(keyId, nonce, cipher.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new StorageException("cannot encrypt a secret: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Opens bytes sealed by {@link #seal(SecretKey, String, byte[], String, SecureRandom)} under this key. */
  static byte[] open(SecretKey key, String keyId, Sealed sealed, String associatedData, String what) {
    if (!keyId.equals(sealed.keyId())) {
      throw new StorageException("cannot decrypt " + what + ": it names key id " + sealed.keyId()
          + ", not " + keyId + " (it belongs to another row or workspace)");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(aad(associatedData, keyId));
      return cipher.doFinal(sealed.ciphertext());
    } catch (AEADBadTagException e) {
      throw new StorageException("cannot decrypt " + what
          + ": authentication failed (the stored value was altered or belongs to another row)");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new StorageException("cannot decrypt " + what + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** The text's UTF-8 bytes; the caller wipes them. */
  static byte[] utf8(String plaintext) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(plaintext));
    byte[] plain = new byte[encoded.remaining()];
    encoded.get(plain);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return plain;
  }

  /** Decodes strict UTF-8 (a value that is not is a {@link StorageException}). */
  static String text(byte[] plain, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plain)).toString();
    } catch (CharacterCodingException e) {
      throw new StorageException("cannot decrypt " + what + ": the plaintext is not UTF-8");
    }
  }

  private static byte[] aad(String associatedData, String keyId) {
    return ("gatehouse/v1|" + keyId + "|" + associatedData).getBytes(StandardCharsets.UTF_8);
  }
}
