package dev.gatehouse.duosim;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Runs the simulator alone: {@code java -jar duo-simulator.jar [--port N] [--scenario FILE |
 * --push-timeout SECONDS] [--cert-out FILE] [--cert PEM --key PEM]}; prints one JSON line when ready.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Integer port = 0;
    Path scenarioFile = null;
    Path certOut = null;
    Path cert = null;
    Path key = null;
    Long pushTimeout = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port":
            port = Integer.valueOf(value(args, ++i, "--port"));
            break;
          case "--scenario":
            scenarioFile = Path.of(value(args, ++i, "--scenario"));
            break;
          case "--push-timeout":
            pushTimeout = seconds(value(args, ++i, "--push-timeout"));
            break;
          case "--cert-out":
            certOut = Path.of(value(args, ++i, "--cert-out"));
            break;
          case "--cert":
            cert = Path.of(value(args, ++i, "--cert"));
            break;
          case "--key":
            key = Path.of(value(args, ++i, "--key"));
            break;
          case "--help":
          case "-h":
            System.err.println(usage());
            return;
          default:
            throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if ((cert == null) != (key == null)) {
        throw new IllegalArgumentException("--cert and --key go together");
      }
      if (pushTimeout != null && scenarioFile != null) {
        throw new IllegalArgumentException("--push-timeout applies to the default scenario; "
            + "set pushTimeoutSeconds in the scenario file instead");
      }
      Scenario scenario = scenarioFile != null ? scenario(scenarioFile)
          : pushTimeout != null ? Scenario.defaultBuilder().pushTimeoutSeconds(pushTimeout).build()
          : Scenario.defaultScenario();
      DuoSimulator.Builder builder = DuoSimulator.builder(scenario).port(port);
      if (cert != null) {
        builder.certificate(cert, key);
      }
      DuoSimulator simulator = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "duosim-shutdown"));
      Path caFile = certOut;
      if (caFile == null) {
        caFile = Files.createTempFile("duo-simulator-", ".pem");
        caFile.toFile().deleteOnExit();
      }
      simulator.writeCaPem(caFile);
      System.out.println(simulator.readyLine(caFile));
      System.out.flush();
    } catch (Exception e) {
      System.err.println("duo-simulator: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
    }
  }

  /** The scenario file; a failure names the file in one line. */
  private static Scenario scenario(Path file) {
    try {
      return Scenario.fromFile(file);
    } catch (UncheckedIOException e) {
      String why = e.getCause() instanceof NoSuchFileException ? "no such file"
          : e.getCause() instanceof AccessDeniedException ? "permission denied" : "it is unreadable";
      throw new IllegalArgumentException("cannot read scenario file " + file + ": " + why, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scenario file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whole seconds, 0 or more (0: an unanswered push never times out). */
  private static long seconds(String value) {
    try {
      long seconds = Long.parseLong(value);
      if (seconds >= 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--push-timeout takes whole seconds, 0 or more (0: never), not '" + value + "'");
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static String usage() {
    return "usage: java -jar duo-simulator.jar [--port N] [--scenario FILE | --push-timeout SECONDS] "
        + "[--cert-out FILE] [--cert CERT.pem --key KEY.pem]";
  }
}
