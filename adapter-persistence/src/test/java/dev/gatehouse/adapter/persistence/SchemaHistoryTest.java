package dev.gatehouse.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped scripts as the executable jar holds them (the integration test reads a directory). */
class SchemaHistoryTest {
  @TempDir
  Path dir;

  @Test
  void listsTheScriptsDirectlyInTheJarsMigrationFolder() throws Exception {
    Path jar = dir.resolve("gatehouse.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : new String[] {"db/", "db/migration/", "db/migration/V1__first.sql",
          "db/migration/V2__second.sql", "db/migration/notes.txt", "db/migration/old/V0__older.sql",
          "db/other/V9__elsewhere.sql"}) {
        out.putNextEntry(new JarEntry(name));
        out.write(name.endsWith("/") ? new byte[0] : "SELECT 1;".getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }

    // As the class loader names the folder: with the trailing slash of its directory entry.
    assertThat(SchemaHistory.scriptNames(new URL("jar:" + jar.toUri() + "!/db/migration/")))
        .containsExactlyInAnyOrder("V1__first.sql", "V2__second.sql");
  }

  @Test
  void checksumsLinesWithoutTheirBreaksOrAByteOrderMark() throws Exception {
    int plain = SchemaHistory.checksum(new ByteArrayInputStream("CREATE TABLE t ();\nSELECT 1;\n"
        .getBytes(StandardCharsets.UTF_8)));

    assertThat(SchemaHistory.checksum(new ByteArrayInputStream("\uFEFFCREATE TABLE t ();\r\nSELECT 1;"
        .getBytes(StandardCharsets.UTF_8)))).isEqualTo(plain);
    assertThat(SchemaHistory.checksum(new ByteArrayInputStream("CREATE TABLE t ( );\nSELECT 1;\n"
        .getBytes(StandardCharsets.UTF_8)))).isNotEqualTo(plain);
  }
}
