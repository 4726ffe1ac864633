package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {
  @TempDir
  Path directory;

  @Test
  void aKeyFileSourceReloadsTheFileWhenItMeetsAnUnknownKeyId() throws Exception {
    Path file = directory.resolve(MasterKeys.FILE_NAME);
    KeyRing old = TestKeys.randomRing();
    MasterKeys.replace(file, old);
    MasterKeySource source = MasterKeySource.fromFile(MasterKeys.readFile(file), file);
    KeyRing rotated = old.rotatedTo(MasterKey.random(new SecureRandom()));
    MasterKeys.replace(file, rotated);

    assertThat(source.current().id()).isEqualTo(old.current().id());
    assertThat(source.find(rotated.current().id())).hasValueSatisfying(
        k -> assertThat(k.id()).isEqualTo(rotated.current().id()));
    assertThat(source.current().id()).isEqualTo(rotated.current().id());
    assertThat(source.find(TestKeys.randomRing().current().id())).isEmpty();
  }

  @Test
  void aConfiguredSourceNeverReadsAFile() {
    KeyRing ring = TestKeys.randomRing();
    MasterKeySource source = MasterKeySource.fixed(ring);

    assertThat(source.keyFile()).isEmpty();
    assertThat(source.find(TestKeys.randomRing().current().id())).isEmpty();
    assertThat(source.ring()).isSameAs(ring);
  }

  @Test
  void theKeyFileListsTheCurrentKeyFirstAndIsPrivate() throws Exception {
    Path file = directory.resolve(MasterKeys.FILE_NAME);
    KeyRing old = TestKeys.randomRing();
    KeyRing rotated = old.rotatedTo(MasterKey.random(new SecureRandom()));

    MasterKeys.replace(file, old);
    MasterKeys.replace(file, rotated);

    assertThat(MasterKeys.readFile(file).keys()).extracting(MasterKey::id)
        .containsExactly(rotated.current().id(), old.current().id());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).startsWith("#").contains(rotated.current().toBase64());
    assertThat(directory.resolve(MasterKeys.FILE_NAME + ".new")).doesNotExist();
  }

  @Test
  void aKeyFileOthersCanReadIsRefusedOnReload() throws Exception {
    Path file = directory.resolve(MasterKeys.FILE_NAME);
    MasterKeys.replace(file, TestKeys.randomRing());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> MasterKeys.readFile(file))
        .isInstanceOf(StorageException.class).hasMessageContaining("chmod 600");
  }
}
