package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.contract.StorageFixtures;
import dev.gatehouse.application.port.out.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherTest {
  private static final String AAD = JdbcMfaPolicyRepository.associatedData(
      new dev.gatehouse.domain.workspace.WorkspaceId("workspace-1"));
  private final KeyRing ring = TestKeys.randomRing();
  private final SecretCipher cipher = new SecretCipher(ring);

  @ParameterizedTest
  @ValueSource(strings = {StorageFixtures.SECRET_KEY, "", "ünïcödé ✓ 🔑"})
  void opensWhatItSealed(String plaintext) {
    SecretCipher.Sealed sealed = cipher.seal(plaintext, AAD);
    assertThat(cipher.open(sealed, AAD, "test")).isEqualTo(plaintext);
  }

  @Test
  void sealsWithTheCurrentKeyIdANinetySixBitNonceAndATag() {
    SecretCipher.Sealed sealed = cipher.seal(StorageFixtures.SECRET_KEY, AAD);
    assertThat(sealed.keyId()).isEqualTo(ring.current().id()).hasSize(16);
    assertThat(sealed.nonce()).hasSize(12);
    assertThat(sealed.ciphertext()).hasSize(StorageFixtures.SECRET_KEY.length() + 16);
    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(StorageFixtures.SECRET_KEY);
  }

  @Test
  void usesAFreshNonceForEveryValue() {
    Set<String> nonces = new HashSet<>();
    Set<String> ciphertexts = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      SecretCipher.Sealed sealed = cipher.seal(StorageFixtures.SECRET_KEY, AAD);
      nonces.add(HexFormat.of().formatHex(sealed.nonce()));
      ciphertexts.add(HexFormat.of().formatHex(sealed.ciphertext()));
    }
    assertThat(nonces).hasSize(1000);
    assertThat(ciphertexts).hasSize(1000);
  }

  @Test
  void detectsEveryFlippedBit() {
    SecretCipher.Sealed sealed = cipher.seal(StorageFixtures.SECRET_KEY, AAD);
    for (int bit = 0; bit < sealed.ciphertext().length * 8; bit += 7) {
      byte[] tampered = sealed.ciphertext().clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      SecretCipher.Sealed altered = new SecretCipher.Sealed(sealed.keyId(), sealed.nonce(), tampered);
      assertThatThrownBy(() -> cipher.open(altered, AAD, "the secret"))
          .isInstanceOf(StorageException.class).hasMessageContaining("authentication failed");
    }
    byte[] nonce = sealed.nonce().clone();
    nonce[0] ^= 1;
    assertThatThrownBy(() -> cipher.open(new SecretCipher.Sealed(sealed.keyId(), nonce, sealed.ciphertext()), AAD, "x"))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void refusesAValueSealedUnderAnotherKeyWithAClearMessage() {
    SecretCipher.Sealed sealed = new SecretCipher(TestKeys.randomRing()).seal(StorageFixtures.SECRET_KEY, AAD);
    assertThatThrownBy(() -> cipher.open(sealed, AAD, "the Duo secret key of workspace w"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("the Duo secret key of workspace w")
        .hasMessageContaining("master key id " + sealed.keyId())
        .hasMessageNotContaining(StorageFixtures.SECRET_KEY);
  }

  @Test
  void bindsTheCiphertextToItsWorkspace() {
    SecretCipher.Sealed sealed = cipher.seal(StorageFixtures.SECRET_KEY, AAD);
    String otherWorkspace = JdbcMfaPolicyRepository.associatedData(
        new dev.gatehouse.domain.workspace.WorkspaceId("workspace-2"));
    assertThatThrownBy(() -> cipher.open(sealed, otherWorkspace, "x"))
        .isInstanceOf(StorageException.class).hasMessageContaining("belongs to another row");
  }

  @Test
  void opensValuesSealedUnderAPreviousKeyAfterRotation() {
    SecretCipher.Sealed old = cipher.seal(StorageFixtures.SECRET_KEY, AAD);
    KeyRing rotated = new KeyRing(TestKeys.randomRing().current(), List.of(ring.current()));
    SecretCipher afterRotation = new SecretCipher(rotated);

    assertThat(afterRotation.open(old, AAD, "x")).isEqualTo(StorageFixtures.SECRET_KEY);
    assertThat(afterRotation.seal(StorageFixtures.SECRET_KEY, AAD).keyId()).isEqualTo(rotated.current().id());
  }

  @Test
  void derivesTheSameIdFromTheSameKeyOnly() {
    String base64 = TestKeys.randomBase64();
    assertThat(MasterKey.fromBase64("a", base64).id()).isEqualTo(MasterKey.fromBase64("b", base64).id());
    assertThat(MasterKey.fromBase64("a", base64).id()).isNotEqualTo(MasterKey.fromBase64("c", TestKeys.randomBase64()).id());
    assertThat(MasterKey.fromBase64("a", base64).toString()).doesNotContain(base64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "c2hvcnQ=", ""})
  void refusesAMalformedMasterKeyClearly(String encoded) {
    assertThatThrownBy(() -> MasterKey.fromBase64("GATEHOUSE_MASTER_KEY", encoded))
        .isInstanceOf(StorageException.class).hasMessageContaining("master key from GATEHOUSE_MASTER_KEY");
  }
}
