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
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption at rest: AES-256-GCM under the key ring's current master key, a fresh random 96-bit
 * nonce per value, and associated data that binds each ciphertext to its place (column and
 * workspace), so it cannot be moved to another row. A value that does not open — wrong key,
 * unknown key id, tampered bytes, another row's ciphertext — is a {@link StorageException}, never
 * garbage.
 */
final class SecretCipher {
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A sealed value as stored: key id, nonce and ciphertext (with the GCM tag), side by side. */
  record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {}

  private final KeyRing keys;
  private final SecureRandom random;

  SecretCipher(KeyRing keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  SecretCipher(KeyRing keys) {
    this(keys, new SecureRandom());
  }

  Sealed seal(String plaintext, String associatedData) {
    MasterKey key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(plaintext));
    byte[] plain = new byte[encoded.remaining()];
    encoded.get(plain);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(associatedData, key.id()));
      return new Sealed(key.id(), nonce, cipher.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new StorageException("cannot encrypt a secret: " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(plain, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }

  String open(Sealed sealed, String associatedData, String what) {
    MasterKey key = keys.find(sealed.keyId()).orElseThrow(() -> new StorageException(
        "cannot decrypt " + what + ": it was encrypted under master key id " + sealed.keyId()
            + ", but the configured master key has id " + keys.current().id()
            + " (wrong master key, or an old key missing from the configuration)"));
    byte[] plain = null;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(aad(associatedData, key.id()));
      plain = cipher.doFinal(sealed.ciphertext());
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plain)).toString();
    } catch (AEADBadTagException e) {
      throw new StorageException("cannot decrypt " + what
          + ": authentication failed (the stored value was altered or belongs to another row)");
    } catch (CharacterCodingException e) {
      throw new StorageException("cannot decrypt " + what + ": the plaintext is not UTF-8");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new StorageException("cannot decrypt " + what + ": " + e.getClass().getSimpleName(), e);
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  String currentKeyId() {
    return keys.current().id();
  }

  private static byte[] aad(String associatedData, String keyId) {
    return ("gatehouse/v1|" + keyId + "|" + associatedData).getBytes(StandardCharsets.UTF_8);
  }
}
