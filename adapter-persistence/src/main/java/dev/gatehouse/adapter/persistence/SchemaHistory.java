package dev.gatehouse.adapter.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether the database already holds exactly the migrations this build ships, read without
 * Flyway: its class-path scan, metadata queries and validation cost every command about 0.3 s of
 * start-up. Current means {@code flyway_schema_history} lists each shipped script once, applied
 * with success and with the checksum Flyway computes for it, and nothing else. Anything else (no
 * schema yet, an older, newer, failed or edited one, an unreadable history) is left to Flyway,
 * which migrates, validates and reports as before.
 */
final class SchemaHistory {
  /** Where the migrations live on the class path (Flyway's {@code classpath:db/migration}). */
  static final String LOCATION = "db/migration";

  private SchemaHistory() {}

  /** True only when nothing is left to migrate and Flyway's validation would pass. */
  static boolean isCurrent(DataSource dataSource) {
    Map<String, Integer> shipped;
    try {
      shipped = shippedScripts();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return false;
    }
    if (shipped.isEmpty()) {
      return false;
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
        if (!exists.next() || !exists.getBoolean(1)) {
          return false;
        }
      }
      Map<String, Integer> applied = new HashMap<>();
      try (ResultSet rows = statement.executeQuery("SELECT script, checksum, success FROM flyway_schema_history")) {
        while (rows.next()) {
          if (!rows.getBoolean("success") || applied.put(rows.getString("script"), rows.getObject("checksum",
              Integer.class)) != null) {
            return false;
          }
        }
      }
      return applied.equals(shipped);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The SQL scripts in {@link #LOCATION}, by file name, with Flyway's checksum of each. */
  static Map<String, Integer> shippedScripts() throws IOException, URISyntaxException {
    ClassLoader loader = SchemaHistory.class.getClassLoader();
    Map<String, Integer> scripts = new HashMap<>();
    for (String name : scriptNames(loader.getResource(LOCATION))) {
      try (InputStream in = loader.getResourceAsStream(LOCATION + "/" + name)) {
        if (in == null) {
          throw new IOException("cannot read " + name);
        }
        scripts.put(name, checksum(in));
      }
    }
    return scripts;
  }

  /** The names of the SQL scripts directly in {@code location}, a directory or a jar's folder ({@link #LOCATION}). */
  static List<String> scriptNames(URL location) throws IOException, URISyntaxException {
    if (location == null) {
      return List.of();
    }
    if (location.getProtocol().equals("jar")) {
      String prefix = LOCATION + "/";
      JarFile jar = ((JarURLConnection) location.openConnection()).getJarFile();
      return jar.stream().map(entry -> entry.getName())
          .filter(name -> name.startsWith(prefix) && name.endsWith(".sql") && name.indexOf('/', prefix.length()) < 0)
          .map(name -> name.substring(prefix.length()))
          .toList();
    }
    try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).toList();
    }
  }

  /**
   * Flyway's checksum of a script (its {@code ChecksumCalculator}): CRC-32 over each line's UTF-8
   * bytes without its line break, a byte-order mark left out.
   */
  static int checksum(InputStream script) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader reader = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096);
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      crc.update((line.startsWith("\uFEFF") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }
}
