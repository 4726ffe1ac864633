package dev.gatehouse.adapter.persistence;

import dev.gatehouse.application.contract.StorageFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second Gatehouse process for {@link SharedDataDirectoryIT}: starts storage on the data
 * directory given as the first argument, adds the user named by the second, prints
 * {@code READY <port> <started-here>}, waits for a line on stdin, closes and prints {@code CLOSED}.
 */
public final class SharedDataDirectoryMain {
  private SharedDataDirectoryMain() {}

  public static void main(String[] args) throws Exception {
    try (PersistenceRuntime runtime = PersistenceRuntime.start(PersistenceConfig.embedded(Path.of(args[0])))) {
      new JdbcUserRepository(runtime.transactions()).add(StorageFixtures.aUser(args[1]));
      System.out.println("READY " + runtime.embedded().port() + " " + runtime.embedded().startedHere());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    System.out.println("CLOSED");
    System.out.flush();
  }
}
